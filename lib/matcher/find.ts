/**
 * Finds entities in text: automaton hits → word boundaries and case rules → leftmost-longest spans
 * → disambiguation by context. Every finding says why it was made.
 */
import { foldKey } from '../text/fold';
import { claimsFromHits } from '../claims/match';
import type { HitBuffer } from '../scan/hit-buffer';
import { type Candidates, collectCandidates, nameTargets, newCandidates } from './candidates';
import type { Matcher, MatcherTarget } from './compile';
import { joinedName } from './joined-name';
import { languageAround } from './language';
import { nearSpellings } from './near-spelling';
import { STORY_WINDOW, type Stories, lowerBound, nearestIndex, storiesOf } from './story';

export type FindingRule = 'alias' | 'name-on-page' | 'cue-nearby' | 'page-topic' | 'near-spelling';

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
  /** Characters either side of a name that its story's context reaches (lib/matcher/story.ts). */
  storyWindow?: number;
  maxPerEntity?: number;
  maxTotal?: number;
  /** Treat the text as part of a page about the pack's subject (a sentence out of such an article). */
  assumeOnTopic?: boolean;
  /**
   * Where the text's claims start, in text order, when the caller has found them already (the page scan
   * does, slice by slice); else they are found here when a story needs them.
   */
  claimStarts?: readonly number[];
}

export interface Span {
  start: number;
  end: number;
  targets: MatcherTarget[];
}

export { type Candidates, collectCandidates, newCandidates } from './candidates';

export interface CueHit {
  start: number;
  text: string;
  /** The cue's key (its pattern): hits of one key are one cue however they are written. */
  key: number;
}

const DEFAULTS: Required<Omit<FindOptions, 'claimStarts'>> = {
  cueWindow: 600,
  storyWindow: STORY_WINDOW,
  maxPerEntity: 100,
  maxTotal: 2000,
  assumeOnTopic: false,
};

/**
 * What the rest of the page says, for a rescan of one changed part: names confirmed elsewhere, cues
 * seen elsewhere (their positions are not comparable, so they count as the page's topic) and whether
 * some story on the page was about the pack's subject.
 */
export interface PageContext {
  names: Map<number, string>;
  cues: Map<number, CueHit[]>;
  /** Topic words seen on the page so far. */
  topic: Set<number>;
  onTopic: boolean;
}

/** Where the names that give context were seen in one text, each list in text order. */
interface Evidence {
  /** Per entity: its names written in full (unambiguous aliases). */
  named: Map<number, { starts: number[]; ends: number[] }>;
  /** Per entity: other names built on its short name ("Chris Paul" for Rand Paul's "Paul"). */
  joined: Map<number, number[]>;
  /** Names of specific (not background) entities: a story that names one is on the pack's subject. */
  specific: number[];
  /** An entity's cues (made when first asked for: most entities' cues confirm nothing on a page). */
  cues: (entity: number) => CueList | undefined;
}

/** Hits in text order as parallel lists: where each starts and ends, and its key (pattern). */
interface CueList {
  starts: number[];
  ends: number[];
  keys: number[];
}

/** Topic words in text order. */
interface TopicList {
  starts: number[];
  keys: number[];
  broad: boolean[];
}

/** A single capitalised word ("Paul", "Mexico"): the kind of name another name can be built on. */
const SHORT_NAME = /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u;
const UPPER_START = /^\p{Lu}/u;

export interface Resolution {
  findings: EntityFinding[];
  context: PageContext;
}

