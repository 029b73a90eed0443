// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createHitIndex } from '../../../../lib/dom/hit-index';
import type { PageClaimFinding, PageFinding, PageFindings } from '../../../../lib/dom/page-findings';
import { buildTextIndex, rangeFor } from '../../../../lib/dom/text-index';

function rangeOf(text: string): Range {
  const index = buildTextIndex(document.body);
  const at = index.text.indexOf(text);
  expect(at, `"${text}" in the page`).toBeGreaterThanOrEqual(0);
  return rangeFor(index, at, at + text.length, document);
}

const entity = (range: Range, id = 0): PageFinding => ({
  entity: id,
  start: 0,
  end: 0,
  alias: '',
  rule: 'alias',
  range,
  story: 0,
});
const claim = (range: Range): PageClaimFinding => ({ claim: 0, start: 0, end: 0, range, story: 0 });

/** The offset of `text`'s first character inside the text node that holds it. */
function pointAt(text: string): { node: Node; offset: number } {
  const walker = document.createTreeWalker(document.body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at >= 0) return { node, offset: at };
  }
  throw new Error(`no "${text}"`);
}

beforeEach(() => {
  document.body.innerHTML = '<p>Nicolás Maduro met <b>Gustavo</b> Petro in Caracas.</p>';
});

describe('hit index', () => {
  it('finds the finding at a point, across text nodes, entities before the claim around them', () => {
    const maduro = entity(rangeOf('Nicolás Maduro'), 0);
    const petro = entity(rangeOf('Gustavo Petro'), 1);
    const sentence = claim(rangeOf('Nicolás Maduro met Gustavo Petro in Caracas.'));
    const hits = createHitIndex();
    hits.set({ entities: [maduro, petro], claims: [sentence] });

    const onMaduro = pointAt('Maduro');
    expect(hits.hitTest(onMaduro.node, onMaduro.offset)).toEqual({ kind: 'entity', finding: maduro });
    // "Petro" is in the text node after <b>Gustavo</b>: the range runs across both.
    const onPetro = pointAt(' Petro');
    expect(hits.hitTest(onPetro.node, onPetro.offset + 1)).toEqual({ kind: 'entity', finding: petro });
    const onGustavo = pointAt('Gustavo');
    expect(hits.hitTest(onGustavo.node, onGustavo.offset)).toEqual({ kind: 'entity', finding: petro });
    const onMet = pointAt('met');
    expect(hits.hitTest(onMet.node, onMet.offset)).toEqual({ kind: 'claim', finding: sentence });
    // A range's end point is not part of it.
    const onCaracas = pointAt(' Caracas');
    expect(hits.hitTest(onCaracas.node, onCaracas.offset - 1)?.kind).toBe('claim');
  });

  it('reads the findings on the first hit test, not when they are set, and forgets them when set again', () => {
    const maduro = entity(rangeOf('Nicolás Maduro'));
    let reads = 0;
    const findings: PageFindings = {
      get entities() {
        reads++;
        return [maduro];
      },
      claims: [],
    };
    const hits = createHitIndex();
    hits.set(findings);
    hits.set(findings);
    expect(reads).toBe(0);
    const onMaduro = pointAt('Maduro');
    expect(hits.hitTest(onMaduro.node, onMaduro.offset)?.finding).toBe(maduro);
    expect(hits.hitTest(onMaduro.node, onMaduro.offset)?.finding).toBe(maduro);
    expect(reads).toBe(1);

    hits.set({ entities: [], claims: [] });
    expect(hits.hitTest(onMaduro.node, onMaduro.offset)).toBeUndefined();
    hits.set(findings);
    hits.clear();
    expect(hits.hitTest(onMaduro.node, onMaduro.offset)).toBeUndefined();
  });
});
