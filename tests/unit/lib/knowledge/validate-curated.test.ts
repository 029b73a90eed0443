import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchiveSources, readClaims, readEntities, readSourceNotes } from '../../../../lib/knowledge/curated';
import { Checker, KnowledgeError, type ValidationIssue, formatIssue } from '../../../../lib/knowledge/validate';
import { loadInputs } from '../../../../lib/tools/node/knowledge-files';

type Json = Record<string, unknown>;
type Patch = (record: Json) => void;

const KEBAB = 'expected a kebab-case id such as "nicolas-maduro"';
const ENTITY_FIELDS =
  'id, type, name, aliases, ambiguous, cues, caseSensitive, exclude, spanishOnly, englishOnly, background, summary, sources, related, wikidata';
const ENTITY_TYPES = 'person, organisation, agency, armed-group, place, operation, unit, vessel, drug, policy';

const ENTITY: Json = {
  id: 'nicolas-maduro',
  type: 'person',
  name: 'Nicolás Maduro',
  aliases: ['Nicolas Maduro', 'Maduro'],
  ambiguous: ['Maduro'],
  cues: ['Venezuela', 'Caracas'],
  caseSensitive: [],
  exclude: [],
  summary: 'President of Venezuela, accused by the Trump administration of leading a cartel.',
  sources: ['cnn-venezuela-strike-options'],
  related: ['venezuela'],
  wikidata: 'Q57413',
};

const CLAIM: Json = {
  id: 'sea-drug-flows-down-94-percent',
  statement: 'Drugs entering the United States by sea have fallen by 94 percent.',
  claimant: 'Donald Trump',
  claimantEntity: 'donald-trump',
  date: '2025-12-15',
  kind: 'figure',
  status: 'needs-context',
  context: 'Most drugs cross at land ports of entry.',
  evidence: [{ source: 'politico-fentanyl-wmd', quote: 'decreased by 94 percent', stance: 'states' }],
  about: ['donald-trump'],
  match: { terms: [['sea'], ['drugs']], figures: ['94%'], paraphrases: ['Sea drug flows fell 94%.'] },
};

const ARTICLE: Json = {
  id: 'politico-fentanyl-wmd',
  file: '000_x.txt',
  lines: [3, 7],
  headline: 'Trump declares fentanyl a weapon of mass destruction',
  headlineVerified: true,
  publisher: 'POLITICO Europe',
  authors: [],
  date: '2025-12-15',
  dateIsEstimate: true,
  dateBasis: 'Text says Monday.',
  url: null,
  notes: 'anything',
  headlineLine: 3,
  skipLines: [5, 6],
};

function patched(base: Json, patch: Patch): Json {
  const record = structuredClone(base);
  patch(record);
  return record;
}

function issuesAsRows(issues: ValidationIssue[], file: string): [string, string][] {
  for (const issue of issues) expect(issue.file).toBe(file);
  return issues.map((issue) => [issue.path, issue.message]);
}

