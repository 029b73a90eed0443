/**
 * Scans a document for known entities and paints them, and keeps doing so as the page changes.
 * Touches only the document it is given; the content script wires it to the extension.
 */
import { type ClaimFinding, findClaims } from '../claims/match';
import type { Matcher } from '../matcher/compile';
import { type EntityFinding, findEntities } from '../matcher/find';
import { MARK_TAG, type Painter, createPainter } from './paint';
import { type TextIndex, buildTextIndex, rangeFor } from './text-index';

export const SCAN_MEASURE = 'backstory:scan';

export interface PageFinding extends EntityFinding {
  range: Range;
}

export interface PageClaimFinding extends ClaimFinding {
  range: Range;
}

export interface PageFindings {
  entities: PageFinding[];
  claims: PageClaimFinding[];
}

export type FindingKind = 'entity' | 'claim';

export interface PageScanner {
  readonly painter: Painter;
  scan(): PageFindings;
  findings(): PageFindings;
  /** Scrolls to and flashes the nth finding of an entity or claim; returns false if there is none. */
  reveal(kind: FindingKind, id: string, occurrence: number): boolean;
  stop(): void;
}

export interface PageScannerOptions {
  forceWrap?: boolean;
  /** Called after each scan pass (first one and each rescan after page changes). */
  onScan?: (findings: PageFindings) => void;
  /** Milliseconds to wait for more page changes before rescanning. */
  settleDelay?: number;
}

export function createPageScanner(doc: Document, matcher: Matcher, options: PageScannerOptions = {}): PageScanner {
  const win = doc.defaultView!;
  const painter = createPainter(win, options.forceWrap);
  let current: PageFindings = { entities: [], claims: [] };
  let index: TextIndex | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pass = 0;

  const root = () => doc.body ?? doc.documentElement;

  const scan = (): PageFindings => {
    const mark = `backstory:scan-start:${++pass}`;
    performance.mark(mark);
    observer.disconnect();
    painter.clear();
    index = buildTextIndex(root());
    const text = index.text;
    const withRange = <T extends { start: number; end: number }>(finding: T) => ({
      ...finding,
      range: rangeFor(index!, finding.start, finding.end, doc),
    });
    current = {
      entities: findEntities(matcher, text).map(withRange),
      claims: findClaims(matcher.claims, text).map(withRange),
    };
    painter.paint([
      { name: 'claim', ranges: current.claims.map((finding) => finding.range) },
      { name: 'entity', ranges: current.entities.map((finding) => finding.range) },
    ]);
    observe();
    performance.measure(SCAN_MEASURE, mark);
    performance.clearMarks(mark);
    options.onScan?.(current);
    return current;
  };

  const isOwnMutation = (record: MutationRecord) =>
    [...record.addedNodes, ...record.removedNodes].every(
      (node) => node.nodeName.toUpperCase() === MARK_TAG.toUpperCase() || node.nodeName === 'BACKSTORY-UI',
    ) && record.type === 'childList';

  const observer = new win.MutationObserver((records) => {
    if (records.every(isOwnMutation)) return;
    clearTimeout(timer);
    timer = setTimeout(scan, options.settleDelay ?? 300);
  });
  const observe = () => observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  const reveal = (kind: FindingKind, id: string, occurrence: number): boolean => {
    const matches: { range: Range }[] =
      kind === 'entity'
        ? current.entities.filter((finding) => matcher.data.entities[finding.entity]!.id === id)
        : current.claims.filter((finding) => matcher.data.claims.claims[finding.claim]!.id === id);
    const finding = matches[((occurrence % matches.length) + matches.length) % matches.length];
    if (!finding) return false;
    const target = finding.range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    flash(win, painter, finding.range);
    return true;
  };

  return {
    painter,
    scan,
    findings: () => current,
    reveal,
    stop() {
      clearTimeout(timer);
      observer.disconnect();
      painter.clear();
      current = { entities: [], claims: [] };
    },
  };
}

function flash(win: Window, painter: Painter, range: Range): void {
  if (painter.kind === 'highlight-api') {
    const flashPainter = createPainter(win);
    flashPainter.paint([{ name: 'flash', ranges: [range.cloneRange()] }]);
    win.setTimeout(() => flashPainter.clear(), 1600);
    return;
  }
  // Wrapped marks already exist: flag them rather than wrapping again (attributes are not observed).
  const marks = [...win.document.querySelectorAll(MARK_TAG)].filter((mark) => range.intersectsNode(mark));
  for (const mark of marks) mark.setAttribute('data-flash', '');
  win.setTimeout(() => marks.forEach((mark) => mark.removeAttribute('data-flash')), 1600);
}
