/**
 * Claims coverage report: the archive's sentences that hold something a reader could check (a
 * figure, a quotation, a designation, an order, a date...) and that no claim covers, so that
 * statements left out of the curated claims are visible. A sentence is covered when a claim's
 * evidence quotes it, when the claim matcher finds a claim in it, or when a person recorded why it is
 * not a claim (assets/curated/claims-excluded.json).
 */
import { compileClaimMatcherData, findClaims, loadClaimMatcher } from '../claims/match';
import { extractFigures } from '../claims/figures';
import type { KnowledgePack } from '../knowledge/types';
import { ID_PATTERN, type Checker } from '../knowledge/validate';

/** A sentence of the archive deliberately left without a claim, and why. */
export interface ClaimExclusion {
  source: string;
  /** Words of the sentence, exactly as in the archive, enough to find it in its source. */
  quote: string;
  reason: string;
}

export interface UncoveredSentence {
  /** Index into the pack's passages (one sentence each). */
  passage: number;
  source: string;
  text: string;
  signals: string[];
  /** Claims that quote the sentence only as background (a `context` stance), which does not cover it. */
  contextOf: string[];
}

export interface UnusedExclusion {
  index: number;
  exclusion: ClaimExclusion;
  why: 'no sentence' | 'not checkable' | 'covered by a claim';
}

export interface ClaimCoverageReport {
  checkable: number;
  byEvidence: number;
  byMatcher: number;
  excluded: number;
  uncovered: UncoveredSentence[];
  unusedExclusions: UnusedExclusion[];
}

const MONTH =
  '(?:January|February|March|April|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\\.|May(?= \\d))';

/** What makes a sentence checkable; a sentence may show several. */
const SIGNALS: readonly { name: string; test: (sentence: string) => boolean }[] = [
  // "one" is seldom a figure anyone checks ("one official said").
  {
    name: 'figure',
    test: (s) => extractFigures(s).some((f) => f.unit !== 'year' && !(f.unit === 'count' && f.value === 1)),
  },
  { name: 'quote', test: (s) => /“[^”]{20,}(?:”|$)|^[^“]{20,}”|"[^"]{20,}"/.test(s) },
  { name: 'designation', test: (s) => /\bdesignat/i.test(s) },
  { name: 'order', test: (s) => /(?<!\bin )\b(?:order(?:s|ed)?|directive)\b/i.test(s) },
  { name: 'award', test: (s) => /\b(?:award\w*|prize|Nobel|reward\w*|bount(?:y|ies))\b/i.test(s) },
  { name: 'sanction', test: (s) => /\bsanction/i.test(s) },
  { name: 'visa', test: (s) => /\bvisas?\b/i.test(s) },
  {
    name: 'arrest',
    test: (s) =>
      /\b(?:arrest\w*|detain\w*|detention|extradit\w*|indict\w*|charged|convicted|sentenced|pardon\w*|captured)\b/i.test(
        s,
      ),
  },
  { name: 'threat', test: (s) => /\bthreat/i.test(s) },
  { name: 'vote', test: (s) => /\b(?:vot(?:e|es|ed|ing)|referendum|ballot)\b/i.test(s) },
  {
    name: 'date',
    test: (s) => new RegExp(`\\b${MONTH}(?!\\w)`).test(s) || extractFigures(s).some((f) => f.unit === 'year'),
  },
];

/** The kinds of checkable content a sentence holds (none: nothing a claim could state). */
export function checkableSignals(sentence: string): string[] {
  return SIGNALS.filter((signal) => signal.test(sentence)).map((signal) => signal.name);
}

/** Treats every kind of space alike when comparing quotes with sentences. */
function spaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2029]+/g, ' ').trim();
}

/**
 * The passages a claim's evidence quotes (the one a quote starts in and those it runs on into), each
 * with the claims quoting it and whether one of them states, supports or disputes what it says: a
 * sentence quoted only as context is background to another claim, not a claim of its own.
 */
