/** Where to put a card next to the text it explains: below if it fits, else above, always on screen. */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
}

const GAP = 8;
const MARGIN = 8;

export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const spaceBelow = viewport.height - (anchor.top + anchor.height) - GAP;
  const spaceAbove = anchor.top - GAP;
  const side = spaceBelow >= card.height || spaceBelow >= spaceAbove ? 'below' : 'above';
  const rawTop = side === 'below' ? anchor.top + anchor.height + GAP : anchor.top - GAP - card.height;
  const top = clamp(rawTop, MARGIN, Math.max(MARGIN, viewport.height - card.height - MARGIN));
  const left = clamp(anchor.left, MARGIN, Math.max(MARGIN, viewport.width - card.width - MARGIN));
  return { top, left, side };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
