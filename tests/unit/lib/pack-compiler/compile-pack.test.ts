import { describe, expect, it } from 'vitest';
import {
  type ArchiveInput,
  type CuratedInput,
  articleBody,
  compilePack,
} from '../../../../lib/pack-compiler/compile-pack';
import type { ArchiveArticle, CuratedClaim, CuratedEntity } from '../../../../lib/knowledge/curated';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { KnowledgeError, type ValidationIssue } from '../../../../lib/knowledge/validate';
import { BLOCK_SEPARATOR as SEP } from '../../../../lib/text/fold';

/** A tiny archive: two articles, the later one listed first, one of them inside a longer file. */
const FILES: Record<string, string> = {
  'a.txt': [
    'Tag - Americas',
    '',
    'Maduro under pressure as strikes go on',
    'By Jane Doe',
    'Nicolás Maduro spoke in Caracas on Monday. He said the U.S. strikes must stop!',
    '  The DEA said 94 percent of the drugs arrive by land.   Maduro did not reply.  ',
    'Photo: Maduro in Caracas (AP)',
    '   ',
    'Unrelated trailing line about Gustavo Petro.',
  ].join('\n'),
  'b.txt': [
    'Page header about Maduro',
    'Colombia rejects U.S. claims',
    'Gustavo Petro called the strikes murder. Petro spoke in Bogotá.',
    'Petro’s government met the DEA on Friday.',
    'Related: Maduro profile',
  ].join('\r\n'),
};

const ARTICLES: ArchiveArticle[] = [
  {
    id: 'politico-maduro',
    file: 'a.txt',
    lines: [3, 8],
    headline: 'Maduro under pressure as strikes go on',
    publisher: 'POLITICO',
    authors: ['Jane Doe'],
    date: '2025-12-10',
    dateIsEstimate: false,
    url: 'https://www.politico.com/maduro',
    headlineLine: 3,
    skipLines: [4, 7],
  },
  {
    id: 'wsj-colombia',
    file: 'b.txt',
    lines: [2, 4],
    headline: null,
    publisher: 'The Wall Street Journal',
    authors: [],
    date: '2025-12-01',
    dateIsEstimate: true,
    url: null,
    headlineLine: 2,
    skipLines: [],
  },
];

function person(id: string, name: string, rest: Partial<CuratedEntity>): CuratedEntity {
  return {
    id,
    type: 'person',
    name,
    aliases: [],
    ambiguous: [],
    cues: [],
    caseSensitive: [],
    exclude: [],
    summary: `Summary of ${name}.`,
    sources: [],
    related: [],
    ...rest,
  };
}

const MADURO = person('nicolas-maduro', 'Nicolás Maduro', {
  aliases: ['Nicolas Maduro', 'Maduro'],
  ambiguous: ['Maduro'],
  cues: ['Caracas', 'Venezuela'],
  sources: ['politico-maduro'],
  related: ['gustavo-petro'],
});
const PETRO = person('gustavo-petro', 'Gustavo Petro', {
  aliases: ['Petro'],
  ambiguous: ['Petro'],
  cues: ['Colombia', 'Bogotá'],
  sources: ['wsj-colombia'],
  related: ['nicolas-maduro'],
});
const DEA: CuratedEntity = {
  ...person('dea', 'Drug Enforcement Administration', { aliases: ['DEA'] }),
  type: 'agency',
  sources: ['politico-maduro', 'wsj-colombia'],
};

const CLAIM: CuratedClaim = {
  id: 'drugs-arrive-by-land',
  statement: 'Most drugs arrive by land.',
  claimant: 'DEA',
  date: '2025-12-10',
  kind: 'figure',
  status: 'reported',
  context: 'Context written fresh.',
  // The quote has a non-breaking space where the article has a plain one.
  evidence: [
    { source: 'politico-maduro', quote: 'said 94\u00a0percent of the drugs arrive by land', stance: 'states' },
    { source: 'wsj-colombia', quote: 'Gustavo Petro called the strikes murder.', stance: 'context' },
  ],
  about: ['dea'],
  match: { terms: [['drugs'], ['land']], figures: ['94%'], paraphrases: ['Most drugs come by land, 94%.'] },
};

