/**
 * The hot path of every page scan, from automaton hit to candidate: each hit is checked where it
 * lands (word boundaries, case rules) and kept as a record in typed arrays, with no object or string
 * per hit. Resolution (find.ts) makes objects only for the names it chooses.
 */
import { termBoundaryOk } from '../claims/match';
import { HitBuffer } from '../scan/hit-buffer';
import { SPACE, foldCodeKeepCase, foldKey, isWordCode } from '../text/fold';
import type { Matcher, MatcherTarget } from './compile';

/** Automaton hits that passed word boundaries and case rules, gathered over one or more slices of text. */
export interface Candidates {
  /** Names: (start, end, pattern) of each hit where some name target passed (see nameTargets). */
  spans: HitBuffer;
  /** Cues: (entity, start, end, pattern), in the order the automaton reported them. */
  cues: HitBuffer;
  /** Topic words: (start, pattern, 1 if broad else 0), in the order the automaton reported them. */
  topicHits: HitBuffer;
  /** Claim terms: (term, start), for lib/claims/match.ts claimsFromHits. */
  terms: HitBuffer;
}

export function newCandidates(): Candidates {
  return { spans: new HitBuffer(3), cues: new HitBuffer(4), topicHits: new HitBuffer(3), terms: new HitBuffer(2) };
}

/** Scans text[from, to) into `into`; slices must not cut through a name (cut at block separators). */
export function collectCandidates(matcher: Matcher, text: string, into: Candidates, from = 0, to = text.length): void {
  const { spans, cues, topicHits, terms } = into;
  const { targetsOf } = matcher;
  const length = text.length;
  matcher.scan(
    text,
    (matches, count) => {
      for (let k = 0; k < count * 3; k += 3) {
        const pattern = matches[k]!;
        const start = matches[k + 1]!;
        const end = matches[k + 2]!;
        if (start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
        // Claim terms may be inflected ("strike" in "strikes"); names and cues must end on a word boundary.
        const wordEnd = end >= length || !isWordCode(text.charCodeAt(end));
        const targets = targetsOf(pattern)!;
        let named = false;
        for (let t = 0; t < targets.length; t++) {
          const target = targets[t]!;
          if (target.term !== undefined) {
            if (termBoundaryOk(text, start, end)) terms.push(target.term, start);
          } else if (wordEnd && caseAgrees(target, text, start, end)) {
            if (target.topic) topicHits.push(start, pattern, target.broad ? 1 : 0);
            else if (target.cue) cues.push(target.entity, start, end, pattern);
            else named = true;
          }
        }
        if (named) spans.push(start, end, pattern);
      }
    },
    from,
    to,
  );
}

/**
 * The name targets of `pattern` that text[start, end) names (a kept span's: it ends on a word
 * boundary), in the pack's order: the same checks collectCandidates made, for the spans resolution keeps.
 */
export function nameTargets(
  matcher: Matcher,
  text: string,
  start: number,
  end: number,
  pattern: number,
): MatcherTarget[] {
  return matcher
    .targetsOf(pattern)!
    .filter((t) => t.term === undefined && !t.topic && !t.cue && caseAgrees(t, text, start, end));
}

/** A case-sensitive target's text folded with its case kept, and whether it is all lower case. */
interface CaseKey {
  key: string;
  lower: boolean;
}

const caseKeys = new WeakMap<MatcherTarget, CaseKey>();

function caseAgrees(target: MatcherTarget, text: string, start: number, end: number): boolean {
  if (!target.caseSensitive) return true;
  let caseKey = caseKeys.get(target);
  if (!caseKey) {
    const key = foldKey(target.text, true);
    caseKeys.set(target, (caseKey = { key, lower: key === key.toLowerCase() }));
  }
  return sameCaseAt(text, start, end, caseKey.key, caseKey.lower);
}

/**
 * Whether text[start, end), folded with its case kept (foldKey(…, true)), is `alias`, except that a
 * lower-case alias may start a sentence with a capital ("coca" / "Coca growers"); acronyms and
 * capitalised names must match exactly. `alias` is folded with its case kept, `lower` says whether it
 * is all lower case. Folds as it compares, allocating nothing.
 */
export function sameCaseAt(text: string, start: number, end: number, alias: string, lower: boolean): boolean {
  let n = 0;
  let first = -1;
  // As foldKey: a run of separators is one space, none at the start or the end.
  let lastWasSpace = true;
  let pendingSpace = false;
  for (let i = start; i < end; i++) {
    const code = foldCodeKeepCase(text.charCodeAt(i));
    if (code === SPACE) {
      if (!lastWasSpace) pendingSpace = true;
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    if (pendingSpace) {
      if (alias.charCodeAt(n++) !== SPACE) return false;
      pendingSpace = false;
    }
    if (n === 0) first = code;
    else if (alias.charCodeAt(n) !== code) return false;
    n++;
  }
  if (n !== alias.length || n === 0) return n === alias.length;
  if (first === alias.charCodeAt(0)) return true;
  return lower && String.fromCharCode(first).toLowerCase() === alias.charAt(0);
}
