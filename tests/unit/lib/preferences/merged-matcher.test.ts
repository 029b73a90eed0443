import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import { findClaims } from '../../../../lib/claims/match';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { type Matcher, loadMatcher, matcherDataFromPack } from '../../../../lib/matcher/compile';
import { findEntities } from '../../../../lib/matcher/find';
import { EAGER_JSON_CHARS } from '../../../../lib/matcher/lazy-data';
import { deflateBytes } from '../../../../lib/matcher/deflate';
import {
  MERGED_MATCHER_FORMAT,
  MERGED_MATCHER_KEY,
  type StoredMergedMatcher,
  isCurrent,
  loadMergedMatcher,
  mergedMatcherEntry,
  parseMergedMatcher,
} from '../../../../lib/preferences/merged-matcher';
import { activeMatcherData, importPack, packMatchersOf, packStorage } from '../../../../lib/preferences/packs';
import { base64FromBytes, bytesFromBase64 } from '../../../../lib/scan/scan-tables';
import { compileScannerWasm } from '../../../../lib/tools/build/scanner-wasm';
import { computeFoldTables } from '../../../../lib/text/fold';

const BUILT_IN = matcherDataFromPack(packJson as unknown as KnowledgePack);
const FOLD = computeFoldTables();
const NOW = new Date('2026-01-02T03:04:05Z');

/** A newsroom's pack, written for this test: a few people and groups, one claim with a figure. */
function riversidePack(extraPeople = 0): KnowledgePack {
  const source = { id: 's1', headline: 'H', publisher: 'P', authors: [], date: '2025-01-01', dateIsEstimate: false };
  const entity = (id: string, name: string, aliases: string[] = [], cues: string[] = []) => ({
    id,
    type: 'person' as const,
    name,
    aliases,
    ambiguous: [],
    cues,
    caseSensitive: [],
    exclude: [],
    summary: 'Someone in Riverside.',
    sources: ['s1'],
    related: [],
    passages: [0],
  });
  return {
    version: '3',
    name: 'Riverside Courier',
    sources: [{ ...source, url: null }],
    entities: [
      entity('ada-brook', 'Ada Brook', ['Councillor Brook']),
      entity('riverside-boatmen', 'Riverside Boatmen', ['the Boatmen']),
      entity('ilse-varga', 'Ilse Varga', ['Mayor Varga'], ['town hall']),
      ...Array.from({ length: extraPeople }, (_, i) => entity(`resident-${i}`, `Resident Number${i} Quayside`)),
    ],
    claims: [
      {
        id: 'bridge-budget',
        statement: 'The bridge budget is $4.8 million.',
        claimant: 'Council',
        date: '2025-01-01',
        kind: 'figure',
        status: 'reported',
        context: 'Context.',
        evidence: [{ source: 's1', quote: 'Ada Brook spoke.', stance: 'states', passage: 0 }],
        about: [],
        match: { terms: [['bridge'], ['budget']], figures: ['$4.8 million'], paraphrases: ['A $4.8m bridge.'] },
      },
    ],
    passages: [{ source: 's1', text: 'Ada Brook spoke.' }],
  };
}

const TEXT =
  'Councillor Brook told the Boatmen that Mayor Varga had left the town hall. The bridge budget grew to ' +
  '$4.8 million, Nicolás Maduro was not asked, and the DEA and Tren de Aragua were not named. ' +
  'Resident Number7 Quayside and Resident Number1999 Quayside wrote in.';

function installed(pack = riversidePack()) {
  const result = importPack([], 'riverside.json', JSON.stringify(pack), NOW);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.packs;
}

/** As storage.local keeps it: JSON. */
async function stored(
  packs: ReturnType<typeof installed>,
  builtIn = BUILT_IN,
): Promise<StoredMergedMatcher | undefined> {
  return parseMergedMatcher(JSON.parse(JSON.stringify((await packStorage(packs, builtIn))[MERGED_MATCHER_KEY])));
}

function findings(matcher: Matcher) {
  const entity = (i: number) => matcher.data.entities[i]!;
  return {
    entities: findEntities(matcher, TEXT).map((f) => [
      TEXT.slice(f.start, f.end),
      entity(f.entity).id,
      entity(f.entity).pack,
    ]),
    claims: findClaims(matcher.claims, TEXT).map((f) => [matcher.data.claims.claims[f.claim]!.id, f.start, f.end]),
  };
}