export function resolveCandidates(
  matcher: Matcher,
  text: string,
  candidates: Candidates,
  options: FindOptions = {},
  pageContext?: PageContext,
): Resolution {
  const { cueWindow, storyWindow, maxPerEntity, maxTotal, assumeOnTopic } = { ...DEFAULTS, ...options };
  const entities = matcher.data.entities;
  const chosen = leftmostLongest(matcher, text, candidates.spans);
  const stories = storiesOf(text, storyWindow);
  const evidence: Evidence = { named: new Map(), joined: new Map(), specific: [], cues: cueIndex(candidates.cues) };

  // First the names that need no context, and the joined names that are someone else's.
  const found: (EntityFinding | undefined)[] = new Array(chosen.length);
  const open: number[] = [];
  for (let i = 0; i < chosen.length; i++) {
    let span = chosen[i]!;
    if (span.targets.some((t) => t.exclude)) continue;
    if (span.targets.some((t) => t.lang)) {
      // "EU" is the European Union in English and the United States in Mexican Spanish.
      const lang = languageAround(text, span.start, span.end);
      const targets = span.targets.filter((t) => !t.lang || t.lang === lang);
      if (!targets.length) continue;
      span = { ...span, targets };
      chosen[i] = span;
    }
    const plain = span.targets.filter((t) => !t.ambiguous);
    // Variants of one entity's name can share a key ("Nicolás Maduro", "Nicolas Maduro"): still one entity.
    const single = plain.length && plain.every((t) => t.entity === plain[0]!.entity) ? plain[0] : undefined;
    const joinable = (!single || SHORT_NAME.test(single.text)) && UPPER_START.test(text.charAt(span.start));
    // A cue that begins with the name ("Senate Democrats", "Monroe Doctrine") is its context, not another name.
    const ownCue = span.targets.some((t) => cueAt(evidence.cues(t.entity), span.start));
    const joined = joinable && !ownCue ? joinedName(text, span.start, span.end) : undefined;
    // An organisation's name after a place describes someone ("a Texas Democrat"): only a word after it joins.
    if (joined && (joined.after || span.targets.some((t) => entities[t.entity]!.type !== 'organisation'))) {
      // Another first name ("Chris Paul") makes the bare surname nearby that person's too; a word after
      // ("Trump War Room", "Ford Motor") names a thing, and the bare name nearby stays open.
      if (joined.before) for (const target of span.targets) append(evidence.joined, target.entity, span.start);
      continue;
    }
    if (!single) {
      open.push(i);
      continue;
    }
    found[i] = { start: span.start, end: span.end, entity: single.entity, alias: single.text, rule: 'alias' };
    let names = evidence.named.get(single.entity);
    if (!names) evidence.named.set(single.entity, (names = { starts: [], ends: [] }));
    names.starts.push(span.start);
    names.ends.push(span.end);
    if (!entities[single.entity]!.background) evidence.specific.push(span.start);
  }
  // Then the ambiguous names, each by the context of its own story.
  for (const i of open) found[i] = resolve(chosen[i]!, text, stories, evidence, cueWindow, pageContext);

  const topic = topicList(candidates.topicHits);
  const topicMin = matcher.data.topicMin;
  const contextTopic = new Set(pageContext?.topic);
  for (let i = 0; i < candidates.topicHits.length; i++) contextTopic.add(candidates.topicHits.get(i, 1));
  // A rescan of one part counts the rest of the page as its story.
  const pageOnTopic = assumeOnTopic || topicMin === 0 || !!pageContext?.onTopic;
  let claimStarts = options.claimStarts;
  const onTopicAt = (offset: number): boolean => {
    if (pageOnTopic) return true;
    const [lo, hi] = stories.around(offset);
    if (within(evidence.specific, lo, hi)) return true;
    if (isTopical(topic, distinctKeys(topic.starts, topic.keys, lo, hi, Infinity), topicMin)) return true;
    // A story that states one of the pack's claims is on the subject too (claims found only when asked).
    claimStarts ??= claimsFromHits(matcher.claims, text, candidates.terms).map((claim) => claim.start);
    return within(claimStarts, lo, hi);
  };

  const findings: EntityFinding[] = [];
  const perEntity = new Map<number, number>();
  // Misspelt names are looked for only where some story may be on the subject (a name or topic words).
  const mayBeOnTopic = pageOnTopic || evidence.specific.length > 0 || topic.starts.length >= topicMin;
  for (const finding of mayBeOnTopic ? withMisspeltNames(matcher, text, chosen, found, onTopicAt) : found) {
    // Off the pack's subject, broad entities and names confirmed only by scattered cues stay quiet.
    if (
      !finding ||
      ((finding.rule === 'page-topic' || entities[finding.entity]!.background) && !onTopicAt(finding.start))
    ) {
      continue;
    }
    const count = perEntity.get(finding.entity) ?? 0;
    if (count >= maxPerEntity) continue;
    perEntity.set(finding.entity, count + 1);
    findings.push(finding);
    if (findings.length >= maxTotal) break;
  }

  const names = new Map(pageContext?.names);
  for (const [entity, { starts, ends }] of evidence.named) {
    if (!names.has(entity)) names.set(entity, text.slice(starts[0], ends[0]));
  }
  const onTopic =
    pageOnTopic ||
    evidence.specific.length > 0 ||
    (topicMin > 0 && isTopical(topic, distinctKeys(topic.starts, topic.keys, 0, text.length, Infinity), topicMin));
  // Only a rescan of a changed part reads the cues as objects: made then, from a copy of the records.
  const cueRecords = {
    data: candidates.cues.data.slice(0, candidates.cues.length * 4),
    length: candidates.cues.length,
  };
  const earlierCues = pageContext?.cues;
  let cues: Map<number, CueHit[]> | undefined;
  const context: PageContext = {
    names,
    get cues() {
      return (cues ??= contextCues(text, cueRecords, earlierCues));
    },
    topic: contextTopic,
    onTopic,
  };
  return { findings, context };
}