const ENTITIES_FILE = 'curated/entities/people.json';
const AGENCIES_FILE = 'curated/entities/agencies.json';
const CLAIMS_FILE = 'curated/claims/test.json';
const NOTES_FILE = 'curated/source-notes.json';

function inputs(): { archive: ArchiveInput; curated: CuratedInput } {
  return structuredClone({
    archive: { articles: ARTICLES, files: FILES },
    curated: {
      entities: [
        { file: ENTITIES_FILE, records: [MADURO, PETRO] },
        { file: AGENCIES_FILE, records: [DEA] },
      ],
      claims: [{ file: CLAIMS_FILE, records: [CLAIM] }],
    },
  });
}

function compile(change: (input: ReturnType<typeof inputs>) => void = () => {}): KnowledgePack {
  const input = inputs();
  change(input);
  return compilePack('test-version', input.archive, input.curated);
}

function issuesOf(change: (input: ReturnType<typeof inputs>) => void): ValidationIssue[] {
  try {
    compile(change);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).issues;
  }
  throw new Error('expected compilePack to throw a KnowledgeError');
}

const PASSAGES = [
  { source: 'wsj-colombia', text: 'Gustavo Petro called the strikes murder.' },
  { source: 'wsj-colombia', text: 'Petro spoke in Bogotá.' },
  { source: 'wsj-colombia', text: 'Petro’s government met the DEA on Friday.' },
  { source: 'politico-maduro', text: 'Nicolás Maduro spoke in Caracas on Monday.' },
  { source: 'politico-maduro', text: 'He said the U.S. strikes must stop!' },
  { source: 'politico-maduro', text: 'The DEA said 94 percent of the drugs arrive by land.' },
  { source: 'politico-maduro', text: 'Maduro did not reply.' },
];

describe('articleBody', () => {
  it('keeps the article lines, drops headline, skipped and blank lines, and splits sentences', () => {
    const body = articleBody(ARTICLES[0]!, FILES['a.txt']!);
    expect(body.source).toBe('politico-maduro');
    expect(body.text).toBe(
      'Nicolás Maduro spoke in Caracas on Monday. He said the U.S. strikes must stop!' +
        SEP +
        'The DEA said 94 percent of the drugs arrive by land.   Maduro did not reply.',
    );
    expect(body.passages.map((p) => body.text.slice(p.start, p.end))).toEqual(
      PASSAGES.filter((p) => p.source === 'politico-maduro').map((p) => p.text),
    );
  });

  it('reads only the line range of its article, with CRLF line ends', () => {
    const body = articleBody(ARTICLES[1]!, FILES['b.txt']!);
    expect(body.text).toBe(
      'Gustavo Petro called the strikes murder. Petro spoke in Bogotá.' +
        SEP +
        'Petro’s government met the DEA on Friday.',
    );
    expect(body.text).not.toContain('Maduro');
    expect(body.text).not.toContain('\r');
  });
});

