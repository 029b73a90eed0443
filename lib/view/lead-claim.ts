/** Which of an entity's claims its preview shows: the most relevant one to the page being read. */

/** A claim found on the page, at a position in page order (any measure, as long as `near` uses it too). */
export interface ClaimMention {
  id: string;
  position: number;
}

/**
 * The claim of `claims` found on the page nearest to `near` (the hovered mention), or, without a
 * position, the first found on the page; when none is on the page, the first claim. Ties go to the
 * earlier mention.
 */
export function leadClaim<T extends { id: string }>(
  claims: readonly T[],
  onPage: readonly ClaimMention[],
  near?: number,
): T | undefined {
  const ids = new Set(claims.map((claim) => claim.id));
  const distance = (mention: ClaimMention) =>
    near === undefined ? mention.position : Math.abs(mention.position - near);
  let best: ClaimMention | undefined;
  for (const mention of onPage) {
    if (!ids.has(mention.id)) continue;
    if (
      !best ||
      distance(mention) < distance(best) ||
      (distance(mention) === distance(best) && mention.position < best.position)
    )
      best = mention;
  }
  return (best && claims.find((claim) => claim.id === best.id)) ?? claims[0];
}
