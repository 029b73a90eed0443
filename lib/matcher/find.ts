/**
 * Finds entities in text: automaton hits → word boundaries and case rules → leftmost-longest spans
 * → disambiguation by context. Every finding says why it was made.
 */
import { foldKey, isWordCharAt } from '../text/fold';
import { type TermHit, termBoundaryOk } from '../claims/match';
import type { Matcher, MatcherTarget } from './compile';

export type FindingRule = 'alias' | 'name-on-page' | 'cue-nearby' | 'page-topic';

export interface EntityFinding {
  entity: number;
  start: number;
  end: number;
  /** The curated alias that matched. */
  alias: string;
  rule: FindingRule;
  /** The text on the page that confirmed an ambiguous alias. */
  cue?: string;
}

export interface FindOptions {
  /** Characters either side of an ambiguous name in which a cue confirms it. */
  cueWindow?: number;
  maxPerEntity?: number;
  maxTotal?: number;
  /** Treat the text as part of a page about the pack's subject (a sentence out of such an article). */
  assumeOnTopic?: boolean;
}

export interface Span {
  start: number;
  end: number;
  targets: MatcherTarget[];
}

export interface CueHit {
  start: number;
  text: string;
}

const DEFAULTS: Required<FindOptions> = { cueWindow: 600, maxPerEntity: 100, maxTotal: 2000, assumeOnTopic: false };

/** Automaton hits that passed word boundaries and case rules, gathered over one or more slices of text. */
export interface Candidates {
  spans: Span[];
  cues: Map<number, CueHit[]>;
  /** Distinct topic words seen (their pattern numbers). */
  topic: Set<number>;
  /** Claim terms, for lib/claims/match.ts claimsFromHits. */
  terms: TermHit[];
}

export function newCandidates(): Candidates {
  return { spans: [], cues: new Map(), topic: new Set(), terms: [] };
}

/** Scans text[from, to) into `into`; slices must not cut through a name (cut at block separators). */
export function collectCandidates(matcher: Matcher, text: string, into: Candidates, from = 0, to = text.length): void {
  matcher.scan(
    text,
    (pattern, start, end) => {
      if (isWordCharAt(text, start - 1)) return;
      // Claim terms may be inflected ("strike" in "strikes"); names and cues must end on a word boundary.
      const wordEnd = !isWordCharAt(text, end);
      let matching: MatcherTarget[] | undefined;
      for (const target of matcher.targetsOf(pattern)!) {
        if (target.term !== undefined) {
          if (termBoundaryOk(text, start, end)) into.terms.push({ term: target.term, start });
          continue;
        }
        if (!wordEnd) continue;
        if (target.caseSensitive && !sameCase(text.slice(start, end), target.text)) continue;
        if (target.topic) {
          into.topic.add(pattern);
        } else if (target.cue) {
          let list = into.cues.get(target.entity);
          if (!list) into.cues.set(target.entity, (list = []));
          list.push({ start, text: text.slice(start, end) });
        } else {
          (matching ??= []).push(target);
        }
      }
      if (matching) into.spans.push({ start, end, targets: matching });
    },
    from,
    to,
  );
}

/**
 * What the rest of the page says, for a rescan of one changed part: names confirmed elsewhere and
 * cues seen elsewhere (their positions are not comparable, so they count as the page's topic).
 */
export interface PageContext {
  names: Map<number, string>;
  cues: Map<number, CueHit[]>;
  /** Topic words seen on the page so far. */
  topic: Set<number>;
}