describe('compilePack', () => {
  const pack = compile();
  const entity = (id: string) => pack.entities.find((e) => e.id === id)!;

  it('orders sources by date and keeps only their public fields', () => {
    expect(pack.version).toBe('test-version');
    expect(pack.sources).toEqual([
      {
        id: 'wsj-colombia',
        headline: null,
        publisher: 'The Wall Street Journal',
        authors: [],
        date: '2025-12-01',
        dateIsEstimate: true,
        url: null,
      },
      {
        id: 'politico-maduro',
        headline: 'Maduro under pressure as strikes go on',
        publisher: 'POLITICO',
        authors: ['Jane Doe'],
        date: '2025-12-10',
        dateIsEstimate: false,
        url: 'https://www.politico.com/maduro',
      },
    ]);
  });

  it('splits the articles into sentence passages, in source order', () => {
    expect(pack.passages).toEqual(PASSAGES);
  });

  it('links each entity to the passages that name it (ambiguous names only when confirmed)', () => {
    expect(pack.entities.map((e) => e.id)).toEqual(['dea', 'gustavo-petro', 'nicolas-maduro']);
    expect(entity('dea').passages).toEqual([2, 5]);
    expect(entity('gustavo-petro').passages).toEqual([0, 1, 2]);
    expect(entity('nicolas-maduro').passages).toEqual([3, 6]);
  });

  it('keeps the curated entity fields as they were', () => {
    const { passages, ...rest } = entity('nicolas-maduro');
    expect(passages).toHaveLength(2);
    expect(rest).toEqual(MADURO);
  });

  it('locates claim evidence in its passage, whatever the spaces in the quote', () => {
    expect(pack.claims).toHaveLength(1);
    const [states, context] = pack.claims[0]!.evidence;
    expect(states).toEqual({ ...CLAIM.evidence[0], passage: 5 });
    expect(pack.passages[states!.passage]!.text).toContain('said 94 percent of the drugs arrive by land');
    expect(context).toEqual({ ...CLAIM.evidence[1], passage: 0 });
  });

  it('finds quotes with plain spaces where the article has other spaces', () => {
    const result = compile((input) => {
      input.archive.files['a.txt'] = input.archive.files['a.txt']!.replace('94 percent', '94\u202fpercent');
      input.curated.claims[0]!.records[0]!.evidence[0]!.quote = 'said 94 percent of the drugs';
    });
    expect(result.claims[0]!.evidence[0]!.passage).toBe(5);
  });

  it('sorts claims by id', () => {
    const result = compile((input) => {
      input.curated.claims.push({
        file: 'curated/claims/more.json',
        records: [
          { ...structuredClone(CLAIM), id: 'zz-last' },
          { ...structuredClone(CLAIM), id: 'aa-first' },
        ],
      });
    });
    expect(result.claims.map((c) => c.id)).toEqual(['aa-first', 'drugs-arrive-by-land', 'zz-last']);
  });

  it('is deterministic, whatever the order of files and records', () => {
    const again = compile();
    expect(JSON.stringify(again)).toBe(JSON.stringify(pack));
    const shuffled = compile((input) => {
      input.curated.entities.reverse();
      input.curated.entities[1]!.records.reverse();
      input.archive.articles.reverse();
    });
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(pack));
  });

  it('marks the sources the team’s notes call reworded, and only those', () => {
    const why = 'The archive says this copy swapped words for synonyms.';
    const pack = compile((input) => {
      input.curated.sourceNotes = {
        file: NOTES_FILE,
        records: [
          { source: 'wsj-colombia', reworded: true, why },
          { source: 'politico-maduro', reworded: false, why: 'Checked against the original.' },
        ],
      };
    });
    expect(pack.sources.find((s) => s.id === 'wsj-colombia')!.reworded).toEqual({ why });
    expect(pack.sources.find((s) => s.id === 'politico-maduro')).not.toHaveProperty('reworded');
    expect(compile().sources.some((s) => 'reworded' in s)).toBe(false);
  });

  it('does not change its inputs', () => {
    const input = inputs();
    const copy = structuredClone(input);
    compilePack('v', input.archive, input.curated);
    expect(input).toEqual(copy);
  });
});

