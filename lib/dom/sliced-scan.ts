/**
 * The full scan of a page in time slices: the text index is read a step at a time, the text matched a
 * slice at a time, and a long page's top is handed over to be painted before the rest is read.
 *
 *   text index (steps) → candidates per text slice → claims per slice → resolve in page context
 *
 * Every stretch of text is matched once: the top read early is not matched again, and its candidates
 * and claims go on into the full resolution.
 */
import { type ClaimFinding, claimsFromHits } from '../claims/match';
import type { Matcher } from '../matcher/compile';
import {
  type Candidates,
  type EntityFinding,
  type FindOptions,
  type PageContext,
  type Resolution,
  collectCandidates,
  newCandidates,
  resolutionSteps,
  resolveCandidates,
} from '../matcher/find';
import { prepareNearSpellings } from '../matcher/near-spelling';
import { BLOCK_SEPARATOR } from '../text/fold';
import { type Slicer, TEXT_SLICE_CHARS, textSlices } from './slicer';
import { type TextIndex, createTextIndexBuilder } from './text-index';

/** Nodes the text index reads between two checks of the time slice. */
export const NODES_PER_STEP = 1500;

/**
 * Nodes read at a time until the top is read (NODES_PER_STEP in all): the top is read as soon as the
 * text holds a slice of it, so the first highlights wait for no more of the page than they show.
 */
export const TOP_NODES_PER_STEP = 250;

export interface ScanLimits {
  maxTotal: number;
  maxPerEntity: number;
}

/** Findings with offsets into `index.text`. */
export interface TextFindings {
  index: TextIndex;
  entities: EntityFinding[];
  claims: ClaimFinding[];
}

export interface SlicedScanOptions {
  matcher: Matcher;
  limits: ScanLimits;
  maxClaims: number;
  /** Aborting its signal stops the scan at its next checkpoint (the promise rejects). */
  slicer: Slicer;
  /**
   * Whether the top of a long page is shown before the rest is read (not with wrapping: it would move the
   * text nodes the index points to).
   */
  showsTop: boolean;
  /** Shows the top's findings; called at most once per scan, before it ends. */
  showTop(top: TextFindings): void;
}

/** Names and claims in a text: one pass of the automaton finds names, cues, topic words and claim terms. */
export function findInText(
  matcher: Matcher,
  text: string,
  limits: ScanLimits,
  pageContext?: PageContext,
): { entities: EntityFinding[]; context: PageContext; claims: ClaimFinding[]; candidates: Candidates } {
  const candidates = newCandidates();
  collectCandidates(matcher, text, candidates);
  const claims = claimsFromHits(matcher.claims, text, candidates.terms);
  const resolved = resolveCandidates(
    matcher,
    text,
    candidates,
    { ...limits, claimStarts: starts(claims) },
    pageContext,
  );
  return { entities: resolved.findings, context: resolved.context, claims, candidates };
}

