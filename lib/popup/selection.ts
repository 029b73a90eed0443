/**
 * The popup's selection: which entity or claim its details show, and which of its mentions on the page
 * was last revealed. Pure, so stepping and search hits are tested without a browser.
 */
import type { KnowledgePack } from '../knowledge/types';
import type { SearchResult } from '../knowledge/search';

export interface SelectionTarget {
  kind: 'entity' | 'claim';
  id: string;
  /** Imported pack id; none for the bundled pack. */
  pack?: string;
}

export interface Selection extends SelectionTarget {
  /** Which mention on the page was last revealed (0 for the first). */
  occurrence: number;
}

export type SelectionAction =
  | { type: 'select'; target: SelectionTarget }
  /** To the next or previous of `total` mentions on the page, round the ends. */
  | { type: 'step'; direction: 1 | -1; total: number }
  | { type: 'clear' };

export function selectionReducer(state: Selection | undefined, action: SelectionAction): Selection | undefined {
  switch (action.type) {
    case 'select': {
      const { kind, id, pack } = action.target;
      return { kind, id, ...(pack ? { pack } : {}), occurrence: 0 };
    }
    case 'step': {
      if (!state || action.total <= 0) return state;
      const occurrence = (((state.occurrence + action.direction) % action.total) + action.total) % action.total;
      return { ...state, occurrence };
    }
    case 'clear':
      return undefined;
  }
}

/**
 * What a search hit opens: the entity or claim itself, or for an archive passage the claim it is
 * evidence for, else the entity it is about; undefined when the passage backs neither.
 */
export function resultTarget(
  result: Pick<SearchResult, 'kind' | 'id'>,
  source: Pick<KnowledgePack, 'claims' | 'entities'> | undefined,
  pack?: string,
): SelectionTarget | undefined {
  const inPack = pack ? { pack } : {};
  if (result.kind !== 'passage') return { kind: result.kind, id: result.id, ...inPack };
  const passage = Number(result.id);
  const claim = source?.claims.find((c) => c.evidence.some((e) => e.passage === passage));
  if (claim) return { kind: 'claim', id: claim.id, ...inPack };
  const entity = source?.entities.find((e) => e.passages.includes(passage));
  return entity ? { kind: 'entity', id: entity.id, ...inPack } : undefined;
}
