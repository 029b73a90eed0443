/**
 * Finds known claims in page text: sentences (Intl.Segmenter) → candidate claims through an
 * automaton over their key terms → every term group present and every figure in agreement.
 */
import { buildAutomaton, type Automaton, scanText } from '../scan/automaton';
import { BLOCK_SEPARATOR, foldKey, isWordCharAt } from '../text/fold';
import { type Figure, extractFigures, figuresAgree, parseFigure } from './figures';

type FigureValue = Omit<Figure, 'start' | 'end'>;

export interface ClaimMatchSpec {
  id: string;
  statement: string;
  status: string;
  /** The imported pack it comes from (none: the bundled pack). */
  pack?: string;
  /** Groups of indexes into `termKeys`; a sentence needs one term from every group. */
  groups: number[][];
  figures: FigureValue[];
}

export interface ClaimMatcherData {
  termKeys: string[];
  claims: ClaimMatchSpec[];
}

export interface MatchableClaim {
  id: string;
  statement: string;
  status: string;
  match: { terms: readonly (readonly string[])[]; figures: readonly string[] };
}

export function compileClaimMatcherData(claims: readonly MatchableClaim[]): ClaimMatcherData {
  const termKeys: string[] = [];
  const termIndex = new Map<string, number>();
  const keyFor = (term: string) => {
    const key = foldKey(term);
    let index = termIndex.get(key);
    if (index === undefined) {
      index = termKeys.length;
      termIndex.set(key, index);
      termKeys.push(key);
    }
    return index;
  };
  return {
    termKeys,
    claims: claims.map((claim) => ({
      id: claim.id,
      statement: claim.statement,
      status: claim.status,
      groups: claim.match.terms.map((group) => [...new Set(group.map(keyFor))]),
      figures: claim.match.figures.map(parseFigure),
    })),
  };
}

export interface ClaimMatcher {
  data: ClaimMatcherData;
  /**
   * An automaton over the terms alone, built on first use: the page scanner finds terms in its one
   * pass over the text (the entity automaton carries them too), so it never needs this one.
   */
  readonly automaton: Automaton;
  /** For each term key, the claims that use it. */
  claimsByTerm: number[][];
}

export function loadClaimMatcher(data: ClaimMatcherData): ClaimMatcher {
  const claimsByTerm: number[][] = data.termKeys.map(() => []);
  data.claims.forEach((claim, index) => {
    for (const term of new Set(claim.groups.flat())) claimsByTerm[term]!.push(index);
  });
  let automaton: Automaton | undefined;
  return {
    data,
    claimsByTerm,
    get automaton() {
      return (automaton ??= buildAutomaton(data.termKeys));
    },
  };
}

export interface ClaimFinding {
  claim: number;
  /** The sentence that states the claim. */
  start: number;
  end: number;
}

/** Inflected forms ("strike" → "strikes", "kill" → "killed") may add this many letters. */
const MAX_SUFFIX = 3;

