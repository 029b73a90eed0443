import type { ContentScriptContext } from '#imports';
import type { Reason } from '../../components/Card';
import type { Hit, PageScanner } from '../../lib/dom/page-scanner';
import type { ItemRecords } from '../../lib/matcher/text-finder';
import { sameRange } from '../../lib/dom/same-range';
import type { CardHost, CardRequest } from './card-host';

/** How long a card opened by hovering stays once the pointer has left both the text and the card. */
const LEAVE_GRACE_MS = 350;

interface CaretPoint {
  node: Node;
  offset: number;
}

/** Open shadow roots under a point, outermost first: caret positions stop at their hosts otherwise. */
function shadowRootsAt(x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (let element = document.elementFromPoint(x, y); element?.shadowRoot;) {
    const root = element.shadowRoot;
    if (roots.includes(root)) break;
    roots.push(root);
    element = root.elementFromPoint(x, y);
  }
  return roots;
}

function caretAt(x: number, y: number): CaretPoint | undefined {
  const doc = document as Document & {
    caretPositionFromPoint?: (
      x: number,
      y: number,
      options?: { shadowRoots?: ShadowRoot[] },
    ) => { offsetNode: Node; offset: number } | null;
  };
  const position = doc.caretPositionFromPoint?.(x, y, { shadowRoots: shadowRootsAt(x, y) });
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** The caret lands on the nearest text even past a line's end: check the point is on the highlight. */
function isOver(range: Range, x: number, y: number): boolean {
  return [...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}

export function requestFor(hit: Hit, items: ItemRecords, focus: boolean): CardRequest {
  if (hit.kind === 'entity') {
    const { entity, alias, rule, cue } = hit.finding;
    const { id, name, pack } = items.entities[entity]!;
    const reason: Reason = { alias, rule, ...(cue ? { cue } : {}) };
    return { kind: 'entity', id, label: name, ...(pack ? { pack } : {}), reason, anchor: hit.finding.range, focus };
  }
  const { id, statement, pack } = items.claims.claims[hit.finding.claim]!;
  return {
    kind: 'claim',
    id,
    label: statement,
    ...(pack ? { pack } : {}),
    reason: { alias: '', rule: 'claim' },
    anchor: hit.finding.range,
    focus,
  };
}

/**
 * Hover (after a delay, like Wikipedia's page previews), click, Escape, click outside and scroll
 * away. Hit-testing uses caret positions and the scanner's node index: the page is never wrapped.
 */
export function wireCardInteractions(
  ctx: ContentScriptContext,
  scanner: () => PageScanner | undefined,
  items: () => ItemRecords,
  card: CardHost,
  hoverDelayMs: () => number,
): void {
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingFrame = 0;
  let latestMove: MouseEvent | undefined;
  let openedByHover = false;

  const hitAt = (x: number, y: number): Hit | undefined => {
    const point = caretAt(x, y);
    const hit = point && scanner()?.hitTest(point.node, point.offset);
    return hit && isOver(hit.finding.range, x, y) ? hit : undefined;
  };
  const sameAsOpen = (hit: Hit) => {
    const open = card.current()?.anchor;
    return !!open && sameRange(open, hit.finding.range);
  };

  // Only the reader's own pointer and keys: a page script can make up events (`dispatchEvent`,
  // `element.click()`) to open cards and press their buttons, but cannot make them trusted.
  ctx.addEventListener(document, 'mousemove', (event) => {
    if (!event.isTrusted) return;
    // One hit test per frame, at the latest position: where the pointer came to rest is what counts.
    latestMove = event;
    if (pendingFrame) return;
    pendingFrame = requestAnimationFrame(() => {
      pendingFrame = 0;
      if (!latestMove) return;
      const { clientX, clientY, target } = latestMove;
      if (card.contains(target)) {
        clearTimeout(leaveTimer);
        return;
      }
      const hit = hitAt(clientX, clientY);
      clearTimeout(hoverTimer);
      if (hit && sameAsOpen(hit)) {
        clearTimeout(leaveTimer);
        return;
      }
      if (hit && !card.isExpanded()) {
        hoverTimer = setTimeout(() => {
          openedByHover = true;
          void card.show(requestFor(hit, items(), false));
        }, hoverDelayMs());
      } else if (!hit && card.isOpen() && openedByHover && !card.isExpanded()) {
        clearTimeout(leaveTimer);
        leaveTimer = setTimeout(() => card.hide(), LEAVE_GRACE_MS);
      }
    });
  });

  ctx.addEventListener(document, 'click', (event) => {
    if (!event.isTrusted || card.contains(event.target)) return;
    // Links keep working: a highlight inside a link opens its card on hover only.
    if (event.target instanceof Element && event.target.closest('a[href]')) return;
    const hit = hitAt(event.clientX, event.clientY);
    if (hit) {
      clearTimeout(hoverTimer);
      // The move to this point, not handled yet, must not start a hover that reopens the card afresh.
      latestMove = undefined;
      openedByHover = false;
      void card.show(requestFor(hit, items(), false));
    }
  });

  ctx.addEventListener(document, 'pointerdown', (event) => {
    if (event.isTrusted && card.isOpen() && !card.contains(event.target) && !hitAt(event.clientX, event.clientY))
      card.hide();
  });
  ctx.addEventListener(document, 'keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape' && card.isOpen()) card.hide();
  });
  ctx.addEventListener(window, 'scroll', () => card.follow(), { passive: true, capture: true });
  ctx.addEventListener(window, 'resize', () => card.follow(), { passive: true });
}
