/** Source links, citations and the label of a reworded copy, on sources written for this test. */
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../../lib/knowledge/types';
import { citation, rewordedLabel, sourceLink } from '../../../../lib/view/links';

const ORIGINAL: Source = {
  id: 'harbour-news',
  headline: 'Harbour patrols double',
  publisher: 'Harbour News',
  authors: ['Ann Author'],
  date: '2025-10-01',
  dateIsEstimate: false,
  url: 'https://news.example/harbour',
};
const REWORDED: Source = {
  ...ORIGINAL,
  id: 'harbour-news-spun',
  reworded: { why: 'Our note: the archive says this copy swapped words for synonyms.' },
};
const PASSAGE = 'The coast guard doubled its harbour patrols after the storm.';

describe('sourceLink', () => {
  it('lands on the quoted words of an original', () => {
    expect(sourceLink(ORIGINAL, PASSAGE).href).toBe(
      'https://news.example/harbour#:~:text=The%20coast%20guard%20doubled%20its%20harbour%20patrols%20after%20the%20storm.',
    );
  });

  it('opens a reworded copy’s article without a fragment: its words are not on the publisher’s page', () => {
    expect(sourceLink(REWORDED, PASSAGE)).toEqual({
      kind: 'article',
      href: 'https://news.example/harbour',
      publisher: 'Harbour News',
    });
  });

  it('searches for the headline, not the reworded words, when the URL is unknown', () => {
    const link = sourceLink({ ...REWORDED, url: null, headline: null }, PASSAGE);
    expect(link.kind).toBe('search');
    expect(decodeURIComponent(link.href)).toBe('https://duckduckgo.com/?q=Harbour News');
  });
});

describe('rewordedLabel and citation', () => {
  it('say nothing extra for an original', () => {
    expect(rewordedLabel(ORIGINAL)).toBeUndefined();
    expect(citation(ORIGINAL)).toBe(
      'Ann Author. “Harbour patrols double”. Harbour News, 2025-10-01. https://news.example/harbour.',
    );
  });

  it('name a reworded copy as such, with the publisher', () => {
    expect(rewordedLabel(REWORDED)).toBe(
      "Reworded copy of Harbour News's report: wording may differ from Harbour News's",
    );
    expect(citation(REWORDED)).toBe(
      'Ann Author. “Harbour patrols double”. Harbour News, 2025-10-01. https://news.example/harbour. ' +
        "Archived as a reworded copy: wording may differ from Harbour News's.",
    );
  });
});