/**
 * Longest text read for misspelt names: an article, a roundup or a live blog (tens to a few hundred
 * thousand characters). Longer texts keep the names spelt right only (a 10 MB page took a 258 ms task).
 */
export const MAX_MISSPELT_TEXT = 500_000;

/**
 * The findings with the misspelt long names (lib/matcher/near-spelling.ts) of stories on the subject,
 * in text order. A misspelt name is the outermost name: it replaces the names found inside it ("Trump"
 * in "Donlad Trump", which alone reads as someone else's name), and gives way to a name it cuts across.
 */
function withMisspeltNames(
  matcher: Matcher,
  text: string,
  chosen: readonly Span[],
  found: readonly (EntityFinding | undefined)[],
  onTopicAt: (offset: number) => boolean,
): readonly (EntityFinding | undefined)[] {
  // The pass reads every character in one go: on a page of megabytes that is a long task of its own.
  if (text.length > MAX_MISSPELT_TEXT) return found;
  const misspelt = nearSpellings(matcher.data, text);
  if (!misspelt.length) return found;
  const merged: (EntityFinding | undefined)[] = [];
  let i = 0;
  for (const name of misspelt) {
    while (i < chosen.length && chosen[i]!.end <= name.start) merged.push(found[i++]);
    let j = i;
    while (j < chosen.length && chosen[j]!.start < name.end) j++;
    const covers = chosen.slice(i, j).every((span) => span.start >= name.start && span.end <= name.end);
    if (!covers || !onTopicAt(name.start)) continue;
    merged.push({ ...name, rule: 'near-spelling', cue: text.slice(name.start, name.end) });
    i = j;
  }
  while (i < chosen.length) merged.push(found[i++]);
  return merged;
}

/** The page context's cues: the earlier context's, then these, each entity's in the order they were found. */
function contextCues(
  text: string,
  records: { data: Int32Array; length: number },
  earlier: Map<number, CueHit[]> | undefined,
): Map<number, CueHit[]> {
  const cues = new Map<number, CueHit[]>();
  for (const [entity, hits] of earlier ?? []) cues.set(entity, [...hits]);
  for (let i = 0; i < records.length; i++) {
    const [entity, start, end, key] = records.data.subarray(i * 4, i * 4 + 4) as unknown as [
      number,
      number,
      number,
      number,
    ];
    let list = cues.get(entity);
    if (!list) cues.set(entity, (list = []));
    list.push({ start, text: text.slice(start, end), key });
  }
  return cues;
}

/**
 * Each entity's cues in text order (hits at the same place in the order they were found): the hits are
 * grouped by entity once (a counting sort of their indexes), and an entity's lists made when first asked for.
 */
function cueIndex(hits: HitBuffer): (entity: number) => CueList | undefined {
  const { data, length } = hits;
  // Entities with cues on the page, numbered densely in the order first seen.
  const slotOf = new Map<number, number>();
  const slots = new Int32Array(length);
  const counts: number[] = [];
  for (let i = 0; i < length; i++) {
    const entity = data[i * 4]!;
    let slot = slotOf.get(entity);
    if (slot === undefined) {
      slotOf.set(entity, (slot = counts.length));
      counts.push(0);
    }
    slots[i] = slot;
    counts[slot]!++;
  }
  const offsets = new Int32Array(counts.length + 1);
  for (let slot = 0; slot < counts.length; slot++) offsets[slot + 1] = offsets[slot]! + counts[slot]!;
  const grouped = new Int32Array(length);
  const fill = offsets.slice(0, counts.length);
  for (let i = 0; i < length; i++) grouped[fill[slots[i]!]!++] = i;
  const lists = new Map<number, CueList>();
  return (entity) => {
    const slot = slotOf.get(entity);
    if (slot === undefined) return undefined;
    let list = lists.get(entity);
    if (!list) {
      const order = Array.from(grouped.subarray(offsets[slot], offsets[slot + 1]));
      if (order.some((hit, k) => k > 0 && data[hit * 4 + 1]! < data[order[k - 1]! * 4 + 1]!)) {
        order.sort((a, b) => data[a * 4 + 1]! - data[b * 4 + 1]! || a - b);
      }
      list = {
        starts: order.map((hit) => data[hit * 4 + 1]!),
        ends: order.map((hit) => data[hit * 4 + 2]!),
        keys: order.map((hit) => data[hit * 4 + 3]!),
      };
      lists.set(entity, list);
    }
    return list;
  };
}

