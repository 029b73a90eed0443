/**
 * The automaton and the fold tables as one binary blob, built with the extension so that a page
 * never builds an automaton or computes a fold: a header of array lengths, then each typed array at
 * a 4-byte aligned offset, read back as views over the same buffer without copying.
 */
import type { FoldTables } from '../text/fold';
import type { Automaton } from './automaton';

export interface ScanTables {
  automaton: Automaton;
  fold: FoldTables;
}

const MAGIC = 0x32415342; // "BSA2" little-endian
const KINDS = {
  foldLow: Uint16Array,
  foldHigh: Uint32Array,
  edgeStart: Uint32Array,
  edgeChar: Uint16Array,
  edgeNext: Uint32Array,
  fail: Uint32Array,
  output: Int32Array,
  dictLink: Int32Array,
  patternLength: Uint16Array,
} as const;
type Field = keyof typeof KINDS;
const FIELDS = Object.keys(KINDS) as Field[];
const HEADER_BYTES = 4 * (1 + FIELDS.length);

const align4 = (n: number) => (n + 3) & ~3;

function arraysOf({ automaton, fold }: ScanTables): Record<Field, Uint16Array | Uint32Array | Int32Array> {
  return { foldLow: fold.low, foldHigh: fold.high, ...automaton };
}

export function serializeScanTables(tables: ScanTables): Uint8Array {
  const arrays = arraysOf(tables);
  let size = HEADER_BYTES;
  for (const field of FIELDS) size = align4(size + arrays[field].byteLength);
  const bytes = new Uint8Array(size);
  const header = new Uint32Array(bytes.buffer, 0, 1 + FIELDS.length);
  header[0] = MAGIC;
  let offset = HEADER_BYTES;
  FIELDS.forEach((field, i) => {
    const array = arrays[field];
    header[i + 1] = array.length;
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset = align4(offset + array.byteLength);
  });
  return bytes;
}

/** Views over `bytes` (which must start at a 4-byte aligned offset of its buffer). */
export function deserializeScanTables(bytes: Uint8Array): ScanTables {
  const { buffer, byteOffset } = bytes;
  if (byteOffset % 4 !== 0 || bytes.byteLength < HEADER_BYTES) throw new Error('scan tables: bad blob');
  const header = new Uint32Array(buffer, byteOffset, 1 + FIELDS.length);
  if (header[0] !== MAGIC) throw new Error('scan tables: not a Backstory scan-table blob');
  let offset = byteOffset + HEADER_BYTES;
  const views = {} as Record<Field, Uint16Array | Uint32Array | Int32Array>;
  FIELDS.forEach((field, i) => {
    const view = new KINDS[field](buffer as ArrayBuffer, offset, header[i + 1]!);
    views[field] = view;
    offset = align4(offset + view.byteLength);
  });
  const { foldLow, foldHigh, ...automaton } = views;
  return {
    automaton: automaton as unknown as Automaton,
    fold: { low: foldLow as Uint16Array, high: foldHigh as Uint32Array },
  };
}

/** Base64 → bytes, natively where the browser has Uint8Array.fromBase64. */
export function bytesFromBase64(encoded: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(encoded);
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes → base64, natively where the browser has Uint8Array.prototype.toBase64. */
export function base64FromBytes(bytes: Uint8Array): string {
  const native = (bytes as unknown as { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  // btoa takes a binary string; built in slices, since one character per argument overflows the stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