export function termBoundaryOk(text: string, start: number, end: number): boolean {
  if (isWordCharAt(text, start - 1)) return false;
  let extra = 0;
  while (isWordCharAt(text, end + extra)) if (++extra > MAX_SUFFIX) return false;
  return extra === 0 || end - start >= 4;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Abbreviations after which the segmenter wrongly ends a sentence ("the U.S. Navy", "Sen. Paul"). */
const ABBREVIATION_END =
  /(?:^|[\s(“"])(?:U\.S|U\.N|U\.K|E\.U|D\.C|Sen|Rep|Gov|Gen|Adm|Lt|Col|Sgt|Capt|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Inc|Corp|Co|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$/;

/** Sentence spans [start, end) of text[from, to), with offsets into `text`. */
export function sentences(text: string, from = 0, to = text.length): [number, number][] {
  const spans: [number, number][] = [];
  let open: [number, number] | undefined;
  // Line breaks inside a paragraph are layout, not sentence ends; replaced one for one so offsets hold.
  for (const { index, segment } of segmenter.segment(text.slice(from, to).replace(/[\n\r\t\f\v]/g, ' '))) {
    const trimmed = segment.trimEnd();
    const span: [number, number] = open
      ? [open[0], from + index + trimmed.length]
      : [from + index, from + index + trimmed.length];
    if (ABBREVIATION_END.test(trimmed) && !segment.includes('\u2029')) {
      open = span;
      continue;
    }
    open = undefined;
    if (span[1] > span[0]) spans.push(span);
  }
  if (open && open[1] > open[0]) spans.push(open);
  return spans;
}

/** Claims stated in text[from, to); a slice must start and end at sentence or block boundaries. */
export function findClaims(matcher: ClaimMatcher, text: string, from = 0, to = text.length): ClaimFinding[] {
  const hits: TermHit[] = [];
  scanText(
    matcher.automaton,
    text,
    (term, start, end) => {
      if (termBoundaryOk(text, start, end)) hits.push({ term, start });
    },
    from,
    to,
  );
  return claimsFromHits(matcher, text, hits, from, to);
}

export interface TermHit {
  term: number;
  start: number;
}

/** The claims some sentence could state, given the terms that occur in it (or in a wider span). */
function candidatesFor(matcher: ClaimMatcher, terms: ReadonlySet<number>): number[] {
  const candidates = new Set<number>();
  for (const term of terms) for (const claim of matcher.claimsByTerm[term]!) candidates.add(claim);
  return [...candidates]
    .filter((index) => matcher.data.claims[index]!.groups.every((group) => group.some((t) => terms.has(t))))
    .sort((a, b) => a - b);
}

/**
 * Claims from term hits already found in text[from, to). Sentence splitting is the costly part, so
 * only paragraphs whose terms could complete some claim are split into sentences.
 */
export function claimsFromHits(
  matcher: ClaimMatcher,
  text: string,
  hits: TermHit[],
  from = 0,
  to = text.length,
): ClaimFinding[] {
  if (!hits.length) return [];
  hits.sort((a, b) => a.start - b.start);
  const findings: ClaimFinding[] = [];
  let first = 0;
  while (first < hits.length) {
    const blockStart = Math.max(from, text.lastIndexOf(BLOCK_SEPARATOR, hits[first]!.start) + 1);
    const separator = text.indexOf(BLOCK_SEPARATOR, hits[first]!.start);
    const blockEnd = separator < 0 || separator > to ? to : separator;
    let last = first;
    const blockTerms = new Set<number>();
    while (last < hits.length && hits[last]!.start < blockEnd) blockTerms.add(hits[last++]!.term);
    if (candidatesFor(matcher, blockTerms).length) {
      findings.push(...sentenceClaims(matcher, text, hits.slice(first, last), blockStart, blockEnd));
    }
    first = last;
  }
  return findings;
}

function sentenceClaims(
  matcher: ClaimMatcher,
  text: string,
  hits: readonly TermHit[],
  from: number,
  to: number,
): ClaimFinding[] {
  const findings: ClaimFinding[] = [];
  let next = 0;
  for (const [start, end] of sentences(text, from, to)) {
    const terms = new Set<number>();
    while (next < hits.length && hits[next]!.start < end) {
      if (hits[next]!.start >= start) terms.add(hits[next]!.term);
      next++;
    }
    if (!terms.size) continue;
    let figures: Figure[] | undefined;
    for (const index of candidatesFor(matcher, terms)) {
      const claim = matcher.data.claims[index]!;
      if (claim.figures.length) {
        // Figures only need to agree, not to be located: fold line breaks and odd spaces first.
        figures ??= extractFigures(text.slice(start, end).replace(/[\s\u00a0\u2029]+/g, ' '));
        if (!figuresAgree(claim.figures, figures)) continue;
      }
      findings.push({ claim: index, start, end });
    }
  }
  return findings;
}
