import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import { ENTITY_GROUPS } from '../../../../lib/view/entity-groups';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { foldKey } from '../../../../lib/text/fold';
import { loadedArchive } from './loaded-archive';

const pack = packJson as KnowledgePack;
// Small chunks, so lookups cross chunk boundaries.
const archive = await loadedArchive(pack, { entities: 20_000, claims: 20_000, passages: 20_000 });

describe('the archive index', () => {
  it('lists the 16 articles by date, each with its passages in order', () => {
    const articles = archive.articles();
    expect(articles).toHaveLength(16);
    expect(articles.map((s) => s.date)).toEqual([...articles.map((s) => s.date)].sort());
    const all = articles.flatMap((s) => archive.passagesOf(s.id));
    expect(all.sort((a, b) => a - b)).toEqual(pack.passages.map((_, i) => i));
    for (const source of articles) {
      const passages = archive.passagesOf(source.id);
      expect([...passages].sort((a, b) => a - b)).toEqual(passages);
    }
    expect(archive.passagesOf('no-such-source')).toEqual([]);
  });

  it('knows the entities and claims of each passage', () => {
    const maduro = pack.entities.find((e) => e.id === 'nicolas-maduro')!;
    for (const passage of maduro.passages) expect(archive.entitiesInPassage(passage)).toContain('nicolas-maduro');
    const claim = pack.claims[0]!;
    for (const e of claim.evidence) expect(archive.claimsInPassage(e.passage)).toContain(claim.id);
  });

  it('groups entities as the popup does, A–Z, with no entity lost or repeated', () => {
    const groups = archive.entityGroups();
    expect(groups.map((g) => g.group.id)).toEqual(
      ENTITY_GROUPS.filter((g) => pack.entities.some((e) => g.types.includes(e.type))).map((g) => g.id),
    );
    const ids = groups.flatMap((g) => g.entities.map((e) => e.id));
    expect(ids.sort()).toEqual(pack.entities.map((e) => e.id).sort());
    for (const { group, entities } of groups) {
      for (const entity of entities) expect(group.types).toContain(entity.type);
      const keys = entities.map((e) => foldKey(e.name).replace(/\d+/g, (d) => d.padStart(12, '0')));
      expect(keys).toEqual([...keys].sort());
    }
  });

  it('groups claims by status, newest first', () => {
    const groups = archive.claimGroups();
    expect(groups.reduce((n, g) => n + g.claims.length, 0)).toBe(pack.claims.length);
    for (const { status, claims } of groups) {
      for (const claim of claims) expect(claim.status).toBe(status);
      const dates = claims.map((c) => c.date);
      expect(dates).toEqual([...dates].sort().reverse());
    }
  });

  it('sorts names ignoring case and accents, numbers by value', async () => {
    const entity = (id: string, name: string) => ({ ...pack.entities[0]!, id, name, type: 'unit' as const });
    const small = await loadedArchive({
      ...pack,
      entities: [entity('c', 'Unit 10'), entity('a', 'Ávila'), entity('b', 'Unit 2'), entity('d', 'avenue')],
    });
    expect(small.entityGroups()[0]!.entities.map((e) => e.name)).toEqual(['avenue', 'Ávila', 'Unit 2', 'Unit 10']);
  });

  it('finds entities by part of a name or alias, ignoring case and accents, best first', () => {
    expect(archive.findEntities('nicolas')[0]?.id).toBe('nicolas-maduro');
    expect(archive.findEntities('MADURO').map((e) => e.id)).toContain('nicolas-maduro');
    const petro = archive.findEntities('petro');
    expect(petro[0]?.id).toBe('gustavo-petro');
    expect(archive.findEntities('petro', 1)).toHaveLength(1);
    expect(archive.findEntities('   ')).toEqual([]);
    expect(archive.findEntities('zzzzqx')).toEqual([]);
  });

  it('narrows the entity groups with a filter, and keeps all of them without one', () => {
    expect(archive.filterEntityGroups('')).toBe(archive.entityGroups());
    const narrowed = archive.filterEntityGroups('maduro');
    const ids = narrowed.flatMap((g) => g.entities.map((e) => e.id));
    expect(ids).toContain('nicolas-maduro');
    expect(ids.length).toBeLessThan(10);
  });

  it('collects the claims about or by an entity', () => {
    const claims = archive.claimsFor('nicolas-maduro');
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      expect(claim.about.includes('nicolas-maduro') || claim.claimantEntity === 'nicolas-maduro').toBe(true);
    }
    expect(archive.claimsFor('nobody')).toEqual([]);
  });

  it('numbers a passage within its article', () => {
    const first = archive.passagesOf(archive.articles()[0]!.id);
    expect(archive.paragraphNumber(first[0]!)).toBe(1);
    expect(archive.paragraphNumber(first[2]!)).toBe(3);
    expect(archive.paragraphNumber(-1)).toBe(0);
  });
});
