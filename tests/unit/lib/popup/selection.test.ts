import { describe, expect, it } from 'vitest';
import packJson from '../../../../assets/knowledge.json';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { resultTarget, selectionReducer } from '../../../../lib/popup/selection';

const pack = packJson as KnowledgePack;

describe('the popup’s selection', () => {
  const maduro = { kind: 'entity' as const, id: 'nicolas-maduro' };

  it('starts a selection at the first mention, with its pack when imported', () => {
    expect(selectionReducer(undefined, { type: 'select', target: maduro })).toEqual({ ...maduro, occurrence: 0 });
    const selected = selectionReducer(
      { ...maduro, occurrence: 4 },
      { type: 'select', target: { kind: 'claim', id: 'c1', pack: 'mine' } },
    );
    expect(selected).toEqual({ kind: 'claim', id: 'c1', pack: 'mine', occurrence: 0 });
  });

  it('steps through the mentions and round the ends, both ways', () => {
    let state = selectionReducer(undefined, { type: 'select', target: maduro });
    const step = (direction: 1 | -1) => (state = selectionReducer(state, { type: 'step', direction, total: 3 }));
    expect([step(1), step(1), step(1)].map((s) => s?.occurrence)).toEqual([1, 2, 0]);
    expect([step(-1), step(-1)].map((s) => s?.occurrence)).toEqual([2, 1]);
  });

  it('stays put when nothing is selected or the item is not on the page', () => {
    expect(selectionReducer(undefined, { type: 'step', direction: 1, total: 5 })).toBeUndefined();
    const state = { ...maduro, occurrence: 0 };
    expect(selectionReducer(state, { type: 'step', direction: -1, total: 0 })).toBe(state);
  });

  it('clears', () => {
    expect(selectionReducer({ ...maduro, occurrence: 2 }, { type: 'clear' })).toBeUndefined();
  });
});

describe('what a search hit opens', () => {
  it('opens an entity or claim hit as itself', () => {
    expect(resultTarget({ kind: 'entity', id: 'x' }, pack)).toEqual({ kind: 'entity', id: 'x' });
    expect(resultTarget({ kind: 'claim', id: 'y' }, pack, 'mine')).toEqual({ kind: 'claim', id: 'y', pack: 'mine' });
  });

  it('opens a passage as the claim it is evidence for, else the entity it is about', () => {
    const evidence = pack.claims.find((c) => c.evidence.length)!;
    const passage = evidence.evidence[0]!.passage;
    const claimFirst = pack.claims.find((c) => c.evidence.some((e) => e.passage === passage))!;
    expect(resultTarget({ kind: 'passage', id: String(passage) }, pack)).toEqual({ kind: 'claim', id: claimFirst.id });

    const cited = new Set(pack.claims.flatMap((c) => c.evidence.map((e) => e.passage)));
    const aboutEntity = pack.passages.findIndex(
      (_, i) => !cited.has(i) && pack.entities.some((e) => e.passages.includes(i)),
    );
    expect(aboutEntity).toBeGreaterThanOrEqual(0);
    const entity = pack.entities.find((e) => e.passages.includes(aboutEntity))!;
    expect(resultTarget({ kind: 'passage', id: String(aboutEntity) }, pack)).toEqual({ kind: 'entity', id: entity.id });
  });

  it('opens nothing for a passage that backs no claim or entity', () => {
    const lone = { claims: [], entities: [] };
    expect(resultTarget({ kind: 'passage', id: '0' }, lone)).toBeUndefined();
  });
});
