import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import { buildTimeline, groupByMonth } from '../../../../lib/archive/timeline';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { loadedArchive } from './loaded-archive';

const pack = packJson as KnowledgePack;
const archive = await loadedArchive(pack);
const inOrder = (dates: string[]) => dates.every((d, i) => i === 0 || dates[i - 1]! <= d);

describe('the archive timeline', () => {
  it('holds every article and every claim, by date', () => {
    const events = buildTimeline(archive);
    expect(events.filter((e) => e.kind === 'article')).toHaveLength(pack.sources.length);
    expect(events.filter((e) => e.kind === 'claim')).toHaveLength(pack.claims.length);
    expect(inOrder(events.map((e) => e.date))).toBe(true);
  });

  it('puts a day’s articles before its claims', () => {
    const events = buildTimeline(archive);
    const day = events[0]!.date;
    const kinds = events.filter((e) => e.date === day).map((e) => e.kind);
    expect(kinds[0]).toBe('article');
    expect(kinds.lastIndexOf('article')).toBeLessThan(
      kinds.indexOf('claim') === -1 ? Infinity : kinds.indexOf('claim'),
    );
  });

  it('narrows to one entity: its passages (the first marked) and its claims', () => {
    const entity = pack.entities.find((e) => e.id === 'gustavo-petro')!;
    const events = buildTimeline(archive, entity.id);
    const passages = events.filter((e) => e.kind === 'passage');
    expect(passages.map((e) => e.passage).sort((a, b) => a - b)).toEqual([...entity.passages].sort((a, b) => a - b));
    expect(passages.filter((e) => e.first)).toEqual([passages[0]]);
    const claims = events.filter((e) => e.kind === 'claim').map((e) => e.claimId);
    const expected = pack.claims
      .filter((c) => c.about.includes(entity.id) || c.claimantEntity === entity.id)
      .map((c) => c.id);
    expect(claims.sort()).toEqual(expected.sort());
    expect(events.some((e) => e.kind === 'article')).toBe(false);
    expect(inOrder(events.map((e) => e.date))).toBe(true);
  });

  it('is empty for an unknown entity', () => {
    expect(buildTimeline(archive, 'nobody')).toEqual([]);
  });

  it('groups consecutive events by month', () => {
    const months = groupByMonth(buildTimeline(archive));
    expect(months.map((m) => m.key)).toEqual([...new Set(months.map((m) => m.key))]);
    expect(months[0]).toMatchObject({ key: '2025-08', label: 'August 2025' });
    expect(months.reduce((n, m) => n + m.events.length, 0)).toBe(pack.sources.length + pack.claims.length);
    for (const month of months) for (const event of month.events) expect(event.date.startsWith(month.key)).toBe(true);
  });
});
