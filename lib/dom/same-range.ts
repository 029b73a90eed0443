/**
 * Whether two ranges cover the same text. A rescan or a repaint makes new Range objects for the same
 * words, so identity is not enough to tell that a hovered word is the one whose card is open.
 */
export function sameRange(a: Range, b: Range): boolean {
  return (
    a === b ||
    (a.startContainer === b.startContainer &&
      a.startOffset === b.startOffset &&
      a.endContainer === b.endContainer &&
      a.endOffset === b.endOffset)
  );
}
