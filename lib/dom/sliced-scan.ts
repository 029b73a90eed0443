/**
 * The full scan of a page: its text is read a step at a time (the page gets its main thread back between
 * steps) and handed to the finder, which searches it away from the page (text-finder.ts). A long page's
 * top goes first, as soon as it is read, and is shown before the rest is read and searched.
 *
 *   text index (steps) → top → finder → shown early
 *   text index (more steps) → whole text → finder → findings
 */
import type { ClaimFinding } from '../claims/match';
import type { EntityFinding } from '../matcher/find';
import type { ScanLimits, TextFinder, WireContext } from '../matcher/text-finder';
import { BLOCK_SEPARATOR } from '../text/fold';
import { type Slicer, TEXT_SLICE_CHARS } from './slicer';
import { type TextIndex, createTextIndexBuilder } from './text-index';

/** Nodes the text index reads between two checks of the time slice. */
export const NODES_PER_STEP = 1500;

/**
 * Nodes read at a time until the top is read (NODES_PER_STEP in all): the top is read as soon as the
 * text holds a slice of it, so the first highlights wait for no more of the page than they show.
 */
export const TOP_NODES_PER_STEP = 250;

/** Findings with offsets into `index.text`. */
export interface TextFindings {
  index: TextIndex;
  entities: EntityFinding[];
  claims: ClaimFinding[];
}

export interface SlicedScanOptions {
  finder: TextFinder;
  limits: ScanLimits;
  /** Aborting its signal stops the scan at its next checkpoint (the promise rejects). */
  slicer: Slicer;
  /** Once aborted, a top that comes back is not shown. */
  signal: AbortSignal;
  /**
   * Whether the top of a long page is shown before the rest is read (not with wrapping: it would move the
   * text nodes the index points to).
   */
  showsTop: boolean;
  /** Shows the top's findings; called at most once per scan, before it ends. */
  showTop(top: TextFindings): void;
}

export async function scanSliced(
  root: Node,
  options: SlicedScanOptions,
): Promise<TextFindings & { context?: WireContext }> {
  const { finder, limits, slicer, signal } = options;
  const builder = createTextIndexBuilder(root);
  let top: Promise<void> | undefined;
  /** Whether the whole page's findings are in: they hold the top's, which is then not shown. */
  let found = false;
  const askTop = (partial: TextIndex): Promise<void> | undefined => {
    const index = topOf(partial);
    if (!index) return undefined;
    return finder.find({ part: 'top', text: index.text, limits }).then(
      ({ entities, claims }) => {
        if (!found && !signal.aborted) options.showTop({ index, entities, claims });
      },
      // The whole page's request says what went wrong, if anything did.
      () => undefined,
    );
  };
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
    if (!top && options.showsTop) {
      top = askTop(builder.result());
      // Painted before more is read: the first highlights do not share the page's thread with our reading.
      await top;
    }
    await slicer.checkpoint();
  }
  const index = builder.result();
  // A page read in one step shows its top first too when it is longer than one (both asked at once: the
  // top's answer comes first).
  if (!top && options.showsTop && index.text.length > TEXT_SLICE_CHARS) top = askTop(index);
  const whole = await finder.find({ part: 'page', text: index.text, limits });
  found = true;
  await slicer.checkpoint();
  return { index, ...whole };
}

/**
 * The complete blocks of a partial index (its last block may go on in nodes not read yet), up to one
 * text slice's worth; undefined when that holds no complete block. The partial text is a prefix of the
 * full one, so offsets hold in both.
 */
function topOf(partial: TextIndex): TextIndex | undefined {
  const end = partial.text.lastIndexOf(BLOCK_SEPARATOR, TEXT_SLICE_CHARS);
  return end < 0 ? undefined : { ...partial, text: partial.text.slice(0, end) };
}