export async function scanSliced(
  root: Node,
  options: SlicedScanOptions,
): Promise<TextFindings & { context: PageContext }> {
  const { matcher, limits, maxClaims, slicer } = options;
  // The misspelt-name search's index, made in slices before the first search needs it.
  await prepareNearSpellings(matcher.data, slicer.due, () => slicer.checkpoint());
  const builder = createTextIndexBuilder(root);
  let shown = false;
  /** What the top read early holds: its end in the text, its candidates and names. */
  let top: Top | undefined;
  const claims: ClaimFinding[] = [];
  /** Nodes read in steps of TOP_NODES_PER_STEP, before the first NODES_PER_STEP. */
  let topNodes = 0;
  const firstSteps = () => options.showsTop && topNodes < NODES_PER_STEP;
  while (!builder.step(firstSteps() ? TOP_NODES_PER_STEP : NODES_PER_STEP)) {
    // The top ends at the last block boundary within its slice: once the text is longer, more nodes
    // would not change it.
    if (firstSteps() && (topNodes += TOP_NODES_PER_STEP) < NODES_PER_STEP) {
      if (builder.textLength() <= TEXT_SLICE_CHARS) continue;
      topNodes = NODES_PER_STEP;
    }
    // A page too long to read in one step shows what its first step holds before reading on, so the
    // first highlights do not wait behind the page's own tasks that run at each later yield (a first
    // step that used up its time slice yields once before painting).
    if (!shown && options.showsTop) {
      await slicer.checkpoint();
      top = readTop(matcher, builder.result(), limits);
      if (top) {
        options.showTop({ ...top.found, claims: [] });
        shown = true;
        // The top's claims come with the next paint: its names wait for no sentence to be read.
        await slicer.checkpoint();
        claims.push(...claimsFromHits(matcher.claims, top.found.index.text, top.candidates.terms));
      }
    }
    await slicer.checkpoint();
  }
  const index = builder.result();
  const candidates = top?.candidates ?? newCandidates();
  // A slice's claims are settled right after it (slices end at block boundaries, so no sentence is cut).
  const slices = textSlices(index.text, BLOCK_SEPARATOR, TEXT_SLICE_CHARS, top?.end ?? 0);
  // A long page shows what its top holds while the rest is read. More text only confirms more names
  // (context and topic words add up), so nothing shown early is taken back.
  const showsFirstSlice = !shown && slices.length > 1 && options.showsTop;
  for (const [from, to] of slices) {
    const firstTerm = candidates.terms.length;
    collectCandidates(matcher, index.text, candidates, from, to);
    await slicer.checkpoint();
    claims.push(...claimsFromHits(matcher.claims, index.text, candidates.terms, from, to, firstTerm));
    if (showsFirstSlice && from === 0) {
      const early = resolveCandidates(matcher, index.text, candidates, { ...limits, claimStarts: starts(claims) });
      options.showTop({ index, entities: early.findings, claims: claims.slice(0, maxClaims) });
    }
    await slicer.checkpoint();
  }
  const resolved = await resolveInSlices(
    matcher,
    index.text,
    candidates,
    { ...limits, claimStarts: starts(claims) },
    slicer,
  );
  await slicer.checkpoint();
  return { index, entities: resolved.findings, claims: claims.slice(0, maxClaims), context: resolved.context };
}

/** resolveCandidates across time slices: the whole page's names are too many for one task. */
export async function resolveInSlices(
  matcher: Matcher,
  text: string,
  candidates: Candidates,
  options: FindOptions,
  slicer: Slicer,
): Promise<Resolution> {
  const steps = resolutionSteps(matcher, text, candidates, options, undefined, () => slicer.due());
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await slicer.checkpoint();
  }
}

/** Where claims start: the entity step reads whether a story states one (claims are in text order). */
function starts(claims: readonly ClaimFinding[]): number[] {
  return claims.map((claim) => claim.start);
}

interface Top {
  end: number;
  candidates: Candidates;
  found: { index: TextIndex; entities: EntityFinding[] };
}

/**
 * The names in the complete blocks of a partial index (its last block may go on in nodes not read
 * yet), up to one text slice's worth; undefined when that holds no complete block. The partial text is
 * a prefix of the full one, so offsets hold in both. Its claims are left for later: the names are the
 * same either way (resolveCandidates finds the claims itself where a story's subject turns on them).
 */
function readTop(matcher: Matcher, partial: TextIndex, limits: ScanLimits): Top | undefined {
  const end = partial.text.lastIndexOf(BLOCK_SEPARATOR, TEXT_SLICE_CHARS);
  if (end < 0) return undefined;
  const index = { ...partial, text: partial.text.slice(0, end) };
  const candidates = newCandidates();
  collectCandidates(matcher, index.text, candidates);
  const { findings } = resolveCandidates(matcher, index.text, candidates, limits);
  return { end, candidates, found: { index, entities: findings } };
}
