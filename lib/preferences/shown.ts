/** What a page shows of its findings: not a category the reader turned off, not what a correction covers. */
import type { ItemRecords } from '../matcher/text-finder';
import { groupOf } from '../view/entity-groups';
import { type Correction, isCorrected } from './corrections';

/** A finding on the page: an entity or claim of the matcher, and its text as it stands there. */
export interface ShownCandidate {
  kind: 'entity' | 'claim';
  /** Index into the matcher's entities or claims. */
  item: number;
  /** The highlighted text; read only when a correction could apply. */
  text: () => string;
}

export interface ShownRules {
  /** Categories switched off (settings.ts hiddenCategories): entity group ids, and 'claims'. */
  hiddenCategories: readonly string[];
  corrections: readonly Correction[];
  /** The page's address; read only when there are corrections. */
  page: () => { url: string; hostname: string };
}

/** The settings category of a finding: its entity's group, or 'claims'. */
export function categoryOf(data: ItemRecords, kind: 'entity' | 'claim', item: number): string {
  return kind === 'claim' ? 'claims' : groupOf(data.entities[item]!.type).id;
}

export function isShown(data: ItemRecords, candidate: ShownCandidate, rules: ShownRules): boolean {
  const { kind, item: index } = candidate;
  const item = kind === 'claim' ? data.claims.claims[index]! : data.entities[index]!;
  if (rules.hiddenCategories.includes(categoryOf(data, kind, index))) return false;
  // Reading a range's text and the page's URL for each of hundreds of findings is not free.
  if (!rules.corrections.length) return true;
  const target = { kind, id: item.id, ...(item.pack ? { pack: item.pack } : {}) };
  return !isCorrected(rules.corrections, { target, text: candidate.text(), ...rules.page() });
}
