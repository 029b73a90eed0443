/**
 * From the matcher's findings (an index into the matcher data, offsets, and why) to the plain records
 * everything outside the matcher reads: the popup's list and the badge (counted per entity or claim),
 * the exports (one record per mention) and the annotate CLI (the same, with the matched text). One
 * mapping, written once.
 */
import type { ClaimFinding } from '../claims/match';
import type { ClaimFindingData, EntityFindingData, PageFindingsData } from '../export/findings';
import type { ClaimStatus, EntityType } from '../knowledge/types';
import type { ItemRecords } from '../matcher/text-finder';
import type { EntityFinding, FindingRule } from '../matcher/find';

/** An entity finding as the annotate CLI prints it: the export's record with the text as it appears. */
export interface EntityAnnotation extends EntityFindingData {
  /** The text as it appears: `text === source.slice(start, end)`. */
  text: string;
  alias: string;
  rule: FindingRule;
}

export interface ClaimAnnotation extends ClaimFindingData {
  text: string;
}

/** Who an entity is, from its index in the matcher data; `pack` only for an imported pack's. */
export function entityRecord(
  data: ItemRecords,
  entity: number,
): { id: string; name: string; type: EntityType; pack?: string } {
  const { id, name, type, pack } = data.entities[entity]!;
  return { id, name, type, ...(pack ? { pack } : {}) };
}

export function claimRecord(
  data: ItemRecords,
  claim: number,
): { id: string; statement: string; status: ClaimStatus; pack?: string } {
  const { id, statement, status, pack } = data.claims.claims[claim]!;
  return { id, statement, status: status as ClaimStatus, ...(pack ? { pack } : {}) };
}

/** One mention of an entity; with `text`, also the words that matched (the annotate CLI). */
export function entityFindingData(data: ItemRecords, finding: EntityFinding): EntityFindingData;
export function entityFindingData(data: ItemRecords, finding: EntityFinding, text: string): EntityAnnotation;
export function entityFindingData(data: ItemRecords, finding: EntityFinding, text?: string): EntityFindingData {
  const { id, name, type } = data.entities[finding.entity]!;
  const { start, end, alias, rule, cue } = finding;
  return {
    id,
    name,
    type,
    start,
    end,
    ...(text === undefined ? {} : { text: text.slice(start, end) }),
    alias,
    rule,
    ...(cue !== undefined ? { cue } : {}),
  };
}

/** One sentence stating a claim; with `text`, also the sentence itself. */
export function claimFindingData(data: ItemRecords, finding: ClaimFinding): ClaimFindingData;
export function claimFindingData(data: ItemRecords, finding: ClaimFinding, text: string): ClaimAnnotation;
export function claimFindingData(data: ItemRecords, finding: ClaimFinding, text?: string): ClaimFindingData {
  const { id, statement, status } = claimRecord(data, finding.claim);
  const { start, end } = finding;
  return { id, statement, status, start, end, ...(text === undefined ? {} : { text: text.slice(start, end) }) };
}

/**
 * A scanned page's findings for the exports, from the bundled pack only: an imported pack's records
 * are exported from its own file, so they are left out here.
 */
export function pageFindingsData(
  data: ItemRecords,
  page: { url: string; title: string; text: string },
  findings: { entities: readonly EntityFinding[]; claims: readonly ClaimFinding[] },
): PageFindingsData {
  return {
    ...page,
    entities: findings.entities.filter((f) => !data.entities[f.entity]!.pack).map((f) => entityFindingData(data, f)),
    claims: findings.claims.filter((f) => !data.claims.claims[f.claim]!.pack).map((f) => claimFindingData(data, f)),
  };
}