export function resolveCandidates(
  matcher: Matcher,
  text: string,
  candidates: Candidates,
  options: FindOptions = {},
  pageContext?: PageContext,
): { findings: EntityFinding[]; context: PageContext } {
  const { cueWindow, maxPerEntity, maxTotal, assumeOnTopic } = { ...DEFAULTS, ...options };
  const chosen = leftmostLongest(candidates.spans);
  const confirmedByName = new Map(pageContext?.names);
  for (const span of chosen) {
    for (const target of span.targets) {
      if (!target.ambiguous && !target.exclude && !confirmedByName.has(target.entity)) {
        confirmedByName.set(target.entity, text.slice(span.start, span.end));
      }
    }
  }
  const pageCues = new Map<number, CueHit[]>();
  for (const [entity, hits] of pageContext?.cues ?? []) pageCues.set(entity, [...hits]);
  const localCues = candidates.cues;
  const topic = new Set([...(pageContext?.topic ?? []), ...candidates.topic]);
  // Broad entities (a country, a newspaper) are noise on pages about something else.
  const onTopic = assumeOnTopic || topic.size >= matcher.data.topicMin;

  const findings: EntityFinding[] = [];
  const perEntity = new Map<number, number>();
  for (const span of chosen) {
    const finding = resolve(span, confirmedByName, localCues, pageCues, cueWindow);
    // Off the pack's subject, broad entities and names confirmed only by scattered cues stay quiet.
    if (
      !finding ||
      (!onTopic && (finding.rule === 'page-topic' || matcher.data.entities[finding.entity]!.background))
    ) {
      continue;
    }
    const count = perEntity.get(finding.entity) ?? 0;
    if (count >= maxPerEntity) continue;
    perEntity.set(finding.entity, count + 1);
    findings.push(finding);
    if (findings.length >= maxTotal) break;
  }
  for (const [entity, hits] of localCues) pageCues.set(entity, [...(pageCues.get(entity) ?? []), ...hits]);
  return { findings, context: { names: confirmedByName, cues: pageCues, topic } };
}

export function findEntities(matcher: Matcher, text: string, options: FindOptions = {}): EntityFinding[] {
  const candidates = newCandidates();
  collectCandidates(matcher, text, candidates);
  return resolveCandidates(matcher, text, candidates, options).findings;
}

/**
 * Case-sensitive comparison, except that a lower-case alias may start a sentence with a capital
 * ("coca" / "Coca growers"); acronyms and capitalised names must match exactly.
 */
function sameCase(found: string, alias: string): boolean {
  const a = foldKey(found, true);
  const b = foldKey(alias, true);
  if (a === b) return true;
  return (
    b === b.toLowerCase() &&
    a.charAt(0) !== b.charAt(0) &&
    a.charAt(0).toLowerCase() === b.charAt(0) &&
    a.slice(1) === b.slice(1)
  );
}

/** Keeps the leftmost span, and the longest among those starting at the same place; no overlaps. */
function leftmostLongest(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  let lastEnd = -1;
  for (const span of spans) {
    if (span.start < lastEnd) continue;
    kept.push(span);
    lastEnd = span.end;
  }
  return kept;
}

function resolve(
  span: Span,
  confirmedByName: Map<number, string>,
  cues: Map<number, CueHit[]>,
  pageCues: Map<number, CueHit[]>,
  cueWindow: number,
): EntityFinding | undefined {
  if (span.targets.some((t) => t.exclude)) return undefined;
  const plain = span.targets.filter((t) => !t.ambiguous);
  const base = { start: span.start, end: span.end };
  // Variants of one entity's name can share a key ("Nicolás Maduro", "Nicolas Maduro"): still one entity.
  if (plain.length && plain.every((t) => t.entity === plain[0]!.entity)) {
    return { ...base, entity: plain[0]!.entity, alias: plain[0]!.text, rule: 'alias' };
  }

  let best: { finding: EntityFinding; strength: number } | undefined;
  for (const target of span.targets) {
    const candidate = confirm(target, span, confirmedByName, cues, pageCues, cueWindow);
    if (candidate && (!best || candidate.strength > best.strength)) best = candidate;
  }
  return best?.finding;
}

function confirm(
  target: MatcherTarget,
  span: Span,
  confirmedByName: Map<number, string>,
  cues: Map<number, CueHit[]>,
  pageCues: Map<number, CueHit[]>,
  cueWindow: number,
): { finding: EntityFinding; strength: number } | undefined {
  const base = { start: span.start, end: span.end, entity: target.entity, alias: target.text };
  const name = confirmedByName.get(target.entity);
  if (name) return { finding: { ...base, rule: 'name-on-page', cue: name }, strength: 3 };
  const hits = cues.get(target.entity) ?? [];
  let nearest: CueHit | undefined;
  for (const hit of hits) {
    const distance = Math.abs(hit.start - span.start);
    if (distance <= cueWindow && (!nearest || distance < Math.abs(nearest.start - span.start))) nearest = hit;
  }
  if (nearest) return { finding: { ...base, rule: 'cue-nearby', cue: nearest.text }, strength: 2 };
  const distinct = new Set([...hits, ...(pageCues.get(target.entity) ?? [])].map((hit) => foldKey(hit.text)));
  if (distinct.size >= 2) {
    return { finding: { ...base, rule: 'page-topic', cue: [...distinct].join(', ') }, strength: 1 };
  }
  return undefined;
}
