/**
 * Which painted findings cover each text node, for hover and click. Built on the first hit test, not at
 * each paint: most pages are painted (early, then in full) and never hovered.
 */
import type { Hit, PageFindings } from './page-findings';

const SHOW_TEXT = 4;

export interface HitIndex {
  /** The findings to hit-test from now on (read when the next hit test needs them). */
  set(findings: PageFindings): void;
  /** The finding at a point of the page's text (entities win over the claim around them). */
  hitTest(node: Node, offset: number): Hit | undefined;
  clear(): void;
}

export function createHitIndex(): HitIndex {
  let findings: PageFindings | undefined;
  let byNode: Map<Node, Hit[]> | undefined;
  return {
    set(next) {
      findings = next;
      byNode = undefined;
    },
    hitTest(node, offset) {
      byNode ??= findings ? indexHits(findings) : new Map<Node, Hit[]>();
      return byNode
        .get(node)
        ?.find((hit) => hit.finding.range.comparePoint(node, offset) === 0 && offset < endIn(hit, node));
    },
    clear() {
      findings = undefined;
      byNode = undefined;
    },
  };
}

/** Where a hit's range ends inside `node` (a range's end point is not part of it). */
function endIn(hit: Hit, node: Node): number {
  const { endContainer, endOffset } = hit.finding.range;
  return endContainer === node ? endOffset : Number.MAX_SAFE_INTEGER;
}

function indexHits(findings: PageFindings): Map<Node, Hit[]> {
  const map = new Map<Node, Hit[]>();
  const add = (hit: Hit) => {
    const range = hit.finding.range;
    const walker = range.startContainer.ownerDocument!.createTreeWalker(range.commonAncestorContainer, SHOW_TEXT);
    walker.currentNode = range.startContainer;
    for (let node: Node | null = range.startContainer; node; node = walker.nextNode()) {
      const list = map.get(node) ?? [];
      list.push(hit);
      map.set(node, list);
      if (node === range.endContainer) break;
    }
  };
  findings.entities.forEach((finding) => add({ kind: 'entity', finding }));
  findings.claims.forEach((finding) => add({ kind: 'claim', finding }));
  return map;
}
