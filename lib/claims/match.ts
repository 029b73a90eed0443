/**
 * Finds known claims in page text: sentences (Intl.Segmenter) → candidate claims through an
 * automaton over their key terms → every term group present, no excluded term (another event, a
 * negation, another date) and every figure in agreement; an entry of a dated series (a running toll)
 * also needs every count in the sentence to agree with it.
 */
import { buildAutomaton, type Automaton, scanText } from '../scan/automaton';
import { HitBuffer } from '../scan/hit-buffer';
import { BLOCK_SEPARATOR, foldKey, isWordCharAt } from '../text/fold';
import { type Figure, extractFigures, figuresAgree, parseFigure } from './figures';
import { mentionsLaterOrdinal } from './ordinals';
import { hasQuotes, sentenceFinder, sentences } from './sentences';

type FigureValue = Omit<Figure, 'start' | 'end'>;

/** A claim's figure; `over` for a reported lower bound ("more than 80 killed"). */
export type ClaimFigure = FigureValue & { over?: true };

export interface ClaimMatchSpec {
  id: string;
  statement: string;
  status: string;
  /** The imported pack it comes from (none: the bundled pack). */
  pack?: string;
  /** Groups of indexes into `termKeys`; a sentence needs one term from every group. */
  groups: number[][];
  /** Indexes into `termKeys` that veto the claim in a sentence. */
  exclude: number[];
  figures: ClaimFigure[];
  /** Set on an entry of a dated series (a running toll or count). */
  series?: string;
  /** Set on a claim about the first of a run of events (the first boat strike). */
  first?: true;
}

export interface ClaimMatcherData {
  termKeys: string[];
  claims: ClaimMatchSpec[];
}

export interface MatchableClaim {
  id: string;
  statement: string;
  status: string;
  match: {
    terms: readonly (readonly string[])[];
    figures: readonly string[];
    exclude?: readonly string[];
    series?: string;
    first?: boolean;
  };
}

/** "more than 80", "over 60", "at least 7": a lower bound, as running tolls are reported. */
const OVER_SPEC = /^(?:more than|over|at least)\s+/i;

export function parseClaimFigure(spec: string): ClaimFigure {
  const bound = OVER_SPEC.exec(spec.trim());
  return bound ? { ...parseFigure(spec.trim().slice(bound[0].length)), over: true } : parseFigure(spec);
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
      exclude: [...new Set((claim.match.exclude ?? []).map(keyFor))],
      figures: claim.match.figures.map(parseClaimFigure),
      ...(claim.match.series ? { series: claim.match.series } : {}),
      ...(claim.match.first ? { first: true as const } : {}),
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
  /** Counts which claims a set of terms could state (built on first use). */
  readonly tally: ClaimTally;
}

export function loadClaimMatcher(data: ClaimMatcherData): ClaimMatcher {
  let automaton: Automaton | undefined;
  let tally: ClaimTally | undefined;
  return {
    data,
    get automaton() {
      return (automaton ??= buildAutomaton(data.termKeys));
    },
    get tally() {
      return (tally ??= new ClaimTally(data));
    },
  };
}

/**
 * Which claims the terms of one stretch of text (a paragraph, a sentence) could state: every term
 * group present, and, within a sentence, no excluded term. Terms are added one hit at a time and
 * counted per claim (a claim is a candidate when its count of groups present reaches its number of
 * groups); stamps of the current round stand in for clearing, so a round costs only its own hits.
 */
export class ClaimTally {
  /**
   * For each term, the groups (numbered across all claims) that contain it: groupsOfTerm[termGroups[t],
   * termGroups[t + 1]). Flat typed arrays: a page builds this cold, and thousands of small arrays cost
   * more to make than the counting pass.
   */
  private readonly termGroups: Uint32Array;
  private readonly groupsOfTerm: Uint32Array;
  /** For each term, the claims it excludes: excludedBy[termExcludes[t], termExcludes[t + 1]). */
  private readonly termExcludes: Uint32Array;
  private readonly excludedBy: Uint32Array;
  private readonly claimOfGroup: Uint32Array;
  private readonly groupCount: Uint32Array;
  private readonly termStamp: Uint32Array;
  private readonly groupStamp: Uint32Array;
  private readonly claimStamp: Uint32Array;
  private readonly excludedStamp: Uint32Array;
  private readonly groupsPresent: Uint32Array;
  /** Claims that have some group present this round. */
  private readonly touched: number[] = [];
  private round = 0;