describe('Checker', () => {
  it('describes what it got', () => {
    const check = new Checker('f.json');
    check.string(undefined, '$.a');
    check.string(null, '$.b');
    check.string('', '$.c');
    check.string(3, '$.d');
    check.string(true, '$.e');
    check.string([], '$.f');
    check.string({}, '$.g');
    check.string('x'.repeat(50), '$.h', /^y/);
    check.fail('$.i', 'something');
    expect(issuesAsRows(check.issues, 'f.json')).toEqual([
      ['$.a', 'expected a non-empty string, got nothing'],
      ['$.b', 'expected a non-empty string, got null'],
      ['$.c', 'expected a non-empty string, got an empty string'],
      ['$.d', 'expected a non-empty string, got number 3'],
      ['$.e', 'expected a non-empty string, got boolean true'],
      ['$.f', 'expected a non-empty string, got an array'],
      ['$.g', 'expected a non-empty string, got an object'],
      ['$.h', `expected a non-empty string, got "${'x'.repeat(37)}..."`],
      ['$.i', 'expected something'],
    ]);
  });

  it('returns safe values when the input is wrong', () => {
    const check = new Checker('f.json');
    expect(check.object([], '$')).toEqual({});
    expect(check.array({}, '$')).toEqual([]);
    expect(check.string(1, '$')).toBe('');
    expect(check.integer(-1, '$')).toBe(0);
    expect(check.integer(1.5, '$')).toBe(0);
    expect(check.boolean('true', '$')).toBe(false);
    expect(check.oneOf('x', '$', ['a', 'b'] as const)).toBe('a');
    expect(check.optionalString(undefined, '$')).toBeUndefined();
    expect(check.nullableString(null, '$')).toBeNull();
    expect(check.issues).toHaveLength(7);
  });

  it('accepts good values silently', () => {
    const check = new Checker('f.json');
    expect(check.integer(0, '$')).toBe(0);
    expect(check.string('a-b', '$', /^[a-z-]+$/)).toBe('a-b');
    expect(check.strings(['a', 'b'], '$', { min: 2 })).toEqual(['a', 'b']);
    check.known({ a: 1 }, '$', ['a', 'b']);
    expect(check.issues).toEqual([]);
  });

  it('KnowledgeError lists every issue as "file: path: message"', () => {
    const issues: ValidationIssue[] = [
      { file: 'curated/entities/people.json', path: '$[0].id', message: 'expected a unique id' },
      { file: 'archive/sources.json', path: '$.articles', message: 'expected an array' },
    ];
    const error = new KnowledgeError(issues);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('KnowledgeError');
    expect(error.issues).toBe(issues);
    expect(error.message).toBe(
      'curated/entities/people.json: $[0].id: expected a unique id\narchive/sources.json: $.articles: expected an array',
    );
    expect(formatIssue(issues[0]!)).toBe('curated/entities/people.json: $[0].id: expected a unique id');
  });
});

