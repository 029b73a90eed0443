/** What a page scan found, each finding with its live Range on the page. */
import type { ClaimFinding } from '../claims/match';
import type { EntityFinding } from '../matcher/find';

export interface PageFinding extends EntityFinding {
  range: Range;
  /** Which story of the page it is in (lib/dom/first-mentions.ts), for painting first mentions only. */
  story: number;
}

export interface PageClaimFinding extends ClaimFinding {
  range: Range;
  story: number;
}

export interface PageFindings {
  entities: PageFinding[];
  claims: PageClaimFinding[];
}

export type FindingKind = 'entity' | 'claim';

export type Hit = { kind: 'entity'; finding: PageFinding } | { kind: 'claim'; finding: PageClaimFinding };
