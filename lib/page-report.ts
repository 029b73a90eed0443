/** Summarises a page's findings for the popup and the toolbar badge. */
import type { MatcherData } from './matcher/compile';
import type { EntityFinding } from './matcher/find';
import type { FoundEntity } from './messages';

export function summariseFindings(data: MatcherData, findings: readonly EntityFinding[]): FoundEntity[] {
  const counts = new Map<number, number>();
  for (const finding of findings) counts.set(finding.entity, (counts.get(finding.entity) ?? 0) + 1);
  return [...counts]
    .map(([entity, count]) => ({ ...data.entities[entity]!, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
