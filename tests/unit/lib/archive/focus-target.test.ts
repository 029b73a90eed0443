// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { startsAtTop, viewHeading } from '../../../../lib/archive/focus-target';

describe('where the archive moves on arriving at a view', () => {
  it('starts every view at its top but an open article, which scrolls to itself', () => {
    expect(startsAtTop({ view: 'articles' })).toBe(true);
    expect(startsAtTop({ view: 'articles', article: 'with-url' })).toBe(false);
    expect(startsAtTop({ view: 'entity', id: 'x' })).toBe(true);
    expect(startsAtTop({ view: 'search', q: 'ma' })).toBe(true);
  });

  it('focuses a card’s heading before the view’s, and nothing when neither is there', () => {
    const doc = document.implementation.createHTMLDocument('t');
    expect(viewHeading(doc)).toBeNull();
    doc.body.innerHTML = '<h2 id="view-heading">View</h2>';
    expect(viewHeading(doc)?.textContent).toBe('View');
    doc.body.insertAdjacentHTML('beforeend', '<h2 id="detail-heading">Card</h2>');
    expect(viewHeading(doc)?.textContent).toBe('Card');
  });
});
