/**
 * Where to put a card next to the text it explains, so that it never covers that text: below if the
 * card fits there, else above, else beside; failing all three, on the roomier of below and above with
 * its height limited to the space there. On narrow screens the card is a sheet along the bottom (or
 * the top, when the text sits low), never over the text.
 */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export type Side = 'below' | 'above' | 'right' | 'left' | 'sheet-bottom' | 'sheet-top';

export interface Placement {
  top: number;
  left: number;
  width: number;
  /** The card's height may not exceed this: the space on its side, less the margins. */
  maxHeight: number;
  side: Side;
}

/** At or below this viewport width the card becomes a sheet (phones, narrow windows). */
export const SHEET_MAX_WIDTH = 480;
const GAP = 8;
const MARGIN = 8;

export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const anchorBottom = anchor.top + anchor.height;
  const spaceBelow = viewport.height - anchorBottom - GAP - MARGIN;
  const spaceAbove = anchor.top - GAP - MARGIN;

  if (viewport.width <= SHEET_MAX_WIDTH) {
    const width = viewport.width - 2 * MARGIN;
    const bottom = spaceBelow >= card.height || spaceBelow >= spaceAbove;
    const maxHeight = Math.max(0, Math.min(card.height, bottom ? spaceBelow : spaceAbove));
    const top = bottom ? viewport.height - MARGIN - maxHeight : MARGIN;
    return { top, left: MARGIN, width, maxHeight, side: bottom ? 'sheet-bottom' : 'sheet-top' };
  }

  const width = Math.min(card.width, viewport.width - 2 * MARGIN);
  const left = clamp(anchor.left, MARGIN, viewport.width - width - MARGIN);
  const below = (maxHeight: number): Placement => ({
    top: anchorBottom + GAP,
    left,
    width,
    maxHeight,
    side: 'below',
  });
  const above = (maxHeight: number): Placement => ({
    top: anchor.top - GAP - maxHeight,
    left,
    width,
    maxHeight,
    side: 'above',
  });
  if (spaceBelow >= card.height) return below(card.height);
  if (spaceAbove >= card.height) return above(card.height);

  const fullHeight = viewport.height - 2 * MARGIN;
  const spaceRight = viewport.width - (anchor.left + anchor.width) - GAP - MARGIN;
  const spaceLeft = anchor.left - GAP - MARGIN;
  if (spaceRight >= width || spaceLeft >= width) {
    const maxHeight = Math.min(card.height, fullHeight);
    // Level with the text where possible, moved up just enough to stay on screen.
    const top = clamp(anchor.top, MARGIN, viewport.height - MARGIN - maxHeight);
    const side = spaceRight >= width ? 'right' : 'left';
    const x = side === 'right' ? anchor.left + anchor.width + GAP : anchor.left - GAP - width;
    return { top, left: x, width, maxHeight, side };
  }
  return spaceBelow >= spaceAbove ? below(Math.max(0, spaceBelow)) : above(Math.max(0, spaceAbove));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