describe('readEntities', () => {
  const FILE = 'curated/entities/people.json';
  const read = (records: unknown) => {
    const check = new Checker(FILE);
    const entities = readEntities(check, records);
    return { entities, issues: issuesAsRows(check.issues, FILE) };
  };

  it('reads a good record, filling optional lists', () => {
    const { entities, issues } = read([
      ENTITY,
      { id: 'dea', type: 'agency', name: 'DEA', summary: 'The agency.', sources: ['s'] },
    ]);
    expect(issues).toEqual([]);
    expect(entities[0]).toEqual(ENTITY);
    expect(entities[1]).toEqual({
      id: 'dea',
      type: 'agency',
      name: 'DEA',
      aliases: [],
      ambiguous: [],
      cues: [],
      caseSensitive: [],
      exclude: [],
      summary: 'The agency.',
      sources: ['s'],
      related: [],
    });
    expect('wikidata' in entities[1]!).toBe(false);
  });

  it.each<[string, Patch, [string, string][]]>([
    ['missing id', (r) => delete r.id, [['$[0].id', `${KEBAB}, got nothing`]]],
    ['id not kebab-case', (r) => (r.id = 'Nicolas_Maduro'), [['$[0].id', `${KEBAB}, got "Nicolas_Maduro"`]]],
    [
      'unknown type',
      (r) => (r.type = 'president'),
      [['$[0].type', `expected one of ${ENTITY_TYPES}, got "president"`]],
    ],
    ['empty name', (r) => (r.name = '  '), [['$[0].name', 'expected a non-empty string, got "  "']]],
    ['missing summary', (r) => delete r.summary, [['$[0].summary', 'expected a non-empty string, got nothing']]],
    [
      'empty alias',
      (r) => (r.aliases = ['Nicolas Maduro', '', 'Maduro']),
      [['$[0].aliases[1]', 'expected a non-empty string, got an empty string']],
    ],
    [
      'alias not a string',
      (r) => (r.aliases = ['Nicolas Maduro', 'Maduro', 42]),
      [['$[0].aliases[2]', 'expected a non-empty string, got number 42']],
    ],
    [
      'aliases not an array',
      (r) => ((r.aliases = 'Maduro'), (r.ambiguous = [])),
      [['$[0].aliases', 'expected an array, got "Maduro"']],
    ],
    [
      'ambiguous alias not among the names',
      (r) => (r.ambiguous = ['Maduro', 'Madura']),
      [['$[0].ambiguous[1]', 'expected the name or one of the aliases, got "Madura"']],
    ],
    [
      'caseSensitive alias not among the names',
      (r) => (r.caseSensitive = ['MADURO']),
      [['$[0].caseSensitive[0]', 'expected the name or one of the aliases, got "MADURO"']],
    ],
    [
      'spanishOnly alias not among the names',
      (r) => (r.spanishOnly = ['EU']),
      [['$[0].spanishOnly[0]', 'expected the name or one of the aliases, got "EU"']],
    ],
    [
      'missing cues with an ambiguous alias',
      (r) => delete r.cues,
      [['$[0].cues', 'expected at least one cue when some aliases are ambiguous, got nothing']],
    ],
    [
      'empty cues with an ambiguous alias',
      (r) => (r.cues = []),
      [['$[0].cues', 'expected at least one cue when some aliases are ambiguous, got an array']],
    ],
    ['no sources', (r) => (r.sources = []), [['$[0].sources', 'expected at least 1 item, got an array']]],
    ['missing sources', (r) => delete r.sources, [['$[0].sources', 'expected an array, got nothing']]],
    ['bad source id', (r) => (r.sources = ['CNN story']), [['$[0].sources[0]', `${KEBAB}, got "CNN story"`]]],
    [
      'bad related id',
      (r) => (r.related = ['venezuela', 'Venezuela']),
      [['$[0].related[1]', `${KEBAB}, got "Venezuela"`]],
    ],
    [
      'bad wikidata id',
      (r) => (r.wikidata = 'Q0'),
      [['$[0].wikidata', 'expected a Wikidata id such as "Q42", got "Q0"']],
    ],
    [
      'unknown field (a typo)',
      (r) => (r.alias = ['Maduro']),
      [['$[0].alias', `expected no such field (known: ${ENTITY_FIELDS})`]],
    ],
    [
      'two problems at once',
      (r) => ((r.summary = ''), (r.Cues = ['Caracas'])),
      [
        ['$[0].Cues', `expected no such field (known: ${ENTITY_FIELDS})`],
        ['$[0].summary', 'expected a non-empty string, got an empty string'],
      ],
    ],
  ])('%s', (_what, patch, expected) => {
    expect(read([patched(ENTITY, patch)]).issues).toEqual(expected);
  });

  it('names the index of the bad record', () => {
    const bad = patched(ENTITY, (r) => (r.type = 'man'));
    expect(read([ENTITY, ENTITY, bad]).issues).toEqual([['$[2].type', `expected one of ${ENTITY_TYPES}, got "man"`]]);
  });

  it('reports a file that is not an array, or records that are not objects', () => {
    expect(read({ entities: [] }).issues).toEqual([['$', 'expected an array, got an object']]);
    expect(read(['Maduro']).issues[0]).toEqual(['$[0]', 'expected an object, got "Maduro"']);
  });
});

