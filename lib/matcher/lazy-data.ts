/**
 * Matcher data as the extension carries it: entities, keys and targets travel as JSON chunks,
 * each parsed the first time one of its items is read. With 100,000 aliases the data is 10 MB of
 * JSON, a parse of well over 100 ms in one task; a search reads the few chunks its matches point to.
 */
import type { MatcherData, MatcherEntity, MatcherTarget } from './compile';
import { type LongNameWords, longNames, useLongNames } from './near-spelling';

/**
 * Items per chunk. A page reads a few items from many chunks, so smaller chunks parse less it never
 * needs: with 100,000 aliases on the 1 MB page, 64 instead of 256 took the median longest task from
 * 50–53 ms to under 50 (two rounds of 9 loads side by side; the tasks over 50 ms were young-generation
 * GC of the parsed chunks).
 */
export const CHUNK_ITEMS = 64;

export interface EncodedMatcherData {
  /** JSON of everything small: version, claims, topicMin, and the lists' lengths. */
  head: string;
  entities: string[];
  keys: string[];
  targets: string[];
}

/** A list's chunks as JSON texts produced on demand (a large pack's are decoded from bytes when read). */
export interface ChunkSource {
  count: number;
  /** Total size of the chunks' JSON (characters or bytes): decides between parsing now and on demand. */
  size: number;
  text(index: number): string;
}

/** EncodedMatcherData with its lists as chunk sources. */
export interface ChunkedMatcherData {
  head: string;
  entities: ChunkSource;
  keys: ChunkSource;
  targets: ChunkSource;
}

function chunkSource(texts: readonly string[]): ChunkSource {
  return { count: texts.length, size: texts.reduce((sum, text) => sum + text.length, 0), text: (i) => texts[i]! };
}

const sourceOf = (list: readonly string[] | ChunkSource): ChunkSource => ('text' in list ? list : chunkSource(list));

interface Head extends Pick<MatcherData, 'version' | 'claims' | 'topicMin'> {
  lengths: { entities: number; keys: number };
  /**
   * A small pack's long names for the misspelt-name search, folded at build time: made on the page,
   * they were a regex and a fold per word of every entity's name, cold, at the start of every scan.
   */
  longNames?: LongNameWords[];
}

function chunks(items: readonly unknown[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += CHUNK_ITEMS) out.push(JSON.stringify(items.slice(i, i + CHUNK_ITEMS)));
  return out;
}

/** Build time: the data in chunks. */
export function encodeMatcherData(data: MatcherData): EncodedMatcherData {
  if (data.keys.length !== data.targets.length) throw new Error('matcher data: keys and targets differ in length');
  const entities = chunks(data.entities);
  const head: Head = {
    version: data.version,
    claims: data.claims,
    topicMin: data.topicMin,
    lengths: { entities: data.entities.length, keys: data.keys.length },
    // A large pack's names stay in their chunks: the page makes the index in slices (near-spelling.ts).
    ...(chunkSource(entities).size < EAGER_JSON_CHARS ? { longNames: longNames(data.entities) } : {}),
  };
  return { head: JSON.stringify(head), entities, keys: chunks(data.keys), targets: chunks(data.targets) };
}

/**
 * Below this much JSON the entities are parsed at once into a plain array: read all over the page's
 * code, they then cost no proxy trap per read.
 */
export const EAGER_JSON_CHARS = 512 * 1024;

/**
 * Page: matcher data whose lists parse a chunk when one of its items is first read. The keys only build
 * an automaton (a page gets it prebuilt) and the targets are read through itemReader, one chunk per
 * match: both stay in chunks at any size (parsing the real pack's at once was a third of content.js's
 * evaluation). A small pack's entities are parsed at once.
 */
export function decodeMatcherData(encoded: EncodedMatcherData | ChunkedMatcherData): MatcherData {
  const head = JSON.parse(encoded.head) as Head;
  const { lengths, longNames: names, ...rest } = head;
  const entities = sourceOf(encoded.entities);
  const data: MatcherData = {
    ...rest,
    entities: (entities.size < EAGER_JSON_CHARS ? parsedList : lazyList)<MatcherEntity>(entities, lengths.entities),
    keys: lazyList<string>(encoded.keys, lengths.keys),
    targets: lazyList<MatcherTarget[]>(encoded.targets, lengths.keys),
  };
  if (names) useLongNames(data, names);
  return data;
}

function parsedList<T>(chunks: ChunkSource, length: number): T[] {
  const items: T[] = [];
  for (let i = 0; i < chunks.count; i++) items.push(...(JSON.parse(chunks.text(i)) as T[]));
  if (items.length !== length) throw new Error(`matcher data: ${items.length} items, ${length} expected`);
  return items;
}

/** An array index in [0, length) written as a property name, else -1 (no allocation: this is per read). */
function indexOf(property: string | symbol, length: number): number {
  if (typeof property !== 'string' || property.length > 9) return -1;
  let index = 0;
  for (let i = 0; i < property.length; i++) {
    const digit = property.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9 || (digit === 0 && i === 0 && property.length > 1)) return -1;
    index = index * 10 + digit;
  }
  return property.length > 0 && index < length ? index : -1;
}

/**
 * A read-only array (Array.isArray, length, indexing, iteration and the array methods all work) over
 * JSON chunks.
 */
export function lazyList<T>(chunkTexts: readonly string[] | ChunkSource, length: number): T[] {
  const chunks = sourceOf(chunkTexts);
  // Items stay in their chunks' arrays: a `new Array(n)` this long is a dictionary, slow to fill and read.
  const parsed: (T[] | undefined)[] = new Array<T[] | undefined>(chunks.count).fill(undefined);
  const load = (chunk: number): T[] => {
    const values = JSON.parse(chunks.text(chunk)) as T[];
    if (values.length !== Math.min(CHUNK_ITEMS, length - chunk * CHUNK_ITEMS)) {
      throw new Error(`matcher data: chunk ${chunk} has ${values.length} items`);
    }
    return (parsed[chunk] = values);
  };
  const read = (index: number): T | undefined => {
    if (!(index >= 0 && index < length)) return undefined;
    const chunk = (index / CHUNK_ITEMS) | 0;
    return (parsed[chunk] ?? load(chunk))[index - chunk * CHUNK_ITEMS];
  };
  // The proxy's target only gives the list its length and array identity; it holds no items.
  const list = new Proxy(new Array<T>(length), {
    get(target, property, receiver) {
      const index = indexOf(property, length);
      return index < 0 ? (Reflect.get(target, property, receiver) as unknown) : read(index);
    },
    has(target, property) {
      return indexOf(property, length) >= 0 || Reflect.has(target, property);
    },
    getOwnPropertyDescriptor(target, property) {
      const index = indexOf(property, length);
      if (index < 0) return Reflect.getOwnPropertyDescriptor(target, property);
      return { value: read(index), writable: false, enumerable: true, configurable: true };
    },
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  });
  readers.set(list, read);
  return list;
}

const readers = new WeakMap<object, (index: number) => unknown>();

/** Reads items of `list` by index without a proxy's trap where it is a lazy list (the scan's hot loop). */
export function itemReader<T>(list: readonly T[]): (index: number) => T | undefined {
  return (readers.get(list) as ((index: number) => T | undefined) | undefined) ?? ((index) => list[index]);
}