describe('compilePack errors', () => {
  it('reports a quote that is not in the article', () => {
    expect(
      issuesOf((input) => {
        input.curated.claims[0]!.records[0]!.evidence[1]!.quote = 'Gustavo Petro called the strikes murders.';
      }),
    ).toEqual([
      {
        file: CLAIMS_FILE,
        path: '$[0].evidence[1].quote',
        message: 'expected a quote found word for word in wsj-colombia',
      },
    ]);
  });

  it('reports a quote only found in another article, or outside the article lines', () => {
    expect(
      issuesOf((input) => {
        input.curated.claims[0]!.records[0]!.evidence[0]!.quote = 'Petro spoke in Bogotá.';
        input.curated.claims[0]!.records[0]!.evidence[1]!.quote = 'Related: Maduro profile';
      }).map((i) => i.path),
    ).toEqual(['$[0].evidence[0].quote', '$[0].evidence[1].quote']);
  });

  it('reports an unknown evidence source', () => {
    expect(
      issuesOf((input) => {
        input.curated.claims[0]!.records[0]!.evidence[0]!.source = 'nobody-news';
      }),
    ).toEqual([
      { file: CLAIMS_FILE, path: '$[0].evidence[0].source', message: 'expected a source id, got "nobody-news"' },
    ]);
  });

  it('reports an unknown related id', () => {
    expect(
      issuesOf((input) => {
        input.curated.entities[0]!.records[1]!.related.push('hugo-chavez');
      }),
    ).toEqual([{ file: ENTITIES_FILE, path: '$[1].related[1]', message: 'expected an entity id, got "hugo-chavez"' }]);
  });

  it('reports an unknown entity source', () => {
    expect(
      issuesOf((input) => {
        input.curated.entities[1]!.records[0]!.sources.push('reuters-story');
      }),
    ).toEqual([
      {
        file: AGENCIES_FILE,
        path: '$[0].sources[2]',
        message: 'expected a source id from archive/sources.json, got "reuters-story"',
      },
    ]);
  });

  it('reports unknown about and claimant entities', () => {
    expect(
      issuesOf((input) => {
        const claim = input.curated.claims[0]!.records[0]!;
        claim.about = ['dea', 'cia'];
        claim.claimantEntity = 'terrance-cole';
      }),
    ).toEqual([
      { file: CLAIMS_FILE, path: '$[0].about[1]', message: 'expected an entity id, got "cia"' },
      { file: CLAIMS_FILE, path: '$[0].claimantEntity', message: 'expected an entity id, got "terrance-cole"' },
    ]);
  });

  it('reports duplicate entity ids, across files', () => {
    expect(
      issuesOf((input) => {
        input.curated.entities[1]!.records.push({ ...structuredClone(PETRO), summary: 'Again.' });
      }),
    ).toEqual([
      { file: AGENCIES_FILE, path: '$[1].id', message: 'expected a unique id, "gustavo-petro" is used twice' },
    ]);
  });

  it('reports duplicate claim ids', () => {
    expect(
      issuesOf((input) => {
        input.curated.claims.push({ file: 'curated/claims/more.json', records: [structuredClone(CLAIM)] });
      }),
    ).toEqual([
      {
        file: 'curated/claims/more.json',
        path: '$[0].id',
        message: 'expected a unique id, "drugs-arrive-by-land" is used twice',
      },
    ]);
  });

  it('reports a source note on a source the archive does not have, or a second note on one', () => {
    const note = { source: 'wsj-colombia', reworded: true, why: 'A reason.' };
    expect(
      issuesOf((input) => {
        input.curated.sourceNotes = {
          file: NOTES_FILE,
          records: [note, { ...note, source: 'cnn-nowhere' }, { ...note, reworded: false }],
        };
      }),
    ).toEqual([
      {
        file: NOTES_FILE,
        path: '$[1].source',
        message: 'expected a source id from archive/sources.json, got "cnn-nowhere"',
      },
      { file: NOTES_FILE, path: '$[2].source', message: 'expected one note per source, "wsj-colombia" has two' },
    ]);
  });

  it('reports a missing archive file', () => {
    const issues = issuesOf((input) => {
      delete input.archive.files['b.txt'];
      input.curated.claims[0]!.records[0]!.evidence.pop();
    });
    expect(issues).toEqual([
      {
        file: 'archive/sources.json',
        path: "$.articles[?(@.id=='wsj-colombia')].file",
        message: 'expected an archive file, "b.txt" is missing',
      },
    ]);
  });

  it('reports every problem at once', () => {
    const issues = issuesOf((input) => {
      input.curated.entities[0]!.records[0]!.related = ['nobody'];
      input.curated.claims[0]!.records[0]!.evidence[0]!.quote = 'not there';
    });
    expect(issues.map((i) => `${i.file}: ${i.path}`)).toEqual([
      `${ENTITIES_FILE}: $[0].related[0]`,
      `${CLAIMS_FILE}: $[0].evidence[0].quote`,
    ]);
  });
});