describe('readClaims', () => {
  const FILE = 'curated/claims/americas.json';
  const read = (records: unknown) => {
    const check = new Checker(FILE);
    const claims = readClaims(check, records);
    return { claims, issues: issuesAsRows(check.issues, FILE) };
  };

  it('reads a good record', () => {
    const { claims, issues } = read([CLAIM]);
    expect(issues).toEqual([]);
    expect(claims).toEqual([CLAIM]);
  });

  it('leaves claimantEntity out when absent and defaults about and figures', () => {
    const minimal = patched(CLAIM, (r) => {
      delete r.claimantEntity;
      delete r.about;
      delete (r.match as Json).figures;
    });
    const { claims, issues } = read([minimal]);
    expect(issues).toEqual([]);
    expect('claimantEntity' in claims[0]!).toBe(false);
    expect(claims[0]!.about).toEqual([]);
    expect(claims[0]!.match.figures).toEqual([]);
  });

  it.each<[string, Patch, [string, string][]]>([
    ['bad date', (r) => (r.date = '15/12/2025'), [['$[0].date', 'expected a date as YYYY-MM-DD, got "15/12/2025"']]],
    [
      'unknown status',
      (r) => (r.status = 'true'),
      [['$[0].status', 'expected one of supported, disputed, needs-context, reported, got "true"']],
    ],
    [
      'unknown kind',
      (r) => (r.kind = 'claim'),
      [['$[0].kind', 'expected one of figure, designation, order, quote, event, got "claim"']],
    ],
    [
      'no evidence',
      (r) => (r.evidence = []),
      [['$[0].evidence', 'expected at least one piece of evidence, got an array']],
    ],
    [
      'unknown stance',
      (r) => ((r.evidence as Json[])[0]!.stance = 'agrees'),
      [['$[0].evidence[0].stance', 'expected one of states, supports, disputes, context, got "agrees"']],
    ],
    [
      'evidence source not an id',
      (r) => ((r.evidence as Json[])[0]!.source = 'Politico'),
      [['$[0].evidence[0].source', `${KEBAB}, got "Politico"`]],
    ],
    [
      'empty quote',
      (r) => ((r.evidence as Json[])[0]!.quote = ''),
      [['$[0].evidence[0].quote', 'expected a non-empty string, got an empty string']],
    ],
    [
      'unknown evidence field',
      (r) => ((r.evidence as Json[])[0]!.url = 'https://example.com'),
      [['$[0].evidence[0].url', 'expected no such field (known: source, quote, stance)']],
    ],
    [
      'empty term group',
      (r) => ((r.match as Json).terms = [['sea'], []]),
      [['$[0].match.terms[1]', 'expected at least 1 item, got an array']],
    ],
    [
      'no paraphrases',
      (r) => ((r.match as Json).paraphrases = []),
      [['$[0].match.paraphrases', 'expected at least 1 item, got an array']],
    ],
    [
      'series that is not an id',
      (r) => ((r.match as Json).series = 'Boat toll'),
      [['$[0].match.series', expect.stringContaining('expected')]],
    ],
    [
      'first that is not a boolean',
      (r) => ((r.match as Json).first = 'yes'),
      [['$[0].match.first', expect.stringContaining('expected')]],
    ],
    [
      'empty Spanish wordings',
      (r) => ((r.match as Json).paraphrasesEs = []),
      [['$[0].match.paraphrasesEs', 'expected at least 1 item, got an array']],
    ],
    [
      'excluded term that is not a string',
      (r) => ((r.match as Json).exclude = [3]),
      [['$[0].match.exclude[0]', expect.stringContaining('expected')]],
    ],
    [
      'unknown match field',
      (r) => ((r.match as Json).figure = '94%'),
      [
        [
          '$[0].match.figure',
          'expected no such field (known: terms, figures, exclude, series, first, paraphrases, paraphrasesEs)',
        ],
      ],
    ],
    [
      'missing match',
      (r) => delete r.match,
      [
        ['$[0].match', 'expected an object, got nothing'],
        ['$[0].match.terms', 'expected an array, got nothing'],
        ['$[0].match.paraphrases', 'expected an array, got nothing'],
      ],
    ],
    [
      'claimantEntity not an id',
      (r) => (r.claimantEntity = 'Donald Trump'),
      [['$[0].claimantEntity', `${KEBAB}, got "Donald Trump"`]],
    ],
    ['bad about id', (r) => (r.about = ['donald_trump']), [['$[0].about[0]', `${KEBAB}, got "donald_trump"`]]],
    [
      'unknown field',
      (r) => (r.source = 'politico-fentanyl-wmd'),
      [
        [
          '$[0].source',
          'expected no such field (known: id, statement, claimant, claimantEntity, date, kind, status, context, evidence, about, match)',
        ],
      ],
    ],
  ])('%s', (_what, patch, expected) => {
    expect(read([patched(CLAIM, patch)]).issues).toEqual(expected);
  });
});

