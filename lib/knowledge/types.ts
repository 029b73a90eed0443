/** The compiled knowledge pack (assets/knowledge.json) as the extension and outside tools see it. */

export const ENTITY_TYPES = [
  'person',
  'organisation',
  'agency',
  'armed-group',
  'place',
  'operation',
  'unit',
  'vessel',
  'drug',
  'policy',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const CLAIM_STATUSES = ['supported', 'disputed', 'needs-context', 'reported'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_KINDS = ['figure', 'designation', 'order', 'quote', 'event'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const EVIDENCE_STANCES = ['states', 'supports', 'disputes', 'context'] as const;
export type EvidenceStance = (typeof EVIDENCE_STANCES)[number];

export interface Source {
  id: string;
  headline: string | null;
  publisher: string;
  authors: string[];
  date: string;
  dateIsEstimate: boolean;
  /** Null means unknown: never invent one. */
  url: string | null;
  /**
   * The archive holds a machine-reworded copy, not the publisher's text (the team's reading of the
   * archive's notes): its sentences must not be quoted as the publisher's words.
   */
  reworded?: SourceRewording;
}

export interface SourceRewording {
  /** Why the team judged it reworded, in a sentence citing the archive's note. */
  why: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  ambiguous: string[];
  cues: string[];
  caseSensitive: string[];
  /** Longer phrases that contain an alias but name something else ("Brussels sprouts"). */
  exclude: string[];
  /** Aliases that name it only in Spanish text ("EU", Mexican Spanish for Estados Unidos). */
  spanishOnly?: string[];
  /** Aliases that name it only in English text ("EU" for the European Union). */
  englishOnly?: string[];
  /** Broad context (a country, a newspaper, a former president): highlighted only on pages about the pack's subject. */
  background?: true;
  summary: string;
  sources: string[];
  related: string[];
  wikidata?: string;
  /** Indexes into `passages`, in date order. */
  passages: number[];
}

export interface Evidence {
  source: string;
  quote: string;
  stance: EvidenceStance;
  /** Index into `passages` of the passage holding the quote. */
  passage: number;
}

export interface ClaimMatchRule {
  terms: string[][];
  figures: string[];
  /** Terms that veto the claim in a sentence: another event ("revoked" for a reissue), another date. */
  exclude?: string[];
  /** The dated series a running figure belongs to (a death toll, a strike count). */
  series?: string;
  /** The claim is about the first of a run of events: a sentence counting a later one ("the 20th strike") is not it. */
  first?: boolean;
  paraphrases: string[];
  /** Spanish wordings, which the matcher must find as it finds the English ones. */
  paraphrasesEs?: string[];
}

export interface Claim {
  id: string;
  statement: string;
  claimant: string;
  claimantEntity?: string;
  date: string;
  kind: ClaimKind;
  status: ClaimStatus;
  context: string;
  evidence: Evidence[];
  about: string[];
  match: ClaimMatchRule;
}

export interface Passage {
  source: string;
  text: string;
}

/** Words that show a page is about the pack's subject; background entities wait for them. */
export interface Topic {
  terms: string[];
  /**
   * Names of the subject's places and people that also turn up in stories about other things (a coffee
   * harvest in Colombia): they count towards minDistinct only beside one of `terms`.
   */
  broadTerms?: string[];
  /** How many different topic terms a page needs. */
  minDistinct: number;
}

export interface KnowledgePack {
  version: string;
  name: string;
  topic?: Topic;
  sources: Source[];
  entities: Entity[];
  claims: Claim[];
  passages: Passage[];
}
