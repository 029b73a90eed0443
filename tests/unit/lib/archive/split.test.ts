import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import { ArchiveIndex, NAMES } from '../../../../lib/archive/archive-index';
import { createArchiveSearch } from '../../../../lib/archive/search';
import {
  CLAIM_NAMES,
  ENTITY_NAMES,
  type EntityNames,
  chunkOf,
  chunkPart,
  joinArchive,
  partNames,
  splitPack,
} from '../../../../lib/archive/split';
import { MAX_TIMELINE, cardData, cardDataFrom } from '../../../../lib/view/card-data';
import type { Claim, Entity, KnowledgePack } from '../../../../lib/knowledge/types';

const pack = packJson as KnowledgePack;
// Small budgets, so the real pack is cut into many chunks of each kind.
const SMALL = { entities: 10_000, claims: 10_000, passages: 5_000 };

describe('splitting the pack for the archive browser', () => {
  const { core, parts } = splitPack(pack, SMALL);
  const chunks = <T>(kind: 'entities' | 'claims' | 'passages') =>
    core.chunks[kind].map((_, i) => parts.get(chunkPart(kind, i)) as T[]);

  it('cuts each kind into several chunks, each within its budget unless one item is larger', () => {
    for (const kind of ['entities', 'claims', 'passages'] as const) {
      expect(core.chunks[kind].length).toBeGreaterThan(3);
      for (const chunk of chunks<unknown>(kind)) {
        const size = JSON.stringify(chunk).length;
        if (chunk.length > 1) expect(size).toBeLessThanOrEqual(SMALL[kind] + chunk.length + 2);
      }
    }
  });

  it('puts every entity, claim and passage in exactly one chunk, in pack order', () => {
    expect(chunks<Entity>('entities').flat()).toEqual(pack.entities);
    expect(chunks<Claim>('claims').flat()).toEqual(pack.claims);
    expect(chunks<string>('passages').flat()).toEqual(pack.passages.map((p) => p.text));
    const ids = chunks<Entity>('entities').flatMap((chunk) => chunk.map((e) => e.id));
    expect(new Set(ids).size).toBe(pack.entities.length);
    expect(partNames(core).sort()).toEqual([...parts.keys()].sort());
  });

  it('keeps in the core only what the articles list needs', () => {
    expect(core.sources).toEqual(pack.sources);
    expect(core.passageRuns.reduce((n, [, count]) => n + count, 0)).toBe(pack.passages.length);
    expect([core.entityCount, core.claimCount, core.passageCount]).toEqual([
      pack.entities.length,
      pack.claims.length,
      pack.passages.length,
    ]);
    expect(JSON.stringify(core)).not.toContain(pack.passages[0]!.text);
    expect(JSON.stringify(core)).not.toContain(pack.entities[0]!.summary);
    const partsLength = [...parts.values()].reduce((n: number, value) => n + JSON.stringify(value).length, 0);
    expect(core.partsLength).toBe(partsLength);
  });

  it('names each entity and claim in pack order, with their passages', () => {
    const entityNames = (parts.get(ENTITY_NAMES) as EntityNames).list;
    expect(entityNames.map((e) => e.id)).toEqual(pack.entities.map((e) => e.id));
    expect(entityNames[5]).toEqual({
      id: pack.entities[5]!.id,
      name: pack.entities[5]!.name,
      type: pack.entities[5]!.type,
      aliases: pack.entities[5]!.aliases,
      passages: pack.entities[5]!.passages,
    });
    const claimNames = parts.get(CLAIM_NAMES) as { id: string; evidencePassages: number[] }[];
    expect(claimNames.map((c) => c.id)).toEqual(pack.claims.map((c) => c.id));
    expect(claimNames[0]!.evidencePassages).toEqual(pack.claims[0]!.evidence.map((e) => e.passage));
  });

  it('joins back into the original pack, with small chunks and with the default ones', () => {
    expect(joinArchive(core, (name) => parts.get(name))).toEqual(pack);
    const whole = splitPack(pack);
    expect(whole.core.chunks).toEqual({ entities: [0], claims: [0], passages: [0] });
    expect(joinArchive(whole.core, (name) => whole.parts.get(name))).toEqual(pack);
  });

  it('keeps passages in pack order when an article’s passages are not together', () => {
    const [a, b] = pack.sources;
    const mixed: KnowledgePack = {
      ...pack,
      passages: [a, b, a, a, b].map((source, i) => ({ source: source!.id, text: `passage ${i}` })),
    };
    const split = splitPack(mixed, { passages: 20 });
    expect(split.core.passageRuns).toEqual([
      [0, 1],
      [1, 1],
      [0, 2],
      [1, 1],
    ]);
    expect(joinArchive(split.core, (name) => split.parts.get(name)).passages).toEqual(mixed.passages);
    const archive = new ArchiveIndex(split.core, (name) => Promise.resolve(split.parts.get(name)));
    expect(archive.passagesOf(a!.id)).toEqual([0, 2, 3]);
    expect(archive.passagesOf(b!.id)).toEqual([1, 4]);
    expect([0, 1, 2, 3, 4, 5].map((i) => archive.sourceOfPassage(i))).toEqual([
      a!.id,
      b!.id,
      a!.id,
      a!.id,
      b!.id,
      undefined,
    ]);
    expect(archive.paragraphNumber(3)).toBe(3);
  });

  it('refuses a passage whose source is not in the pack', () => {
    expect(() => splitPack({ ...pack, passages: [{ source: 'nowhere', text: 'x' }] })).toThrow(/nowhere/);
  });

  it('finds the chunk holding any index, and none out of range', () => {
    for (const kind of ['entities', 'claims', 'passages'] as const) {
      const all = chunks<unknown>(kind);
      const flat = all.flat();
      flat.forEach((item, index) => {
        const chunk = chunkOf(core, kind, index);
        expect(all[chunk]![index - core.chunks[kind][chunk]!]).toBe(item);
      });
      expect(chunkOf(core, kind, -1)).toBe(-1);
      expect(chunkOf(core, kind, flat.length)).toBe(-1);
      expect(chunkOf(core, kind, 0.5)).toBe(-1);
    }
  });

  it('searches the joined pack as it searches the original', () => {
    const joined = createArchiveSearch(
      joinArchive(core, (name) => parts.get(name)),
      { directBelow: 0 },
    );
    const original = createArchiveSearch(pack, { directBelow: 0 });
    for (const query of ['Madurro', 'narco-state Belgium', 'Hegseth strikes']) {
      expect(joined.search(query)).toEqual(original.search(query));
    }
  });
});