describe('readArchiveSources', () => {
  const FILE = 'archive/sources.json';
  const read = (raw: unknown) => {
    const check = new Checker(FILE);
    const articles = readArchiveSources(check, raw);
    return { articles, issues: issuesAsRows(check.issues, FILE) };
  };

  it('reads a good record, ignoring the archive notes', () => {
    const { articles, issues } = read({ about: 'notes', articles: [ARTICLE] });
    expect(issues).toEqual([]);
    expect(articles).toEqual([
      {
        id: 'politico-fentanyl-wmd',
        file: '000_x.txt',
        lines: [3, 7],
        headline: 'Trump declares fentanyl a weapon of mass destruction',
        publisher: 'POLITICO Europe',
        authors: [],
        date: '2025-12-15',
        dateIsEstimate: true,
        url: null,
        headlineLine: 3,
        skipLines: [5, 6],
      },
    ]);
  });

  it('accepts an https url and a null headline line', () => {
    const { articles, issues } = read({
      articles: [patched(ARTICLE, (r) => ((r.url = 'https://www.politico.eu/x'), (r.headlineLine = null)))],
    });
    expect(issues).toEqual([]);
    expect(articles[0]!.url).toBe('https://www.politico.eu/x');
    expect(articles[0]!.headlineLine).toBeNull();
  });

  it.each<[string, Patch, [string, string][]]>([
    [
      'http url',
      (r) => (r.url = 'http://www.politico.eu/x'),
      [['$.articles[0].url', 'expected an https URL or null, got "http://www.politico.eu/x"']],
    ],
    ['missing url', (r) => delete r.url, [['$.articles[0].url', 'expected an https URL or null, got nothing']]],
    [
      'line as a string',
      (r) => (r.lines = ['3', 7]),
      [['$.articles[0].lines[0]', 'expected a whole number of 0 or more, got "3"']],
    ],
    [
      'negative headline line',
      (r) => (r.headlineLine = -1),
      [['$.articles[0].headlineLine', 'expected a whole number of 0 or more, got number -1']],
    ],
    ['missing skipLines', (r) => delete r.skipLines, [['$.articles[0].skipLines', 'expected an array, got nothing']]],
    [
      'estimate as a string',
      (r) => (r.dateIsEstimate = 'yes'),
      [['$.articles[0].dateIsEstimate', 'expected true or false, got "yes"']],
    ],
    ['bad date', (r) => (r.date = '2025-12'), [['$.articles[0].date', 'expected a date as YYYY-MM-DD, got "2025-12"']]],
    [
      'empty headline',
      (r) => (r.headline = ''),
      [['$.articles[0].headline', 'expected a non-empty string, got an empty string']],
    ],
    ['bad id', (r) => (r.id = 'Politico 1'), [['$.articles[0].id', `${KEBAB}, got "Politico 1"`]]],
  ])('%s', (_what, patch, expected) => {
    expect(read({ articles: [patched(ARTICLE, patch)] }).issues).toEqual(expected);
  });

  it('reports a root that is not an object', () => {
    expect(read([ARTICLE]).issues).toEqual([
      ['$', 'expected an object, got an array'],
      ['$.articles', 'expected an array, got nothing'],
    ]);
  });
});

