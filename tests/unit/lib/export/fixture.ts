/** A small hand-made knowledge pack and page for the export tests (the real pack is used where noted). */
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import type { PageFindingsData } from '../../../../lib/export/findings';

export const pack: KnowledgePack = {
  version: 'test-1',
  name: 'Test pack',
  sources: [
    {
      id: 'with-url',
      headline: 'Strikes *expand* [again]',
      publisher: 'The Daily_Test',
      authors: ['Ann Author'],
      date: '2025-10-01',
      dateIsEstimate: false,
      url: 'https://news.example/strikes_2025?a=1&b=2',
    },
    {
      id: 'no-url',
      headline: 'An article nobody linked',
      publisher: 'Offline Weekly',
      authors: [],
      date: '2025-09-01',
      dateIsEstimate: true,
      url: null,
    },
  ],
  entities: [
    {
      id: 'nicolas-maduro',
      type: 'person',
      name: 'Nicolás Maduro',
      aliases: ['Maduro'],
      ambiguous: [],
      cues: [],
      caseSensitive: [],
      exclude: [],
      summary: 'Venezuela’s president; the reward for his arrest is $50 million.',
      sources: ['with-url', 'no-url'],
      related: [],
      wikidata: 'Q57413',
      passages: [],
    },
    {
      id: 'evil-group',
      type: 'armed-group',
      name: '=HYPERLINK("http://evil.example")',
      aliases: [],
      ambiguous: [],
      cues: [],
      caseSensitive: [],
      exclude: [],
      summary: '<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) # not a heading',
      sources: ['no-url'],
      related: [],
      passages: [],
    },
  ],
  claims: [
    {
      id: 'bounty-doubled',
      statement: 'The bounty on Maduro was doubled to $50 million.',
      claimant: 'U.S. government',
      date: '2025-08-08',
      kind: 'figure',
      status: 'supported',
      context: 'Reported by several outlets, "same figure".',
      evidence: [
        { source: 'with-url', quote: 'the reward was doubled to $50 million', stance: 'states', passage: 0 },
        { source: 'no-url', quote: 'a $50 million bounty', stance: 'supports', passage: 1 },
      ],
      about: ['nicolas-maduro'],
      match: { terms: [], figures: [], paraphrases: [] },
    },
  ],
  passages: [
    { source: 'with-url', text: 'the reward was doubled to $50 million' },
    { source: 'no-url', text: 'a $50 million bounty' },
  ],
};

/** Finds each `[needle, nth occurrence]` in `text`: UTF-16 start and end. */
export function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`${needle} #${nth} not in the text`);
  }
  return { start, end: start + needle.length };
}

/** A page with astral characters (emoji, a flag, mathematical bold) before and between the findings. */
export function emojiPage(): PageFindingsData {
  const text =
    '🇻🇪 Breaking 😀😀: Maduro spoke.\u2029𝐁old 🎉 news: Maduro again, and Maduro.\u2029' +
    'The bounty on Maduro was doubled to $50 million. =cmd|"/c calc"!A1 Maduro';
  return {
    url: 'https://example.org/page?x=1',
    title: 'Emoji *page* <b>',
    text,
    entities: [
      {
        id: 'nicolas-maduro',
        name: 'Nicolás Maduro',
        type: 'person',
        ...at(text, 'Maduro', 0),
        alias: 'Maduro',
        rule: 'alias',
      },
      {
        id: 'nicolas-maduro',
        name: 'Nicolás Maduro',
        type: 'person',
        ...at(text, 'Maduro', 1),
        alias: 'Maduro',
        rule: 'name-on-page',
        cue: 'Nicolás Maduro',
      },
      {
        id: 'nicolas-maduro',
        name: 'Nicolás Maduro',
        type: 'person',
        ...at(text, 'Maduro', 2),
        alias: 'Maduro',
        rule: 'alias',
      },
      {
        id: 'nicolas-maduro',
        name: 'Nicolás Maduro',
        type: 'person',
        ...at(text, 'Maduro', 3),
        alias: 'Maduro',
        rule: 'alias',
      },
      {
        id: 'evil-group',
        name: '=HYPERLINK("http://evil.example")',
        type: 'armed-group',
        ...at(text, '=cmd|"/c calc"!A1'),
        rule: 'alias',
      },
      {
        id: 'nicolas-maduro',
        name: 'Nicolás Maduro',
        type: 'person',
        ...at(text, 'Maduro', 4),
        alias: 'Maduro',
        rule: 'alias',
      },
    ],
    claims: [
      {
        id: 'bounty-doubled',
        statement: 'The bounty on Maduro was doubled to $50 million.',
        status: 'supported',
        ...at(text, 'The bounty on Maduro was doubled to $50 million.'),
      },
    ],
  };
}
