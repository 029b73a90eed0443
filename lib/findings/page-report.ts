/** Summarises a page's findings for the popup and the toolbar badge. */
import type { ClaimFinding } from '../claims/match';
import type { MatcherData } from '../matcher/compile';
import type { EntityFinding } from '../matcher/find';
import type { FoundClaim, FoundEntity } from '../protocol/requests';

function countBy<T>(items: readonly T[], key: (item: T) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function summariseEntities(data: MatcherData, findings: readonly EntityFinding[]): FoundEntity[] {
  return [...countBy(findings, (f) => f.entity)]
    .map(([entity, count]) => {
      const { id, name, type, pack } = data.entities[entity]!;
      return { id, name, type, count, ...(pack ? { pack } : {}) };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function summariseClaims(data: MatcherData, findings: readonly ClaimFinding[]): FoundClaim[] {
  return [...countBy(findings, (f) => f.claim)]
    .map(([claim, count]) => {
      const { id, statement, status, pack } = data.claims.claims[claim]!;
      return { id, statement, status, count, ...(pack ? { pack } : {}) };
    })
    .sort((a, b) => b.count - a.count || a.statement.localeCompare(b.statement));
}