function topicList(hits: HitBuffer): TopicList {
  const list: TopicList = { starts: [], keys: [], broad: [] };
  for (const i of hits.orderBy(0)) {
    list.starts.push(hits.get(i, 0));
    list.keys.push(hits.get(i, 1));
    list.broad.push(hits.get(i, 2) === 1);
  }
  return list;
}

export function findEntities(matcher: Matcher, text: string, options: FindOptions = {}): EntityFinding[] {
  const candidates = newCandidates();
  collectCandidates(matcher, text, candidates);
  return resolveCandidates(matcher, text, candidates, options).findings;
}

/** Enough different topic words (indexes into `topic`), one of them at least not broad. */
function isTopical(topic: TopicList, distinct: readonly number[], topicMin: number): boolean {
  return distinct.length >= topicMin && distinct.some((i) => !topic.broad[i]);
}

function cueAt(cues: CueList | undefined, start: number): boolean {
  return !!cues && cues.starts[lowerBound(cues.starts, start)] === start;
}

/** Whether sorted `values` has one in [lo, hi). */
function within(values: readonly number[], lo: number, hi: number): boolean {
  const i = lowerBound(values, lo);
  return i < values.length && values[i]! < hi;
}

function append(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes of the first hit of up to `max` distinct keys among the hits in [lo, hi), in text order. */
function distinctKeys(
  starts: readonly number[],
  keys: readonly number[],
  lo: number,
  hi: number,
  max: number,
): number[] {
  const distinct: number[] = [];
  for (let i = lowerBound(starts, lo); i < starts.length && starts[i]! < hi; i++) {
    if (!distinct.some((d) => keys[d] === keys[i])) distinct.push(i);
    if (distinct.length >= max) break;
  }
  return distinct;
}

/**
 * An order's wording just before a policy's name ("an executive order reclassifying fentanyl as a
 * weapon of mass destruction", "una orden ejecutiva que designa el fentanilo…"): at most four words
 * between, in the same sentence; "in order to" is no order.
 */
const ORDER_BEFORE =
  /(?<![\p{L}])(?:(?<!\bin )order|decree|directive|orden|decreto|directiva)(?:\s+ejecutiva)?(?:\s+[\p{L}\p{N}'’-]+){0,4}\s+$/iu;

/**
 * Whether the names inside a kept span are mentions of their own: a policy's name that completes the
 * description of an order names the drug or the place the order is about, as the policy's name alone
 * ("fentanyl as a WMD", "the EU drugs strategy") or a proper name ("Mexico City") does not.
 */
function describes(matcher: Matcher, text: string, span: Span): boolean {
  return (
    span.targets.some((t) => !t.exclude && matcher.data.entities[t.entity]!.type === 'policy') &&
    ORDER_BEFORE.test(text.slice(Math.max(0, span.start - 80), span.start))
  );
}

/**
 * Keeps the leftmost span, and the longest among those starting at the same place; no overlaps,
 * except the names inside an order's description (see describes), kept leftmost-longest among themselves
 * right after it. Only the kept spans become objects, with the targets they name.
 */
function leftmostLongest(matcher: Matcher, text: string, spans: HitBuffer): Span[] {
  const { data, length } = spans;
  const before = (a: number, b: number) => data[a * 3]! - data[b * 3]! || data[b * 3 + 1]! - data[a * 3 + 1]! || a - b;
  const order: number[] = [];
  let sorted = true;
  for (let i = 0; i < length; i++) {
    if (i > 0 && before(i - 1, i) > 0) sorted = false;
    order.push(i);
  }
  if (!sorted) order.sort(before);
  const kept: Span[] = [];
  let lastEnd = -1;
  // Inside a description: where the last name kept inside it ends (-1: not inside one).
  let innerEnd = -1;
  for (let n = 0; n < order.length; n++) {
    const i = order[n]!;
    const start = data[i * 3]!;
    const end = data[i * 3 + 1]!;
    if (start < lastEnd) {
      if (innerEnd >= 0 && start >= innerEnd && end <= lastEnd) {
        kept.push({ start, end, targets: nameTargets(matcher, text, start, end, data[i * 3 + 2]!) });
        innerEnd = end;
      }
      continue;
    }
    const span = { start, end, targets: nameTargets(matcher, text, start, end, data[i * 3 + 2]!) };
    kept.push(span);
    lastEnd = end;
    innerEnd = describes(matcher, text, span) ? start : -1;
  }
  return kept;
}

function resolve(
  span: Span,
  text: string,
  stories: Stories,
  evidence: Evidence,
  cueWindow: number,
  pageContext: PageContext | undefined,
): EntityFinding | undefined {
  const [lo, hi] = stories.around(span.start);
  let best: Confirmation | undefined;
  for (const target of span.targets) {
    const candidate = confirm(target, span, text, lo, hi, evidence, cueWindow, pageContext);
    if (candidate && (!best || stronger(candidate, best))) best = candidate;
  }
  return best?.finding;
}

/**
 * Between entities sharing a name, the stronger confirmation wins (a full name in the story says
 * which army "el Ejército" is better than a cue does), and between equals the nearer one.
 */
function stronger(a: Confirmation, b: Confirmation): boolean {
  return a.strength > b.strength || (a.strength === b.strength && a.distance < b.distance);
}

interface Confirmation {
  finding: EntityFinding;
  strength: number;
  /** Characters between the name and what confirmed it (Infinity for the page or the story at large). */
  distance: number;
}

/** Cues a page-topic confirmation lists at most. */
const TOPIC_CUES = 4;

/**
 * What a later rescan reads of an entity's cues elsewhere on the page: confirm() takes at most
 * TOPIC_CUES distinct keys from them, after up to TOPIC_CUES - 1 of the part's own, in order; so the
 * first hit of each of the first 2 × TOPIC_CUES - 1 keys decides as all of them do (a 1 MB page's cues
 * were megabytes of a context sent back to the page).
 */
export function cuesWorthKeeping(hits: readonly CueHit[]): CueHit[] {
  const kept: CueHit[] = [];
  for (const hit of hits) {
    if (kept.length >= 2 * TOPIC_CUES - 1) break;
    if (!kept.some((k) => k.key === hit.key)) kept.push(hit);
  }
  return kept;
}

/**
 * Confirms an ambiguous name as `target`'s entity within its story [lo, hi): by the nearest name
 * written in full (unless another name built on the same short name is nearer), by a cue nearby, or
 * by two different cues in the story.
 */
function confirm(
  target: MatcherTarget,
  span: Span,
  text: string,
  lo: number,
  hi: number,
  evidence: Evidence,
  cueWindow: number,
  pageContext: PageContext | undefined,
): Confirmation | undefined {
  const base = { start: span.start, end: span.end, entity: target.entity, alias: target.text };
  const at = span.start;
  const own = evidence.named.get(target.entity);
  const o = own ? nearestIndex(own.starts, at, lo, hi) : -1;
  const other = evidence.joined.get(target.entity);
  const j = other ? nearestIndex(other, at, lo, hi) : -1;
  if (j >= 0 && (o < 0 || Math.abs(other![j]! - at) < Math.abs(own!.starts[o]! - at))) return undefined;
  if (o >= 0) {
    return {
      finding: { ...base, rule: 'name-on-page', cue: text.slice(own!.starts[o], own!.ends[o]) },
      strength: 3,
      distance: Math.abs(own!.starts[o]! - at),
    };
  }
  const elsewhere = pageContext?.names.get(target.entity);
  if (elsewhere && j < 0) {
    return { finding: { ...base, rule: 'name-on-page', cue: elsewhere }, strength: 3, distance: Infinity };
  }
  const cues = evidence.cues(target.entity);
  if (cues) {
    const k = nearestIndex(cues.starts, at, Math.max(lo, at - cueWindow), Math.min(hi, at + cueWindow + 1));
    if (k >= 0) {
      return {
        finding: { ...base, rule: 'cue-nearby', cue: text.slice(cues.starts[k], cues.ends[k]) },
        strength: 2,
        distance: Math.abs(cues.starts[k]! - at),
      };
    }
  }
  const distinct = cues
    ? distinctKeys(cues.starts, cues.keys, lo, hi, TOPIC_CUES).map((k) => ({
        key: cues.keys[k]!,
        text: text.slice(cues.starts[k], cues.ends[k]),
      }))
    : [];
  for (const hit of pageContext?.cues.get(target.entity) ?? []) {
    if (distinct.length >= TOPIC_CUES) break;
    if (!distinct.some((d) => d.key === hit.key)) distinct.push(hit);
  }
  const folded = [...new Set(distinct.map((hit) => foldKey(hit.text)))];
  if (folded.length >= 2) {
    return { finding: { ...base, rule: 'page-topic', cue: folded.join(', ') }, strength: 1, distance: Infinity };
  }
  return undefined;
}
