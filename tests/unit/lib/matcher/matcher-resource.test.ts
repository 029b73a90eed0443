import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { buildAutomaton } from '../../../../lib/scan/automaton';
import { loadMatcher, matcherDataFromPack } from '../../../../lib/matcher/compile';
import { findEntities } from '../../../../lib/matcher/find';
import {
  type ChunkSource,
  type ChunkedMatcherData,
  decodeMatcherData,
  encodeMatcherData,
} from '../../../../lib/matcher/lazy-data';
import { decodeMatcherResource, encodeMatcherResource } from '../../../../lib/matcher/matcher-resource';
import { deserializeScanTables, serializeScanTables } from '../../../../lib/scan/scan-tables';
import { computeFoldTables } from '../../../../lib/text/fold';

const data = matcherDataFromPack(packJson as unknown as KnowledgePack);
const encoded = encodeMatcherData(data);
const tables = serializeScanTables({ automaton: buildAutomaton(data.keys), fold: computeFoldTables() });

const texts = (source: ChunkSource) => Array.from({ length: source.count }, (_, i) => source.text(i));
const lists = ({ head, entities, keys, targets }: ChunkedMatcherData) => ({
  head,
  entities: texts(entities),
  keys: texts(keys),
  targets: texts(targets),
});

/** As fetch() gives it: a fresh, aligned buffer. */
const fetched = (bytes: Uint8Array) => new Uint8Array(bytes.slice().buffer);

describe('matcher resource (matcher.bin)', () => {
  it('gives back the same chunks and table bytes, and a matcher that finds the same names', () => {
    const resource = decodeMatcherResource(fetched(encodeMatcherResource({ data: encoded, tables })));
    expect(lists(resource.data)).toEqual(encoded);
    expect([...resource.tables]).toEqual([...tables]);
    const text = 'Nicolás Maduro met Gustavo Petro; the DEA and Tren de Aragua were named.';
    const fromResource = loadMatcher(decodeMatcherData(resource.data), deserializeScanTables(resource.tables));
    const names = (found: ReturnType<typeof findEntities>) => found.map((f) => text.slice(f.start, f.end));
    expect(names(findEntities(fromResource, text))).toEqual(names(findEntities(loadMatcher(data), text)));
    expect(names(findEntities(fromResource, text))).toContain('Nicolás Maduro');
  });

  it('keeps non-ASCII text intact across chunk boundaries', () => {
    const small = { head: '{"é":1}', entities: ['["Bogotá"]', '["Ñ"]'], keys: ['["ü"]'], targets: ['[[1]]'] };
    const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const resource = decodeMatcherResource(fetched(encodeMatcherResource({ data: small, tables: bytes })));
    expect(lists(resource.data)).toEqual(small);
    expect([...resource.tables]).toEqual([...bytes]);
  });

  it('decodes a chunk only when it is read', () => {
    const bytes = fetched(encodeMatcherResource({ data: encoded, tables }));
    bytes[bytes.length - 2] = 0xff; // not UTF-8, inside the last chunk of targets
    const resource = decodeMatcherResource(bytes);
    expect(() => resource.data.keys.text(0)).not.toThrow();
    expect(() => resource.data.targets.text(resource.data.targets.count - 1)).toThrow(TypeError);
  });

  it('rejects a file that is not one, or is cut short', () => {
    const good = encodeMatcherResource({ data: encoded, tables });
    const wrongMagic = good.slice();
    wrongMagic[0] = 0;
    expect(() => decodeMatcherResource(fetched(wrongMagic))).toThrow(/not a Backstory matcher resource/);
    expect(() => decodeMatcherResource(fetched(good.subarray(0, good.length - 10)))).toThrow(/sizes do not add up/);
    expect(() => decodeMatcherResource(new Uint8Array(4))).toThrow(/too short/);
  });
});