describe('readSourceNotes', () => {
  const FILE = 'curated/source-notes.json';
  const NOTE: Json = {
    source: 'wire-copy',
    reworded: true,
    why: 'The archive says this copy swapped words for synonyms.',
  };
  const read = (raw: unknown) => {
    const check = new Checker(FILE);
    const notes = readSourceNotes(check, raw);
    return { notes, issues: issuesAsRows(check.issues, FILE) };
  };

  it('reads a good note', () => {
    expect(read([NOTE])).toEqual({ notes: [NOTE], issues: [] });
  });

  it.each<[string, Patch, [string, string][]]>([
    ['source not an id', (r) => (r.source = 'Wire Copy'), [['$[0].source', `${KEBAB}, got "Wire Copy"`]]],
    ['reworded missing', (r) => delete r.reworded, [['$[0].reworded', 'expected true or false, got nothing']]],
    ['why empty', (r) => (r.why = ' '), [['$[0].why', 'expected a non-empty string, got " "']]],
    ['unknown field', (r) => (r.spun = true), [['$[0].spun', 'expected no such field (known: source, reworded, why)']]],
  ])('reports %s', (_, patch, expected) => {
    expect(read([patched(NOTE, patch)]).issues).toEqual(expected);
  });
});

describe('loadInputs', () => {
  const root = mkdtempSync(join(tmpdir(), 'backstory-curated-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function write(path: string, content: unknown) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  }

  it('collects the issues of every file, named relative to the assets folder', () => {
    write('archive/sources.json', { articles: [ARTICLE] });
    write('archive/000_x.txt', 'one\ntwo\n');
    write('curated/entities/people.json', [patched(ENTITY, (r) => (r.ambiguous = ['Madura']))]);
    write('curated/entities/places.json', '[{"id": "venezuela",]');
    write('curated/entities/notes.txt', 'not json, not read');
    write('curated/claims/americas.json', [patched(CLAIM, (r) => (r.status = 'true'))]);
    let error: unknown;
    try {
      loadInputs({ archive: join(root, 'archive'), curated: join(root, 'curated') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KnowledgeError);
    const issues = (error as KnowledgeError).issues;
    expect(issues.map((i) => [i.file, i.path])).toEqual([
      [join('curated', 'entities', 'people.json'), '$[0].ambiguous[0]'],
      [join('curated', 'entities', 'places.json'), '$'],
      [join('curated', 'entities', 'places.json'), '$'],
      [join('curated', 'claims', 'americas.json'), '$[0].status'],
    ]);
    expect(issues[1]!.message).toMatch(/^expected valid JSON \(.+\)$/);
    expect(issues[2]!.message).toBe('expected an array, got nothing');
  });

  it('reads good files', () => {
    write('curated/entities/people.json', [ENTITY]);
    write('curated/entities/places.json', []);
    write('curated/claims/americas.json', [CLAIM]);
    const inputs = loadInputs({ archive: join(root, 'archive'), curated: join(root, 'curated') });
    expect(inputs.archive.files).toEqual({ '000_x.txt': 'one\ntwo\n' });
    expect(inputs.curated.entities.map((e) => [e.file, e.records.length])).toEqual([
      [join('curated', 'entities', 'people.json'), 1],
      [join('curated', 'entities', 'places.json'), 0],
    ]);
    expect(inputs.curated.claims[0]!.records[0]!.id).toBe(CLAIM.id);
    expect(inputs.curated.sourceNotes).toBeUndefined();
  });

  it('reads source-notes.json when there is one, and reports its problems by path', () => {
    const dirs = { archive: join(root, 'archive'), curated: join(root, 'curated') };
    const note = { source: 'politico-fentanyl-wmd', reworded: true, why: 'Our reason, citing the archive.' };
    write('curated/source-notes.json', [note]);
    expect(loadInputs(dirs).curated.sourceNotes).toEqual({
      file: join('curated', 'source-notes.json'),
      records: [note],
    });
    write('curated/source-notes.json', [{ ...note, reworded: 'yes' }]);
    expect(() => loadInputs(dirs)).toThrow(/source-notes\.json: \$\[0\]\.reworded: expected true or false, got "yes"/);
    rmSync(join(root, 'curated', 'source-notes.json'));
  });
});