  constructor(data: ClaimMatcherData) {
    const terms = data.termKeys.length;
    const claims = data.claims;
    this.termGroups = new Uint32Array(terms + 1);
    this.termExcludes = new Uint32Array(terms + 1);
    this.groupCount = new Uint32Array(claims.length);
    let groups = 0;
    for (let c = 0; c < claims.length; c++) {
      const claim = claims[c]!;
      this.groupCount[c] = claim.groups.length;
      for (const group of claim.groups) {
        for (const term of group) this.termGroups[term + 1]!++;
        groups++;
      }
      for (const term of claim.exclude) this.termExcludes[term + 1]!++;
    }
    for (let t = 0; t < terms; t++) {
      this.termGroups[t + 1]! += this.termGroups[t]!;
      this.termExcludes[t + 1]! += this.termExcludes[t]!;
    }
    this.groupsOfTerm = new Uint32Array(this.termGroups[terms]!);
    this.excludedBy = new Uint32Array(this.termExcludes[terms]!);
    this.claimOfGroup = new Uint32Array(groups);
    // Filled in pack order, so each term's groups and claims keep the order the pack gives them.
    const groupFill = this.termGroups.slice(0, terms);
    const excludeFill = this.termExcludes.slice(0, terms);
    let group = 0;
    for (let c = 0; c < claims.length; c++) {
      const claim = claims[c]!;
      for (const members of claim.groups) {
        for (const term of members) this.groupsOfTerm[groupFill[term]!++] = group;
        this.claimOfGroup[group++] = c;
      }
      for (const term of claim.exclude) this.excludedBy[excludeFill[term]!++] = c;
    }
    this.termStamp = new Uint32Array(terms);
    this.groupStamp = new Uint32Array(groups);
    this.claimStamp = new Uint32Array(claims.length);
    this.excludedStamp = new Uint32Array(claims.length);
    this.groupsPresent = new Uint32Array(claims.length);
  }

  /** Starts a round with no terms. */
  begin(): void {
    this.round++;
    this.touched.length = 0;
  }

  add(term: number): void {
    const round = this.round;
    if (this.termStamp[term] === round) return;
    this.termStamp[term] = round;
    for (let k = this.termGroups[term]!, end = this.termGroups[term + 1]!; k < end; k++) {
      const group = this.groupsOfTerm[k]!;
      if (this.groupStamp[group] === round) continue;
      this.groupStamp[group] = round;
      const claim = this.claimOfGroup[group]!;
      if (this.claimStamp[claim] !== round) {
        this.claimStamp[claim] = round;
        this.groupsPresent[claim] = 0;
        this.touched.push(claim);
      }
      this.groupsPresent[claim]!++;
    }
    for (let k = this.termExcludes[term]!, end = this.termExcludes[term + 1]!; k < end; k++) {
      this.excludedStamp[this.excludedBy[k]!] = round;
    }
  }

  /** The claims of this round that lack exactly one of their groups and have no excluded term. */
  oneGroupShort(): number[] {
    return this.touched.filter(
      (claim) => this.groupsPresent[claim]! + 1 === this.groupCount[claim] && this.excludedStamp[claim] !== this.round,
    );
  }

