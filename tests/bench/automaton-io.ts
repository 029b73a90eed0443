/**
 * An Automaton (lib/matcher/automaton.ts) as one binary blob: a header of array lengths, then each
 * typed array at a 4-byte aligned offset, so the page rebuilds it as views over the same buffer
 * without copying. Used by the benchmark to compare building the automaton in the page with loading
 * one built in Node.
 */
import type { Automaton } from '../../lib/matcher/automaton';

const MAGIC = 0x31415342; // "BSA1" little-endian
const FIELDS = ['edgeStart', 'edgeChar', 'edgeNext', 'fail', 'output', 'dictLink', 'patternLength'] as const;
type Field = (typeof FIELDS)[number];
const HEADER_BYTES = 4 * (1 + FIELDS.length);

const align4 = (n: number) => (n + 3) & ~3;

export function serializeAutomaton(a: Automaton): Uint8Array {
  let size = HEADER_BYTES;
  for (const field of FIELDS) size = align4(size + a[field].byteLength);
  const bytes = new Uint8Array(size);
  const header = new Uint32Array(bytes.buffer, 0, 1 + FIELDS.length);
  header[0] = MAGIC;
  let offset = HEADER_BYTES;
  FIELDS.forEach((field, i) => {
    const array = a[field];
    header[i + 1] = array.length;
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset = align4(offset + array.byteLength);
  });
  return bytes;
}

export function deserializeAutomaton(buffer: ArrayBuffer, byteOffset = 0): Automaton {
  const header = new Uint32Array(buffer, byteOffset, 1 + FIELDS.length);
  if (header[0] !== MAGIC) throw new Error('not a serialized automaton');
  let offset = byteOffset + HEADER_BYTES;
  const views: Partial<Record<Field, Automaton[Field]>> = {};
  const make: Record<Field, (buf: ArrayBuffer, at: number, length: number) => Automaton[Field]> = {
    edgeStart: (b, at, n) => new Uint32Array(b, at, n),
    edgeChar: (b, at, n) => new Uint16Array(b, at, n),
    edgeNext: (b, at, n) => new Uint32Array(b, at, n),
    fail: (b, at, n) => new Uint32Array(b, at, n),
    output: (b, at, n) => new Int32Array(b, at, n),
    dictLink: (b, at, n) => new Int32Array(b, at, n),
    patternLength: (b, at, n) => new Uint16Array(b, at, n),
  };
  FIELDS.forEach((field, i) => {
    const length = header[i + 1]!;
    const view = make[field](buffer, offset, length);
    views[field] = view;
    offset = align4(offset + view.byteLength);
  });
  return views as Automaton;
}
