import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { loadMatcher, matcherDataFromPack } from '../../../../lib/matcher/compile';
import { findEntities } from '../../../../lib/matcher/find';
import {
  CHUNK_ITEMS,
  EAGER_JSON_CHARS,
  decodeMatcherData,
  encodeMatcherData,
  itemReader,
  lazyList,
} from '../../../../lib/matcher/lazy-data';
import { BUILT_IN_PACK, activeMatcherData, mergeMatcherData } from '../../../../lib/preferences/packs';

const data = matcherDataFromPack(packJson as unknown as KnowledgePack);

describe('lazily parsed matcher data', () => {
  it('decodes to the same data as the real pack compiles to', () => {
    const decoded = decodeMatcherData(encodeMatcherData(data));
    expect(JSON.parse(JSON.stringify(decoded))).toEqual(JSON.parse(JSON.stringify(data)));
    expect(decoded.entities.length).toBe(data.entities.length);
    expect(decoded.targets.length).toBe(data.keys.length);
    expect(Array.isArray(decoded.entities) && Array.isArray(decoded.keys) && Array.isArray(decoded.targets)).toBe(true);
    expect([...decoded.keys]).toEqual(data.keys);
    expect(decoded.entities.map((e) => e.id)).toEqual(data.entities.map((e) => e.id));
    expect(decoded.keys.at(-1)).toBe(data.keys.at(-1));
    expect(decoded.entities[data.entities.length]).toBeUndefined();
  });

  it('splits the lists into chunks of CHUNK_ITEMS', () => {
    const encoded = encodeMatcherData(data);
    expect(encoded.keys).toHaveLength(Math.ceil(data.keys.length / CHUNK_ITEMS));
    expect(encoded.targets).toHaveLength(encoded.keys.length);
    expect(encoded.entities).toHaveLength(Math.ceil(data.entities.length / CHUNK_ITEMS));
    expect(JSON.parse(encoded.head)).not.toHaveProperty('keys');
  });

  it('parses a chunk only when one of its items is read', () => {
    const length = CHUNK_ITEMS * 2 + 3;
    const items = Array.from({ length }, (_, i) => `item ${i}`);
    const texts = [
      JSON.stringify(items.slice(0, CHUNK_ITEMS)),
      'not JSON',
      JSON.stringify(items.slice(CHUNK_ITEMS * 2)),
    ];
    const list = lazyList<string>(texts, length);
    expect(list[0]).toBe('item 0');
    expect(list[length - 1]).toBe(`item ${length - 1}`);
    expect(list.length).toBe(length);
    expect(CHUNK_ITEMS in list).toBe(true);
    // The broken middle chunk is reached only now.
    expect(() => list[CHUNK_ITEMS]).toThrow(SyntaxError);
  });

  it("parses a small pack's entities at once, its keys and targets chunk by chunk, and a large one all by chunks", () => {
    const small = encodeMatcherData(data);
    small.targets[1] = 'not JSON';
    small.keys[1] = 'not JSON';
    const decodedSmall = decodeMatcherData(small);
    expect(decodedSmall.targets[0]).toEqual(data.targets[0]);
    expect(decodedSmall.keys[0]).toBe(data.keys[0]);
    expect(() => decodedSmall.targets[CHUNK_ITEMS]).toThrow(SyntaxError);
    expect(() => decodedSmall.keys[CHUNK_ITEMS]).toThrow(SyntaxError);
    small.entities[0] = 'not JSON';
    expect(() => decodeMatcherData(small)).toThrow(SyntaxError);

    const filler = 'x'.repeat(200);
    const entities = Array.from({ length: 4000 }, (_, i) => ({
      id: `e${i}`,
      name: `${filler} ${i}`,
      type: 'person' as const,
    }));
    const keys = entities.map((_, i) => `key ${i}`);
    const targets = entities.map((entity, i) => [{ entity: i, text: entity.name }]);
    const large = encodeMatcherData({ ...data, entities, keys, targets });
    expect(large.entities.join('').length).toBeGreaterThan(EAGER_JSON_CHARS);
    large.targets[3] = 'not JSON';
    const decoded = decodeMatcherData(large);
    expect(decoded.entities[3999]!.id).toBe('e3999');
    expect(decoded.targets[0]).toEqual([{ entity: 0, text: entities[0]!.name }]);
    expect(() => decoded.targets[3 * CHUNK_ITEMS]).toThrow(SyntaxError);
  });

  it('gives the scan a reader that bypasses the proxy but still parses on demand', () => {
    const length = CHUNK_ITEMS + 1;
    const texts = [JSON.stringify(Array.from({ length: CHUNK_ITEMS }, (_, i) => i)), 'not JSON'];
    const read = itemReader(lazyList<number>(texts, length));
    expect(read(7)).toBe(7);
    expect(read(length)).toBeUndefined();
    expect(() => read(CHUNK_ITEMS)).toThrow(SyntaxError);
    expect(itemReader(['a', 'b'])(1)).toBe('b');
  });

  it('reads only canonical indices as items', () => {
    const list = lazyList<string>([JSON.stringify(['a', 'b', 'c'])], 3);
    const read = (property: string) => (list as unknown as Record<string, unknown>)[property];
    expect([read('0'), read('2')]).toEqual(['a', 'c']);
    for (const property of ['01', '-1', '1e0', '3', '', ' 1']) expect(read(property), property).toBeUndefined();
    expect(list.indexOf('b')).toBe(1);
  });

  it('rejects a chunk with the wrong number of items and cannot be written to', () => {
    const list = lazyList<number>(['[1, 2]'], 3);
    expect(() => list[0]).toThrow('chunk 0 has 2 items');
    const ok = lazyList<number>(['[1, 2, 3]'], 3);
    expect(Reflect.set(ok, 0, 9)).toBe(false);
    expect(ok[0]).toBe(1);
  });

  it('finds the same entities, and merges with imported packs like the plain data', () => {
    const decoded = decodeMatcherData(encodeMatcherData(data));
    const text =
      'Nicolás Maduro met Gustavo Petro in Caracas; the DEA and Pete Hegseth said the Tren de Aragua was hit.';
    const plain = findEntities(loadMatcher(data), text);
    expect(plain.length).toBeGreaterThan(3);
    expect(findEntities(loadMatcher(decoded), text)).toEqual(plain);
    expect(activeMatcherData(decoded, [])).toBe(decoded);
    const imported = { id: 'extra', data };
    const merged = JSON.stringify(mergeMatcherData([{ id: BUILT_IN_PACK, data: decoded }, imported]));
    expect(merged).toBe(JSON.stringify(mergeMatcherData([{ id: BUILT_IN_PACK, data }, imported])));
  });
});