describe('loading the archive lazily', () => {
  const { core, parts } = splitPack(pack, SMALL);
  function lazyArchive() {
    const requested: string[] = [];
    const archive = new ArchiveIndex(core, (name) => {
      requested.push(name);
      return Promise.resolve(parts.get(name));
    });
    return { archive, requested };
  }

  it('fetches each part once, only when asked, however often it is asked', async () => {
    const { archive, requested } = lazyArchive();
    expect(archive.articles()).toHaveLength(pack.sources.length);
    expect(requested).toEqual([]);
    expect(archive.has(NAMES)).toBe(false);
    await Promise.all([archive.load(NAMES), archive.load([ENTITY_NAMES])]);
    await archive.load(NAMES);
    expect(requested).toEqual([ENTITY_NAMES, CLAIM_NAMES]);
    expect(archive.has(NAMES)).toBe(true);
  });

  it('has a passage’s text once its chunk is loaded, and the right one', async () => {
    const { archive, requested } = lazyArchive();
    const index = pack.passages.length - 3;
    expect(archive.passageText(index)).toBeUndefined();
    const wanted = archive.passageParts([index, index + 1, 999_999]);
    expect(wanted).toHaveLength(1);
    await archive.load(wanted);
    expect(requested).toEqual(wanted);
    expect(archive.passageText(index)).toBe(pack.passages[index]!.text);
    expect(archive.sourceOfPassage(index)).toBe(pack.passages[index]!.source);
    expect(archive.passageText(0)).toBeUndefined();
  });

  it('builds every card from the names and that card’s parts only, as from the whole pack', async () => {
    for (const [kind, ids] of [
      ['entity', pack.entities.map((e) => e.id)],
      ['claim', pack.claims.map((c) => c.id)],
    ] as const) {
      for (const id of ids) {
        const { archive, requested } = lazyArchive();
        await archive.load(NAMES);
        const wanted = archive.cardParts(kind, id, MAX_TIMELINE);
        await archive.load(wanted);
        expect(requested.length).toBeLessThanOrEqual(2 + 1 + MAX_TIMELINE);
        expect(cardDataFrom(archive.cardLookup, kind, id)).toEqual(cardData(pack, kind, id));
      }
    }
  });

  it('asks again for a part whose loading failed', async () => {
    let fail = true;
    const archive = new ArchiveIndex(core, (name) =>
      fail ? Promise.reject(new Error('offline')) : Promise.resolve(parts.get(name)),
    );
    await expect(archive.load(NAMES)).rejects.toThrow('offline');
    fail = false;
    await archive.load(NAMES);
    expect(archive.entity('nicolas-maduro')?.name).toBe('Nicolás Maduro');
  });
});
