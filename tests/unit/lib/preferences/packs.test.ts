import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { loadMatcher, matcherDataFromPack } from '../../../../lib/matcher/compile';
import { findEntities } from '../../../../lib/matcher/find';
import {
  BUILT_IN_PACK,
  PACKS_KEY,
  PACK_MATCHERS_KEY,
  activeMatcherData,
  importPack,
  packIdFor,
  packMatchersOf,
  packStorage,
  parseInstalledPacks,
  parsePackMatchers,
} from '../../../../lib/preferences/packs';

const REAL = readFileSync(join(import.meta.dirname, '../../../../assets/knowledge.json'), 'utf8');
const NOW = new Date('2026-01-02T03:04:05Z');

function smallPack(name: string, entityName: string): KnowledgePack {
  return {
    version: '1',
    name,
    sources: [
      { id: 's1', headline: 'H', publisher: 'P', authors: [], date: '2025-01-01', dateIsEstimate: false, url: null },
    ],
    entities: [
      {
        id: 'e1',
        type: 'person',
        name: entityName,
        aliases: [],
        ambiguous: [],
        cues: [],
        caseSensitive: [],
        exclude: [],
        summary: 'Someone.',
        sources: ['s1'],
        related: [],
        passages: [0],
      },
    ],
    claims: [],
    passages: [{ source: 's1', text: `${entityName} spoke.` }],
  };
}

describe('importPack', () => {
  it('adds a valid pack, replacing an older one with the same name', () => {
    const first = importPack([], 'a.json', JSON.stringify(smallPack('Riverside Courier', 'Ada Brook')), NOW);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.pack).toMatchObject({ id: 'riverside-courier', enabled: true, importedAt: NOW.toISOString() });
    const second = importPack(
      first.packs,
      'b.json',
      JSON.stringify({ ...smallPack('Riverside Courier', 'Ada Brook'), version: '2' }),
      NOW,
    );
    expect(second.ok && second.packs.map((p) => p.pack.version)).toEqual(['2']);
  });

  it('reports the file and JSON path of a bad field and leaves the current packs alone', () => {
    const current = [{ id: 'x', enabled: true, importedAt: '', pack: smallPack('X', 'Ada Brook') }];
    const before = JSON.stringify(current);
    const broken = smallPack('Y', 'Bo');
    (broken.entities[0] as unknown as Record<string, unknown>).type = 'robot';
    const result = importPack(current, 'broken.json', JSON.stringify(broken), NOW);
    expect(result).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^broken\.json: \$\.entities\[0\]\.type: expected one of person, .*got "robot"$/)],
    });
    expect(JSON.stringify(current)).toBe(before);
  });

  it('rejects text that is not JSON', () => {
    const result = importPack([], 'notes.txt', 'hello', NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^notes\.txt: \$: expected valid JSON/);
  });

  it('never takes the bundled pack id', () => {
    expect(packIdFor({ name: 'Backstory archive' })).not.toBe(BUILT_IN_PACK);
    expect(packIdFor({ name: 'Crónica de Bogotá' })).toBe('cronica-de-bogota');
  });
});

