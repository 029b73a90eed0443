/**
 * The archive as events in date order: every article on its date and every claim on its date; or,
 * for one entity, each passage naming it (on its article's date, the first marked as the first
 * mention) and the claims about it or made by it. Needs the claim names loaded;
 * for one entity, NAMES.
 */
import type { ArchiveIndex } from './archive-index';
import { monthKey, monthLabel } from './dates';

export type TimelineEvent =
  | { kind: 'article'; date: string; estimated: boolean; sourceId: string }
  | { kind: 'passage'; date: string; estimated: boolean; sourceId: string; passage: number; first: boolean }
  | { kind: 'claim'; date: string; claimId: string };

export interface TimelineMonth {
  /** "2025-08", or "undated". */
  key: string;
  label: string;
  events: TimelineEvent[];
}

/** Articles before the passages and claims of the same day, so a day reads from its source. */
const KIND_ORDER: Record<TimelineEvent['kind'], number> = { article: 0, passage: 1, claim: 2 };

export function buildTimeline(archive: ArchiveIndex, entityId?: string): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (entityId === undefined) {
    for (const source of archive.core.sources) {
      events.push({ kind: 'article', date: source.date, estimated: source.dateIsEstimate, sourceId: source.id });
    }
    for (const claim of archive.claims()) events.push({ kind: 'claim', date: claim.date, claimId: claim.id });
  } else {
    const entity = archive.entity(entityId);
    if (!entity) return [];
    for (const passage of entity.passages) {
      const sourceId = archive.sourceOfPassage(passage);
      const source = sourceId === undefined ? undefined : archive.source(sourceId);
      if (!source) continue;
      events.push({
        kind: 'passage',
        date: source.date,
        estimated: source.dateIsEstimate,
        sourceId: source.id,
        passage,
        first: false,
      });
    }
    for (const claim of archive.claimsFor(entityId))
      events.push({ kind: 'claim', date: claim.date, claimId: claim.id });
  }
  // Stable sort: within a day and a kind, pack order (passages in article order) is kept.
  const order = new Map(events.map((event, i) => [event, i]));
  events.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      order.get(a)! - order.get(b)!,
  );
  const first = events.find((event) => event.kind === 'passage');
  if (first) first.first = true;
  return events;
}

/** Consecutive events of the same month together; expects events in date order. */
export function groupByMonth(events: readonly TimelineEvent[]): TimelineMonth[] {
  const months: TimelineMonth[] = [];
  for (const event of events) {
    const key = monthKey(event.date);
    const last = months[months.length - 1];
    if (last?.key === key) last.events.push(event);
    else months.push({ key, label: monthLabel(key), events: [event] });
  }
  return months;
}
