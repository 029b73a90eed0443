/** Summarises and counts a page's findings for the popup, the toolbar badge and the exports. */
import type { ClaimFinding } from '../claims/match';
import type { ItemRecords } from '../matcher/text-finder';
import type { EntityFinding } from '../matcher/find';
import type { I18n } from '../view/i18n';
import type { FoundClaim, FoundEntity } from '../protocol/requests';
import { claimRecord, entityRecord } from './finding-data';

function countBy<T>(items: readonly T[], key: (item: T) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function summariseEntities(data: ItemRecords, findings: readonly EntityFinding[]): FoundEntity[] {
  return [...countBy(findings, (f) => f.entity)]
    .map(([entity, count]) => {
      const { id, name, type, pack } = entityRecord(data, entity);
      return { id, name, type, count, ...(pack ? { pack } : {}) };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function summariseClaims(data: ItemRecords, findings: readonly ClaimFinding[]): FoundClaim[] {
  return [...countBy(findings, (f) => f.claim)]
    .map(([claim, count]) => {
      const { id, statement, status, pack } = claimRecord(data, claim);
      return { id, statement, status, count, ...(pack ? { pack } : {}) };
    })
    .sort((a, b) => b.count - a.count || a.statement.localeCompare(b.statement));
}

/**
 * What every count of a page's findings counts (the badge, the popup, the exports, the demo): mentions
 * found, one per place a name or claim was detected (every mention, whether painted or not), and the
 * different names and claims they are mentions of.
 */
export interface MentionCount {
  mentions: number;
  /** Different entities and claims mentioned. */
  items: number;
}

/** Counts a page report (its per-item counts are mentions). */
export function countReport(report: {
  entities: readonly { count: number }[];
  claims: readonly { count: number }[];
}): MentionCount {
  const items = [...report.entities, ...report.claims];
  return { mentions: items.reduce((sum, item) => sum + item.count, 0), items: items.length };
}

/** Counts export findings (one entry per mention). */
export function countFindings(findings: {
  entities: readonly { id: string }[];
  claims: readonly { id: string }[];
}): MentionCount {
  const items = new Set([
    ...findings.entities.map((e) => `entity:${e.id}`),
    ...findings.claims.map((c) => `claim:${c.id}`),
  ]);
  return { mentions: findings.entities.length + findings.claims.length, items: items.size };
}

/** "118 mentions of 40 names and claims", in the UI language. */
export function describeCount(i18n: Pick<I18n, 'plural'>, count: MentionCount): string {
  return i18n.plural('mentionsOf', count.mentions, i18n.plural('namesAndClaims', count.items));
}

/** The toolbar badge's text: mentions found, shortened where the badge has no room. */
export function badgeText(count: MentionCount): string {
  if (!count.mentions) return '';
  return count.mentions > 999 ? '999+' : String(count.mentions);
}
