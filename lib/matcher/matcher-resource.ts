/**
 * A large pack's matcher as one binary file beside the background script, read at the first page's request:
 * the scan tables are read as views without copying, and each data chunk (lib/matcher/lazy-data.ts)
 * is decoded from its bytes when the matcher first reads it (decoding all 10 MB at once takes 50 ms).
 * Inlined instead, 100,000 aliases make a 25 MB script whose evaluation alone takes over 100 ms.
 *
 * Layout: four u32 (magic, table bytes, index bytes, text bytes), the scan-table blob (4-byte
 * aligned), the index as UTF-8 JSON (where each chunk ends, in bytes), then the chunks as UTF-8.
 */
import type { ChunkSource, ChunkedMatcherData, EncodedMatcherData } from './lazy-data';

const MAGIC = 0x314d5342; // "BSM1" little-endian
const HEADER_BYTES = 16;

export interface MatcherResource<Data = EncodedMatcherData> {
  data: Data;
  /** lib/scan/scan-tables.ts blob. */
  tables: Uint8Array;
}

type Lists = Pick<EncodedMatcherData, 'entities' | 'keys' | 'targets'>;
const LISTS: (keyof Lists)[] = ['entities', 'keys', 'targets'];

/** Per list, where each of its chunks ends in the text's bytes (the head comes first). */
interface ResourceIndex {
  head: number;
  ends: Record<keyof Lists, number[]>;
}

const align4 = (n: number) => (n + 3) & ~3;

export function encodeMatcherResource({ data, tables }: MatcherResource): Uint8Array {
  const encoder = new TextEncoder();
  const head = encoder.encode(data.head);
  const parts = [head];
  let length = head.byteLength;
  const ends = {} as ResourceIndex['ends'];
  for (const list of LISTS) {
    ends[list] = data[list].map((chunk) => {
      const bytes = encoder.encode(chunk);
      parts.push(bytes);
      return (length += bytes.byteLength);
    });
  }
  const index = encoder.encode(JSON.stringify({ head: head.byteLength, ends } satisfies ResourceIndex));
  const indexAt = align4(HEADER_BYTES + tables.byteLength);
  const bytes = new Uint8Array(indexAt + index.byteLength + length);
  new Uint32Array(bytes.buffer, 0, 4).set([MAGIC, tables.byteLength, index.byteLength, length]);
  bytes.set(tables, HEADER_BYTES);
  bytes.set(index, indexAt);
  parts.reduce((at, part) => (bytes.set(part, at), at + part.byteLength), indexAt + index.byteLength);
  return bytes;
}

/** Reads a resource written by encodeMatcherResource; throws on anything else. */
export function decodeMatcherResource(bytes: Uint8Array): MatcherResource<ChunkedMatcherData> {
  const fail = (why: string): never => {
    throw new Error(`matcher resource: ${why}`);
  };
  if (bytes.byteOffset % 4 !== 0 || bytes.byteLength < HEADER_BYTES) fail('too short or misaligned');
  const [magic, tableBytes, indexBytes, textBytes] = new Uint32Array(bytes.buffer, bytes.byteOffset, 4);
  if (magic !== MAGIC) fail('not a Backstory matcher resource');
  const indexAt = align4(HEADER_BYTES + tableBytes!);
  if (indexAt + indexBytes! + textBytes! !== bytes.byteLength) fail('sizes do not add up');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const index = JSON.parse(decoder.decode(bytes.subarray(indexAt, indexAt + indexBytes!))) as ResourceIndex;
  const text = bytes.subarray(indexAt + indexBytes!);
  let start = index.head;
  const source = (ends: number[]): ChunkSource => {
    const first = start;
    for (const end of ends) {
      if (end < start || end > text.byteLength) fail('chunk index out of range');
      start = end;
    }
    const startOf = (i: number) => (i === 0 ? first : ends[i - 1]!);
    return {
      count: ends.length,
      size: start - first,
      text: (i) => decoder.decode(text.subarray(startOf(i), ends[i])),
    };
  };
  const lists = {} as Record<keyof Lists, ChunkSource>;
  for (const list of LISTS) lists[list] = source(index.ends[list]);
  if (start !== text.byteLength) fail('text longer than its chunks');
  return {
    data: { head: decoder.decode(text.subarray(0, index.head)), ...lists },
    tables: bytes.subarray(HEADER_BYTES, HEADER_BYTES + tableBytes!),
  };
}