describe('several packs at once', () => {
  const builtIn = matcherDataFromPack(JSON.parse(REAL) as KnowledgePack);
  const imported = importPack([], 'r.json', JSON.stringify(smallPack('Riverside Courier', 'Ada Brook')), NOW);
  const installed = imported.ok ? imported.packs : [];

  it('finds entities of every active pack and says which pack each comes from', () => {
    const matcher = loadMatcher(activeMatcherData(builtIn, packMatchersOf(installed)));
    const text = 'Ada Brook met Nicolás Maduro, and cartels moved fentanyl.';
    const found = findEntities(matcher, text).map((f) => [
      matcher.data.entities[f.entity]!.id,
      matcher.data.entities[f.entity]!.pack,
    ]);
    expect(found).toEqual([
      ['e1', 'riverside-courier'],
      ['nicolas-maduro', undefined],
      ['fentanyl', undefined],
    ]);
  });

  it('leaves disabled packs out', () => {
    const matcher = loadMatcher(
      activeMatcherData(builtIn, packMatchersOf(installed.map((p) => ({ ...p, enabled: false })))),
    );
    expect(findEntities(matcher, 'Ada Brook spoke.')).toEqual([]);
  });

  it('keeps claims of the bundled pack working after a merge', () => {
    const merged = activeMatcherData(builtIn, packMatchersOf(installed));
    expect(merged.claims.claims.length).toBe(builtIn.claims.claims.length);
    expect(merged.claims.termKeys.length).toBe(builtIn.claims.termKeys.length);
  });

  it('stores, beside the packs, only the matcher data of the enabled ones for pages to read', () => {
    const both = [...installed, { ...installed[0]!, id: 'off', enabled: false }];
    const stored = packStorage(both);
    expect(stored[PACKS_KEY]).toBe(both);
    const matchers = parsePackMatchers(JSON.parse(JSON.stringify(stored[PACK_MATCHERS_KEY])));
    expect(matchers.map((m) => m.id)).toEqual(['riverside-courier']);
    expect(JSON.stringify(matchers)).not.toContain('passages');
    expect(findEntities(loadMatcher(activeMatcherData(builtIn, matchers)), 'Ada Brook spoke.')).toHaveLength(1);
  });

  it('drops stored pack matchers that are not shaped like one, and keeps the bundled data when none', () => {
    const good = packMatchersOf(installed)[0]!;
    const broken = [
      null,
      7,
      { id: 'x' },
      { id: 'y', data: { ...good.data, keys: [...good.data.keys, 'extra'] } },
      { data: good.data },
    ];
    expect(parsePackMatchers([...broken, good]).map((m) => m.id)).toEqual([good.id]);
    expect(parsePackMatchers('nope')).toEqual([]);
    expect(activeMatcherData(builtIn, [])).toBe(builtIn);
  });

  it('drops stored packs that no longer read as packs', () => {
    expect(parseInstalledPacks([{ id: 'bad', pack: { name: 'x' } }, ...installed]).map((p) => p.id)).toEqual([
      'riverside-courier',
    ]);
  });
});

describe('claims across packs', () => {
  it('finds the claims of an imported pack in the same pass as the bundled ones', async () => {
    const { collectCandidates, newCandidates } = await import('../../../../lib/matcher/find');
    const { claimsFromHits } = await import('../../../../lib/claims/match');
    const pack = smallPack('Riverside Courier', 'Ada Brook');
    pack.claims = [
      {
        id: 'budget',
        statement: 'The bridge budget is $4.8 million.',
        claimant: 'Council',
        date: '2025-01-01',
        kind: 'figure',
        status: 'reported',
        context: 'Context.',
        evidence: [{ source: 's1', quote: 'Ada Brook spoke.', stance: 'states', passage: 0 }],
        about: [],
        match: {
          terms: [['bridge'], ['budget']],
          figures: ['$4.8 million'],
          paraphrases: ['A bridge budget of $4.8m.'],
        },
      },
    ];
    const imported = importPack([], 'r.json', JSON.stringify(pack), NOW);
    const matcher = loadMatcher(
      activeMatcherData(
        matcherDataFromPack(JSON.parse(REAL) as KnowledgePack),
        packMatchersOf(imported.ok ? imported.packs : []),
      ),
    );
    const text = 'The bridge budget grew to $4.8m. Trump said drugs by sea fell 94 percent.';
    const candidates = newCandidates();
    collectCandidates(matcher, text, candidates);
    const ids = claimsFromHits(matcher.claims, text, candidates.terms).map((f) => matcher.data.claims.claims[f.claim]!);
    expect(ids.map((c) => [c.id, c.pack])).toEqual([
      ['budget', 'riverside-courier'],
      ['sea-drug-flows-down-94-percent', undefined],
    ]);
  });
});