function evidencePassages(pack: KnowledgePack): Map<number, { bears: boolean; claims: string[] }> {
  const quoted = new Map<number, { bears: boolean; claims: string[] }>();
  const add = (passage: number, claim: string, stance: string) => {
    const entry = quoted.get(passage) ?? { bears: false, claims: [] };
    entry.bears ||= stance !== 'context';
    if (!entry.claims.includes(claim)) entry.claims.push(claim);
    quoted.set(passage, entry);
  };
  for (const claim of pack.claims) {
    for (const evidence of claim.evidence) {
      add(evidence.passage, claim.id, evidence.stance);
      const quote = spaces(evidence.quote);
      const first = spaces(pack.passages[evidence.passage]?.text ?? '');
      // What the quote says after the sentence it starts in, sentence by sentence.
      let rest = '';
      for (let at = 0; at < first.length; at++) {
        const tail = first.slice(at);
        if (tail.startsWith(quote)) break;
        if (quote.startsWith(tail)) {
          rest = quote.slice(tail.length).trim();
          break;
        }
      }
      for (let next = evidence.passage + 1; rest && pack.passages[next]?.source === evidence.source; next++) {
        const sentence = spaces(pack.passages[next]!.text);
        if (!sentence.startsWith(rest.slice(0, sentence.length))) break;
        add(next, claim.id, evidence.stance);
        rest = rest.slice(sentence.length).trim();
      }
    }
  }
  return quoted;
}

export function claimCoverageReport(
  pack: KnowledgePack,
  exclusions: readonly ClaimExclusion[] = [],
): ClaimCoverageReport {
  const quoted = evidencePassages(pack);
  const matcher = loadClaimMatcher(compileClaimMatcherData(pack.claims));
  const report: ClaimCoverageReport = {
    checkable: 0,
    byEvidence: 0,
    byMatcher: 0,
    excluded: 0,
    uncovered: [],
    unusedExclusions: [],
  };
  const state = new Map<number, 'covered' | 'uncovered' | 'excluded'>();
  pack.passages.forEach((passage, index) => {
    const signals = checkableSignals(passage.text);
    if (!signals.length) return;
    report.checkable++;
    const evidence = quoted.get(index);
    if (evidence?.bears) {
      report.byEvidence++;
      state.set(index, 'covered');
    } else if (findClaims(matcher, passage.text).length) {
      report.byMatcher++;
      state.set(index, 'covered');
    } else {
      state.set(index, 'uncovered');
      report.uncovered.push({
        passage: index,
        source: passage.source,
        text: passage.text,
        signals,
        contextOf: evidence?.claims ?? [],
      });
    }
  });
  exclusions.forEach((exclusion, index) => {
    const quote = spaces(exclusion.quote);
    const sentences = pack.passages.flatMap((passage, at) =>
      passage.source === exclusion.source && spaces(passage.text).includes(quote) ? [at] : [],
    );
    const uncovered = sentences.filter((at) => state.get(at) === 'uncovered' || state.get(at) === 'excluded');
    for (const at of uncovered) state.set(at, 'excluded');
    if (uncovered.length) return;
    const why = !sentences.length
      ? 'no sentence'
      : sentences.some((at) => state.get(at) === 'covered')
        ? 'covered by a claim'
        : 'not checkable';
    report.unusedExclusions.push({ index, exclusion, why });
  });
  report.uncovered = report.uncovered.filter((sentence) => state.get(sentence.passage) === 'uncovered');
  report.excluded = [...state.values()].filter((s) => s === 'excluded').length;
  return report;
}

/** Reads assets/curated/claims-excluded.json: an array of `{source, quote, reason}`. */
export function readClaimExclusions(check: Checker, raw: unknown): ClaimExclusion[] {
  return check.array(raw, '$').map((item, i) => {
    const path = `$[${i}]`;
    const record = check.object(item, path);
    check.known(record, path, ['source', 'quote', 'reason']);
    return {
      source: check.string(record.source, `${path}.source`, ID_PATTERN, 'a source id from archive/sources.json'),
      quote: check.string(record.quote, `${path}.quote`),
      reason: check.string(record.reason, `${path}.reason`),
    };
  });
}
