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
  preparePackStorage,
  parsePackMatchers,
} from '../../../../lib/preferences/packs';
import { MERGED_MATCHER_KEY } from '../../../../lib/preferences/merged-matcher';
import { smallPack } from '../../../support/small-pack';

const REAL = readFileSync(join(import.meta.dirname, '../../../../assets/knowledge.json'), 'utf8');
const BUILT_IN = matcherDataFromPack(JSON.parse(REAL) as KnowledgePack);
const NOW = new Date('2026-01-02T03:04:05Z');

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

describe('pack ids (#18 item 3)', () => {
  it('keeps letters of every script, so non-Latin names do not all become "custom-"', () => {
    expect(packIdFor({ name: 'Новости Риверсайда' })).toBe('новости-риверсайда');
    expect(packIdFor({ name: '河畔新闻' })).toBe('河畔新闻');
    expect(packIdFor({ name: '!!!' })).toBe('custom-pack');
  });

  it('numbers an id another pack already has', () => {
    expect(packIdFor({ name: 'Riverside!' }, ['riverside'])).toBe('riverside-2');
    expect(packIdFor({ name: 'riverside' }, ['riverside', 'riverside-2'])).toBe('riverside-3');
  });

  it('imports packs whose names differ only in punctuation, case or script side by side', () => {
    let packs: ReturnType<typeof importPack> & { ok: true } extends infer R
      ? R extends { packs: infer P }
        ? P
        : never
      : never = [];
    for (const name of ['Новости Риверсайда', '河畔新闻', 'Riverside!', 'riverside']) {
      const result = importPack(packs, 'p.json', JSON.stringify(smallPack(name, 'Ada Brook')), NOW);
      expect(result.ok && result.replaces).toBe(undefined);
      if (result.ok) packs = result.packs;
    }
    expect(packs.map((p) => p.id)).toEqual(['новости-риверсайда', '河畔新闻', 'riverside', 'riverside-2']);
  });

  it('says which pack an import replaces (same name), keeping its id', () => {
    const first = importPack([], 'a.json', JSON.stringify(smallPack('Riverside', 'Ada Brook')), NOW);
    if (!first.ok) throw new Error('import failed');
    const again = importPack(
      first.packs,
      'b.json',
      JSON.stringify({ ...smallPack('Riverside', 'Bo'), version: '2' }),
      NOW,
    );
    expect(again.ok && again.replaces?.pack.version).toBe('1');
    expect(again.ok && again.packs.map((p) => [p.id, p.pack.version])).toEqual([['riverside', '2']]);
  });
});

describe('import checks everything before anything is written (#18 items 2 and 11)', () => {
  it('rejects a claim figure the matcher cannot read, with its path', async () => {
    const pack = smallPack('Figures', 'Ada Brook');
    pack.claims = [
      {
        id: 'budget',
        statement: 'The budget is large.',
        claimant: 'Council',
        date: '2025-01-01',
        kind: 'figure',
        status: 'reported',
        context: 'Context.',
        evidence: [{ source: 's1', quote: 'Ada Brook spoke.', stance: 'states', passage: 0 }],
        about: [],
        match: { terms: [['budget']], figures: ['about a lot'], paraphrases: ['A large budget.'] },
      },
    ];
    await expect(packStorage([{ id: 'f', enabled: true, importedAt: '', pack }], BUILT_IN)).rejects.toThrow();
    const result = importPack([], 'figures.json', JSON.stringify(pack), NOW);
    expect(result).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^figures\.json: \$\.claims\[0\]\.match\.figures\[0\]: parseFigure: no figure/)],
    });
  });

  it('lists the first 20 problems of a file with 50,000 and counts the rest', () => {
    const pack = smallPack('Many', 'Ada Brook');
    (pack.entities[0] as unknown as { aliases: unknown[] }).aliases = Array.from({ length: 50_000 }, () => 7);
    const result = importPack([], 'many.json', JSON.stringify(pack), NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(20);
    expect(result.errors[0]).toMatch(/^many\.json: \$\.entities\[0\]\.aliases\[0\]: expected/);
    expect(result.more).toBe(49_980);
  });

  it('measures what a change will write and refuses one over the limit with a clear reason', async () => {
    const imported = importPack([], 'r.json', JSON.stringify(smallPack('Riverside Courier', 'Ada Brook')), NOW);
    const packs = imported.ok ? imported.packs : [];
    const change = await preparePackStorage(packs, BUILT_IN);
    expect(change.ok && Object.keys(change.entries)).toEqual([PACKS_KEY, PACK_MATCHERS_KEY, MERGED_MATCHER_KEY]);
    const bytes = change.ok ? change.bytes : 0;
    // The merged matcher is counted: the bundled pack's automaton alone, deflated, is larger than this pack.
    const merged = change.ok ? JSON.stringify(change.entries[MERGED_MATCHER_KEY]).length : 0;
    expect(merged).toBeGreaterThan(JSON.stringify(packs).length);
    expect(bytes).toBeGreaterThan(JSON.stringify(packs).length + merged);
    expect(await preparePackStorage(packs, BUILT_IN, bytes)).toMatchObject({ ok: true });
    expect(await preparePackStorage(packs, BUILT_IN, bytes - 1)).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^too big: the packs and their matcher data would take \d+\.\d MB .* at most \d+\.\d MB/),
      ],
    });
  });

  it('turns a failure while making matcher data into an error rather than a throw', async () => {
    const broken = [{ id: 'x', enabled: true, importedAt: '', pack: { ...smallPack('X', 'Ada'), entities: null } }];
    expect(await preparePackStorage(broken as never, BUILT_IN)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^the packs' matcher data could not be made: /)],
    });
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
      ['ada-brook', 'riverside-courier'],
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

  it('stores, beside the packs, only the matcher data of the enabled ones for pages to read', async () => {
    const both = [...installed, { ...installed[0]!, id: 'off', enabled: false }];
    const stored = await packStorage(both, builtIn);
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