describe('the stored merged matcher (#18 item 7)', () => {
  it('finds exactly what a matcher built from the same packs on the page finds', async () => {
    const packs = installed();
    const entry = await stored(packs);
    expect(entry?.resource).toEqual({ deflated: expect.any(String), bytes: expect.any(Number) });
    // Deflated: a third or less of the base64 of the bytes themselves.
    expect(entry!.resource!.deflated.length).toBeLessThan((entry!.resource!.bytes * 4) / 3 / 3);
    const onPage = loadMatcher(activeMatcherData(BUILT_IN, packMatchersOf(packs)));
    const fromStore = await loadMergedMatcher(entry!.resource!, { fold: FOLD, wasm: await compileScannerWasm() });
    expect(fromStore.scanner).toBe('wasm');
    const expected = findings(onPage);
    expect(expected.entities.map(([text, , pack]) => [text, pack])).toEqual(
      expect.arrayContaining([
        ['Councillor Brook', 'riverside-courier'],
        ['Mayor Varga', 'riverside-courier'],
        ['Nicolás Maduro', undefined],
        ['Tren de Aragua', undefined],
      ]),
    );
    expect(expected.claims.map(([id]) => id)).toContain('bridge-budget');
    expect(findings(fromStore)).toEqual(expected);
    // The JS scan loop over the stored automaton too (where WebAssembly cannot be compiled).
    expect(findings(await loadMergedMatcher(entry!.resource!, { fold: FOLD }))).toEqual(expected);
  });

  it('round-trips a pack large enough for the data to be decoded chunk by chunk', async () => {
    const packs = installed(riversidePack(6_000));
    const merged = activeMatcherData(BUILT_IN, packMatchersOf(packs));
    expect(JSON.stringify([merged.entities, merged.keys, merged.targets]).length).toBeGreaterThan(EAGER_JSON_CHARS);
    const resource = (await stored(packs))!.resource!;
    const fromStore = await loadMergedMatcher(resource, { fold: FOLD });
    const expected = findings(loadMatcher(merged));
    expect(expected.entities.map(([text]) => text)).toEqual(
      expect.arrayContaining(['Resident Number7 Quayside', 'Resident Number1999 Quayside']),
    );
    expect(findings(fromStore)).toEqual(expected);
  }, 60_000); // seconds on a loaded machine: the pack is validated, compiled, merged and built twice

  it('stores no resource when no imported pack is active: pages use the bundled matcher', async () => {
    const off = installed().map((p) => ({ ...p, enabled: false }));
    const none = { format: MERGED_MATCHER_FORMAT, bundled: BUILT_IN.version };
    expect(await stored(off)).toEqual(none);
    expect(await mergedMatcherEntry(BUILT_IN, BUILT_IN)).toEqual(none);
  });

  it('is stale once the bundled pack changes (an update), so that a page builds as before', async () => {
    const entry = await stored(installed());
    expect(isCurrent(entry, BUILT_IN)).toBe(true);
    expect(isCurrent(entry, { ...BUILT_IN, version: `${BUILT_IN.version}-next` })).toBe(false);
    expect(isCurrent(undefined, BUILT_IN)).toBe(false);
  });

  it('reads anything not shaped like an entry as none, the first layout (uncompressed) included', () => {
    const resource = { deflated: 'AAAA', bytes: 16 };
    for (const raw of [
      undefined,
      null,
      7,
      'x',
      {},
      { format: MERGED_MATCHER_FORMAT, bundled: 3 },
      { bundled: 'v', resource: 'AAAA' },
      { format: 1, bundled: 'v', resource },
      { format: MERGED_MATCHER_FORMAT, bundled: 'v', resource: 'AAAA' },
      { format: MERGED_MATCHER_FORMAT, bundled: 'v', resource: null },
      { format: MERGED_MATCHER_FORMAT, bundled: 'v', resource: { deflated: '', bytes: 16 } },
      { format: MERGED_MATCHER_FORMAT, bundled: 'v', resource: { deflated: 'AAAA', bytes: -1 } },
      { format: MERGED_MATCHER_FORMAT, bundled: 'v', resource: { deflated: 'AAAA', bytes: '16' } },
    ]) {
      expect(parseMergedMatcher(raw)).toBeUndefined();
    }
    expect(parseMergedMatcher({ format: MERGED_MATCHER_FORMAT, bundled: 'v', resource, extra: 1 })).toEqual({
      format: MERGED_MATCHER_FORMAT,
      bundled: 'v',
      resource,
    });
  });

  it('refuses stored bytes that are damaged or not a matcher resource rather than scanning with them', async () => {
    const { resource } = (await stored(installed()))!;
    const { deflated, bytes } = resource!;
    const raw = bytesFromBase64(deflated);
    // Bytes inverted in the middle of the compressed stream (the checksum tells), the stream cut short,
    // a wrong length.
    const flipped = raw.slice();
    for (let at = raw.length >> 1; at < (raw.length >> 1) + 8; at++) flipped[at] = raw[at]! ^ 0xff;
    const damaged = [
      { deflated: base64FromBytes(flipped), bytes },
      { deflated: base64FromBytes(raw.subarray(0, raw.length >> 1)), bytes },
      { deflated, bytes: bytes - 1 },
      { deflated, bytes: bytes + 1 },
    ];
    for (const entry of damaged) await expect(loadMergedMatcher(entry, { fold: FOLD })).rejects.toThrow();
    const notAResource = new TextEncoder().encode('not a matcher resource at all');
    await expect(
      loadMergedMatcher(
        { deflated: base64FromBytes(await deflateBytes(notAResource)), bytes: notAResource.length },
        { fold: FOLD },
      ),
    ).rejects.toThrow(/matcher resource/);
  });
});
