/**
 * Page order of ranges that may sit in different shadow trees: `Range.compareBoundaryPoints` throws
 * for ranges with different roots, as the page's text and an open shadow root's text have.
 */

/** A node, then each shadow host it sits under, out to the document's own tree. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); 'host' in root; root = (root as ShadowRoot).host.getRootNode()) {
    chain.push((root as ShadowRoot).host);
  }
  return chain;
}

/** Negative when `a` starts before `b` in page order (a shadow tree's text at its host's place). */
export function compareRangeStarts(a: Range, b: Range): number {
  if (a.startContainer.getRootNode() === b.startContainer.getRootNode()) {
    return a.compareBoundaryPoints(Range.START_TO_START, b);
  }
  const chainA = hostChain(a.startContainer);
  const chainB = hostChain(b.startContainer);
  // The innermost tree both ranges reach: compare the nodes that stand for them there.
  for (const nodeA of chainA) {
    const root = nodeA.getRootNode();
    const nodeB = chainB.find((node) => node.getRootNode() === root);
    if (!nodeB) continue;
    if (nodeA === nodeB) return nodeA === a.startContainer ? -1 : 1;
    return nodeA.compareDocumentPosition(nodeB) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  return 0;
}