  /**
   * The claims whose every group is present this round, in pack order; `inSentence`: also without
   * an excluded term (in a wider span an excluded term may belong to another sentence, so it does not count).
   */
  candidates(inSentence: boolean): number[] {
    const found = this.touched.filter(
      (claim) =>
        this.groupsPresent[claim] === this.groupCount[claim] &&
        !(inSentence && this.excludedStamp[claim] === this.round),
    );
    return found.sort((a, b) => a - b);
  }
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

/** Claims stated in text[from, to); a slice must start and end at sentence or block boundaries. */
export function findClaims(matcher: ClaimMatcher, text: string, from = 0, to = text.length): ClaimFinding[] {
  const hits = new HitBuffer(2);
  scanText(
    matcher.automaton,
    text,
    (term, start, end) => {
      if (termBoundaryOk(text, start, end)) hits.push(term, start);
    },
    from,
    to,
  );
  return claimsFromHits(matcher, text, hits, from, to);
}

/**
 * Claims from the term hits (term, start) already found in text[from, to): records [first, length)
 * of `hits`. Sentence splitting is the costly part, so only paragraphs whose terms could complete
 * some claim are split into sentences.
 */
export function claimsFromHits(
  matcher: ClaimMatcher,
  text: string,
  hits: HitBuffer,
  from = 0,
  to = text.length,
  first = 0,
): ClaimFinding[] {
  if (hits.length <= first) return [];
  const order = hits.orderBy(1, first);
  const terms = order.map((i) => hits.get(i, 0));
  const starts = order.map((i) => hits.get(i, 1));
  const { tally } = matcher;
  const findings: ClaimFinding[] = [];
  let at = 0;
  while (at < starts.length) {
    const blockStart = Math.max(from, text.lastIndexOf(BLOCK_SEPARATOR, starts[at]!) + 1);
    const separator = text.indexOf(BLOCK_SEPARATOR, starts[at]!);
    const blockEnd = separator < 0 || separator > to ? to : separator;
    let last = at;
    tally.begin();
    while (last < starts.length && starts[last]! < blockEnd) tally.add(terms[last++]!);
    if (tally.candidates(false).length) {
      findings.push(...sentenceClaims(matcher, text, terms, starts, at, last, blockStart, blockEnd));
    }
    at = last;
  }
  return findings;
}

/**
 * Claims stated by the sentences of text[from, to), whose term hits are terms/starts[first, last). A
 * block without quotation marks is read only in the sentences around its hits (its sentences cannot
 * join); one with quotation marks is split whole.
 */
function sentenceClaims(
  matcher: ClaimMatcher,
  text: string,
  terms: readonly number[],
  starts: readonly number[],
  first: number,
  last: number,
  from: number,
  to: number,
): ClaimFinding[] {
  const findings: ClaimFinding[] = [];
  let next = first;
  /** The last sentence read and its terms, for a sentence that continues it. */
  let previous: { end: number; terms: number[] } | undefined;
  /** Adds the claims of sentence [start, end) from its hits, those of terms/starts[next, …) before `end`. */
  const readSentence = (start: number, end: number) => {
    const { tally } = matcher;
    tally.begin();
    const own: number[] = [];
    while (next < last && starts[next]! < end) {
      if (starts[next]! >= start) {
        tally.add(terms[next]!);
        own.push(terms[next]!);
      }
      next++;
    }
    if (!own.length) return;
    findings.push(...statedClaims(matcher, text, start, end, tally.candidates(true)));
    const before = previous && /^\s*$/.test(text.slice(previous.end, start)) ? previous.terms : undefined;
    previous = { end, terms: own };
    if (before && continuesPrevious(text, start, end)) {
      findings.push(...statedClaims(matcher, text, start, end, continuedClaims(matcher, own, before)));
    }
  };
  if (hasQuotes(text, from, to)) {
    for (const [start, end] of sentences(text, from, to)) readSentence(start, end);
    return findings;
  }
  const sentenceAt = sentenceFinder(text, from, to);
  while (next < last) {
    const sentence = sentenceAt(starts[next]!);
    if (sentence) readSentence(sentence[0], sentence[1]);
    else next++;
  }
  return findings;
}

/**
 * A sentence that refers back to the one before it: it opens with a personal pronoun ("He added: …",
 * "Ella …") or names what it speaks of "as such". Its subject is in the sentence before. "It", "this"
 * and possessives are left out: they as often point at an event or a whole passage as at the subject.
 */
const CONTINUATION_OPENER = /^[\s"“‘'(]*(?:he|she|they|él|ella|ellos|ellas)\b/iu;
const BACK_REFERENCE = /\b(?:as such|como tales?)\b/i;

function continuesPrevious(text: string, start: number, end: number): boolean {
  const sentence = text.slice(start, end);
  return CONTINUATION_OPENER.test(sentence) || BACK_REFERENCE.test(sentence);
}

/**
 * Claims that a continuing sentence states with its subject in the sentence before: the sentence has
 * every group but one, the sentence before has that one, and neither has an excluded term. Claims the
 * sentence before states on its own are its own findings.
 */
function continuedClaims(matcher: ClaimMatcher, own: readonly number[], before: readonly number[]): number[] {
  const { tally } = matcher;
  tally.begin();
  for (const term of own) tally.add(term);
  const short = tally.oneGroupShort();
  if (!short.length) return [];
  tally.begin();
  for (const term of before) tally.add(term);
  const statedBefore = new Set(tally.candidates(true));
  for (const term of own) tally.add(term);
  return tally.candidates(true).filter((claim) => short.includes(claim) && !statedBefore.has(claim));
}

/** The candidate claims whose figures sentence [start, end) states. */
function statedClaims(
  matcher: ClaimMatcher,
  text: string,
  start: number,
  end: number,
  candidates: readonly number[],
): ClaimFinding[] {
  const findings: ClaimFinding[] = [];
  let figures: PageFigure[] | undefined;
  for (const index of candidates) {
    const claim = matcher.data.claims[index]!;
    if (claim.first && mentionsLaterOrdinal(text.slice(start, end))) continue;
    if (claim.figures.length) {
      // Figures only need to agree, not to be located: fold line breaks and odd spaces first.
      figures ??= pageFigures(text.slice(start, end).replace(/[\s\u00a0\u2029]+/g, ' '));
      if (!claimFiguresAgree(claim, figures)) continue;
    }
    findings.push({ claim: index, start, end });
  }
  return findings;
}

type PageFigure = Figure & { atLeast: boolean };

/** Words before a page's figure that make it a lower bound. */
const AT_LEAST_BEFORE =
  /(?:more than|over|at least|upwards of|in excess of|m[aá]s de|al menos|por lo menos|como m[ií]nimo)\s+$/i;

/** Spanish number words for counts (not "una/uno", articles, nor "once", an English word too). */
const SPANISH_NUMBERS: Readonly<Record<string, number>> = {
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciséis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintiún: 21,
  veintidós: 22,
  veintidos: 22,
  veintitrés: 23,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiséis: 26,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
};
const SPANISH_NUMBER_RE = new RegExp(`(?<![\\p{L}])(${Object.keys(SPANISH_NUMBERS).join('|')})(?= \\p{Ll})`, 'giu');
/** "treinta y dos muertos": tens and units joined by "y" (a count of 31 to 99). */
const SPANISH_COMPOUND_RE =
  /(?<!\p{L})(treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa) y (una?|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)(?= \p{Ll})/giu;
/** "once millones", "once mil": before these "once" is Spanish eleven, not the English word. */
const SPANISH_ELEVEN_RE = /(?<!\p{L})once(?= mil(?:lones)?(?!\p{L}))/giu;
/** "10.000 militares": Spanish thousands dots before a word (not "1.500 billion", an English decimal). */
const SPANISH_THOUSANDS_RE = /\b(\d{1,3})\.(\d{3})(?![.,]?\d)(?= (?!(?:million|billion|trillion|bn|m)\b)\p{Ll})/gu;

/** Spanish counts in the forms figures.ts reads: "seis" → "6", "4.000 marineros" → "4,000 marineros". */
function readableCounts(sentence: string): string {
  return sentence
    .replace(
      SPANISH_COMPOUND_RE,
      (_, tens: string, unit: string) =>
        `${SPANISH_NUMBERS[tens.toLowerCase()]! + (SPANISH_NUMBERS[unit.toLowerCase()] ?? 1)}`,
    )
    .replace(SPANISH_ELEVEN_RE, '11')
    .replace(SPANISH_NUMBER_RE, (word) => String(SPANISH_NUMBERS[word.toLowerCase()] ?? word))
    .replace(SPANISH_THOUSANDS_RE, '$1,$2');
}

function pageFigures(text: string): PageFigure[] {
  const sentence = readableCounts(text);
  return extractFigures(sentence).map((figure) => ({
    ...figure,
    atLeast: AT_LEAST_BEFORE.test(sentence.slice(Math.max(0, figure.start - 20), figure.start)),
  }));
}

/**
 * A page figure that states the claim's figure. A reported lower bound ("more than 80") is stated by
 * the same bound or by an exact figure just above it (82): a toll that has grown further is a later
 * entry of the series, not this one.
 */
function states(required: ClaimFigure, found: PageFigure): boolean {
  if (!figuresAgree([required], [found])) {
    if (!required.over || found.atLeast || found.unit !== required.unit) return false;
    return found.value > required.value && found.value <= required.value * 1.05;
  }
  return true;
}

function claimFiguresAgree(claim: ClaimMatchSpec, found: readonly PageFigure[]): boolean {
  // A series entry needs its running figure (the first); its other figures (strikes, boats) may appear.
  const required = claim.series ? claim.figures.slice(0, 1) : claim.figures;
  if (!required.every((figure) => found.some((f) => states(figure, f)))) return false;
  if (!claim.series) return true;
  // A running count: any other count in the sentence (strikes, boats) must fit this entry too; a
  // page's lower bound fits an entry at or above it ("more than a dozen strikes" for 16).
  return found.every(
    (f) =>
      f.unit !== 'count' ||
      claim.figures.some(
        (required) => states(required, f) || (f.atLeast && required.unit === 'count' && f.value <= required.value),
      ),
  );
}
