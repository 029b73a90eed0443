/** Brings a finding into view and flashes it, whichever painter painted the page. */
import { MARK_TAG, type Painter, createPainter } from './paint';

/** How long a revealed finding stays flashed. */
export const FLASH_MS = 1600;

export function revealRange(win: Window, painter: Painter, range: Range): void {
  const reduceMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
  flash(win, painter, range);
}

function flash(win: Window, painter: Painter, range: Range): void {
  if (painter.kind === 'highlight-api') {
    const flashPainter = createPainter(win);
    flashPainter.paint([{ name: 'flash', ranges: [range.cloneRange()] }]);
    win.setTimeout(() => flashPainter.clear(), FLASH_MS);
    return;
  }
  // Wrapped marks already exist: flag them rather than wrapping again (attributes are not observed).
  const marks = [...win.document.querySelectorAll(MARK_TAG)].filter((mark) => range.intersectsNode(mark));
  for (const mark of marks) mark.setAttribute('data-flash', '');
  win.setTimeout(() => marks.forEach((mark) => mark.removeAttribute('data-flash')), FLASH_MS);
}
