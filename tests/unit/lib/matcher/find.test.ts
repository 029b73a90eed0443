import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../../lib/knowledge/types';
import { type MatchableEntity, compileMatcherData, loadMatcher } from '../../../../lib/matcher/compile';
import {
  type EntityFinding,
  type FindOptions,
  collectCandidates,
  findEntities,
  newCandidates,
  resolveCandidates,
} from '../../../../lib/matcher/find';
import { BLOCK_SEPARATOR as SEP } from '../../../../lib/text/fold';

function entity(
  id: string,
  type: EntityType,
  name: string,
  rest: Partial<Pick<MatchableEntity, 'aliases' | 'ambiguous' | 'cues' | 'caseSensitive'>> = {},
): MatchableEntity {
  return { id, type, name, aliases: [], ambiguous: [], cues: [], caseSensitive: [], ...rest };
}

const ENTITIES: MatchableEntity[] = [
  entity('nicolas-maduro', 'person', 'Nicolás Maduro', {
    aliases: ['Nicolas Maduro', 'Maduro', 'President Maduro'],
    ambiguous: ['Maduro'],
    cues: ['Venezuela', 'Caracas', 'Chávez'],
  }),
  entity('gustavo-petro', 'person', 'Gustavo Petro', {
    aliases: ['Petro'],
    ambiguous: ['Petro'],
    cues: ['Colombia', 'Bogotá'],
  }),
  entity('ms-13', 'armed-group', 'MS-13', { aliases: ['Mara Salvatrucha'] }),
  entity('dea', 'agency', 'Drug Enforcement Administration', { aliases: ['DEA'] }),
  entity('eve-ensler', 'person', 'Eve Ensler', { aliases: ['Eve'] }),
  entity('ford-motor', 'organisation', 'Ford Motor Company', { aliases: ['Ford'] }),
  entity('new-york', 'place', 'New York', { aliases: ['New York City'] }),
  entity('new-york-times', 'organisation', 'The New York Times', { aliases: ['New York Times'] }),
  entity('times-square', 'place', 'Times Square'),
  entity('tren-de-aragua', 'armed-group', 'Tren de Aragua', { aliases: ['TdA'], caseSensitive: ['TdA'] }),
  entity('mike-johnson', 'person', 'Mike Johnson', {
    aliases: ['Johnson'],
    ambiguous: ['Johnson'],
    cues: ['House Speaker', 'Louisiana'],
  }),
  entity('boris-johnson', 'person', 'Boris Johnson', {
    aliases: ['Johnson'],
    ambiguous: ['Johnson'],
    cues: ['Downing Street', 'Brexit'],
  }),
  entity('sinaloa', 'place', 'Sinaloa', { ambiguous: ['Sinaloa'], cues: ['Culiacán', 'Mexican state'] }),
  entity('sinaloa-cartel', 'armed-group', 'Sinaloa Cartel'),
];

const matcher = loadMatcher(compileMatcherData('test', ENTITIES));

type Row = [id: string, text: string, rule: EntityFinding['rule'], cue?: string];

/** Findings as [entity id, matched page text, rule, cue] for compact assertions. */
function found(text: string, options?: FindOptions): Row[] {
  return findEntities(matcher, text, options).map((f) => {
    const row: Row = [ENTITIES[f.entity]!.id, text.slice(f.start, f.end), f.rule];
    if (f.cue !== undefined) row.push(f.cue);
    return row;
  });
}

/** Entity ids and matched text only. */
function names(text: string, options?: FindOptions): [string, string][] {
  return found(text, options).map(([id, slice]) => [id, slice]);
}

/** Text that keeps things further apart than the default cue window (600). */
const FAR = ' Filler words go here.'.repeat(40);

describe('leftmost-longest', () => {
  it.each<[string, [string, string][]]>([
    ['Nicolás Maduro addressed the nation.', [['nicolas-maduro', 'Nicolás Maduro']]],
    ['President Maduro addressed the nation.', [['nicolas-maduro', 'President Maduro']]],
    ['The New York Times reported it.', [['new-york-times', 'The New York Times']]],
    ['A New York Times reporter', [['new-york-times', 'New York Times']]],
    ['Police in New York City said', [['new-york', 'New York City']]],
    ['Police in New York said', [['new-york', 'New York']]],
    ['the New York Times Square bureau', [['new-york-times', 'the New York Times']]],
    ['a New York Times Square bureau', [['new-york-times', 'New York Times']]],
    ['crowds in Times Square', [['times-square', 'Times Square']]],
    ['the Sinaloa Cartel expanded', [['sinaloa-cartel', 'Sinaloa Cartel']]],
    ['the Sinaloa cartel expanded', [['sinaloa-cartel', 'Sinaloa cartel']]],
  ])('%j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('the full name beats the ambiguous surname inside it', () => {
    const findings = findEntities(matcher, 'Nicolás Maduro spoke in Caracas.');
    expect(findings).toEqual([{ entity: 0, start: 0, end: 14, alias: 'Nicolás Maduro', rule: 'alias' }]);
  });

  it('returns non-overlapping findings in text order', () => {
    const text =
      'The New York Times Square bureau said Nicolás Maduro, MS-13 and the DEA met in New York City near Times Square.';
    const findings = findEntities(matcher, text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual([
      'The New York Times',
      'Nicolás Maduro',
      'MS-13',
      'DEA',
      'New York City',
      'Times Square',
    ]);
    for (let i = 1; i < findings.length; i++) expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
  });
});

describe('word boundaries', () => {
  it.each<[string, [string, string][]]>([
    ['He never left.', []],
    ['Evening news at seven.', []],
    ['Steve arrived.', []],
    ['Eve said so.', [['eve-ensler', 'Eve']]],
    ['Evé said so.', [['eve-ensler', 'Evé']]],
    ['Eveé said so.', []],
    ['Stanford University', []],
    ['Fordham University', []],
    ['Ford\u0301 with a combining accent', []],
    ['ΑFord with a Greek letter before', []],
    ['Ford said so.', [['ford-motor', 'Ford']]],
    ['(Ford)', [['ford-motor', 'Ford']]],
    ['“Ford”', [['ford-motor', 'Ford']]],
    ['Ford-based suppliers', [['ford-motor', 'Ford']]],
    ['An IDEA from the DEA.', [['dea', 'DEA']]],
    ['DEAs', []],
    ['Gustavo Petro spoke as Petrobras shares fell.', [['gustavo-petro', 'Gustavo Petro']]],
    ['Gustavo Petro spoke of the petrodollar.', [['gustavo-petro', 'Gustavo Petro']]],
    ['Gustavo Petro spoke of Petroleum in Colombia.', [['gustavo-petro', 'Gustavo Petro']]],
    ['Maduros in Caracas', []],
    ['TdAs', []],
  ])('%j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe('possessives', () => {
  it.each<[string, Row[]]>([
    ["Maduro's government in Caracas", [['nicolas-maduro', 'Maduro', 'cue-nearby', 'Caracas']]],
    ['Maduro’s government in Caracas', [['nicolas-maduro', 'Maduro', 'cue-nearby', 'Caracas']]],
    ['Petro’s speech in Bogotá', [['gustavo-petro', 'Petro', 'cue-nearby', 'Bogotá']]],
    ["Petro's speech in Colombia", [['gustavo-petro', 'Petro', 'cue-nearby', 'Colombia']]],
    ['Nicolás Maduro’s government', [['nicolas-maduro', 'Nicolás Maduro', 'alias']]],
    ["MS-13's leaders", [['ms-13', 'MS-13', 'alias']]],
    ['the DEA’s agents', [['dea', 'DEA', 'alias']]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('separator variants', () => {
  it.each([['MS 13'], ['MS-13'], ['MS\u00a013'], ['MS\n13'], ['MS\u201113'], ['MS \u2013 13'], ['MS\u202f13']])(
    'finds %j as MS-13',
    (variant) => {
      const text = `Members of ${variant} were charged.`;
      expect(found(text)).toEqual([['ms-13', variant, 'alias']]);
    },
  );

  it('keeps acronyms case-sensitive in every variant', () => {
    expect(names('ms-13 and Ms 13 and ms\u00a013')).toEqual([]);
  });
});

describe('line breaks inside a name', () => {
  it.each([['Nicolás\nMaduro'], ['Nicolás\r\n    Maduro'], ['Nicolás \n\t Maduro'], ['Nicolás\u00a0\nMaduro']])(
    'finds %j',
    (name) => {
      const text = `Yesterday ${name} spoke.`;
      expect(found(text)).toEqual([['nicolas-maduro', name, 'alias']]);
    },
  );

  it('finds a multi-word alias broken over lines', () => {
    expect(names('the\nMara\n\tSalvatrucha\ngang')).toEqual([['ms-13', 'Mara\n\tSalvatrucha']]);
  });

  it('never joins words across a block separator', () => {
    expect(names('Gustavo Petro met Nicolás\u2029Maduro.')).toEqual([['gustavo-petro', 'Gustavo Petro']]);
    expect(names('Mara\u2029Salvatrucha')).toEqual([]);
    expect(names('MS\u202913')).toEqual([]);
  });
});

describe('offsets', () => {
  it('map back to the original text whatever the folding did', () => {
    const text =
      'Ayer,  NICOLÁS\u00a0\u00a0MADURO habló; luego Maduro’s aides, la   Mara \n Salvatrucha y la DEA, en Caracas.';
    const expected = ['NICOLÁS\u00a0\u00a0MADURO', 'Maduro', 'Mara \n Salvatrucha', 'DEA'];
    const findings = findEntities(matcher, text);
    expect(findings.map((f) => [f.start, f.end])).toEqual(
      expected.map((slice) => [text.indexOf(slice), text.indexOf(slice) + slice.length]),
    );
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(expected);
  });
});

describe('case rules', () => {
  it.each<[string, [string, string][]]>([
    ['The DEA said', [['dea', 'DEA']]],
    ['the dea said', []],
    ['the Dea said', []],
    ['DRUG ENFORCEMENT ADMINISTRATION agents', [['dea', 'DRUG ENFORCEMENT ADMINISTRATION']]],
    ['drug enforcement administration agents', [['dea', 'drug enforcement administration']]],
    ['NICOLÁS MADURO spoke', [['nicolas-maduro', 'NICOLÁS MADURO']]],
    ['mara salvatrucha', [['ms-13', 'mara salvatrucha']]],
    ['the TdA gang', [['tren-de-aragua', 'TdA']]],
    ['the TDA gang', []],
    ['the tda gang', []],
    // Ambiguous aliases are case-sensitive: a maduro cigar is not the president, cues or not.
    ['He lit a maduro cigar in Caracas, Venezuela.', []],
    ['MADURO spoke in Caracas.', []],
    ['Maduro spoke in Caracas.', [['nicolas-maduro', 'Maduro']]],
    ['petro spoke in Bogotá.', []],
  ])('%j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('reports the curated alias, not the page text', () => {
    expect(findEntities(matcher, 'MARA SALVATRUCHA')[0]?.alias).toBe('Mara Salvatrucha');
    expect(findEntities(matcher, "Maduro's aides in Caracas")[0]?.alias).toBe('Maduro');
    expect(findEntities(matcher, 'MS\u00a013')[0]?.alias).toBe('MS-13');
  });
});

describe('disambiguation of ambiguous aliases', () => {
  it('does not highlight an ambiguous alias without context', () => {
    expect(found('Maduro said no.')).toEqual([]);
    expect(found('Petro said no.')).toEqual([]);
    expect(found('Sinaloa is large.')).toEqual([]);
  });

  it('confirms by the unambiguous name elsewhere on the page (before)', () => {
    expect(found('Nicolás Maduro spoke.' + FAR + ' Later Maduro left.')).toEqual([
      ['nicolas-maduro', 'Nicolás Maduro', 'alias'],
      ['nicolas-maduro', 'Maduro', 'name-on-page', 'Nicolás Maduro'],
    ]);
  });

  it('confirms by the unambiguous name elsewhere on the page (after)', () => {
    expect(found('Maduro spoke first.' + FAR + ' Nicolas Maduro, again.')).toEqual([
      ['nicolas-maduro', 'Maduro', 'name-on-page', 'Nicolas Maduro'],
      ['nicolas-maduro', 'Nicolas Maduro', 'alias'],
    ]);
  });

  it('confirms by a longer unambiguous alias too', () => {
    expect(found('President Maduro spoke. Maduro left.')).toEqual([
      ['nicolas-maduro', 'President Maduro', 'alias'],
      ['nicolas-maduro', 'Maduro', 'name-on-page', 'President Maduro'],
    ]);
  });

  it('confirms by a cue nearby, before or after', () => {
    expect(found('Maduro spoke in Caracas.')).toEqual([['nicolas-maduro', 'Maduro', 'cue-nearby', 'Caracas']]);
    expect(found('In Venezuela, Maduro spoke.')).toEqual([['nicolas-maduro', 'Maduro', 'cue-nearby', 'Venezuela']]);
  });

  it('reports the nearest cue', () => {
    const text = 'Venezuela.' + ' Some more words here.'.repeat(5) + ' Maduro spoke in Caracas.';
    expect(found(text)).toEqual([['nicolas-maduro', 'Maduro', 'cue-nearby', 'Caracas']]);
  });

  it('matches cues regardless of case and diacritics', () => {
    expect(found('Maduro praised CHAVEZ.')).toEqual([['nicolas-maduro', 'Maduro', 'cue-nearby', 'CHAVEZ']]);
    expect(found('Petro returned to bogota.')).toEqual([['gustavo-petro', 'Petro', 'cue-nearby', 'bogota']]);
  });

  it('honours the cue window', () => {
    const text = 'Maduro spoke.' + FAR + ' In Caracas, nothing.';
    expect(text.indexOf('Caracas')).toBeGreaterThan(600);
    expect(found(text)).toEqual([]);
    expect(found(text, { cueWindow: 2000 })).toEqual([['nicolas-maduro', 'Maduro', 'cue-nearby', 'Caracas']]);
    expect(found('Maduro in Caracas.', { cueWindow: 5 })).toEqual([]);
  });

  it('confirms by two or more distinct cues anywhere on the page (page topic)', () => {
    expect(found('Maduro spoke.' + FAR + ' Venezuela and Caracas.')).toEqual([
      ['nicolas-maduro', 'Maduro', 'page-topic', 'venezuela, caracas'],
    ]);
  });

  it('does not count one cue repeated as a page topic', () => {
    expect(found('Maduro spoke.' + FAR + ' Venezuela, VENEZUELA, venezuela.')).toEqual([]);
  });

  it('confirms each occurrence on its own', () => {
    expect(found('Maduro in Caracas.' + FAR + ' Maduro again.')).toEqual([
      ['nicolas-maduro', 'Maduro', 'cue-nearby', 'Caracas'],
    ]);
  });

  it("is not confirmed by another entity's cues or by cues inside longer words", () => {
    expect(found('Maduro spoke in Bogotá, Colombia.')).toEqual([]);
    expect(found('Maduro met Venezuelans and Caracasians.')).toEqual([]);
  });

  it("is not confirmed by an ambiguous alias of the same entity, nor by another entity's name", () => {
    expect(found('Maduro and Maduro again.')).toEqual([]);
    expect(found('Gustavo Petro met Maduro.')).toEqual([['gustavo-petro', 'Gustavo Petro', 'alias']]);
  });
});

describe('collisions between entities sharing an ambiguous alias', () => {
  it('are resolved by cues', () => {
    expect(found('Johnson spoke outside Downing Street.')).toEqual([
      ['boris-johnson', 'Johnson', 'cue-nearby', 'Downing Street'],
    ]);
    expect(found('Johnson, the House Speaker, spoke.')).toEqual([
      ['mike-johnson', 'Johnson', 'cue-nearby', 'House Speaker'],
    ]);
  });

  it('are resolved by the full name on the page', () => {
    expect(found('Boris Johnson wrote.' + FAR + ' Johnson said.')).toEqual([
      ['boris-johnson', 'Boris Johnson', 'alias'],
      ['boris-johnson', 'Johnson', 'name-on-page', 'Boris Johnson'],
    ]);
    expect(found('Mike Johnson wrote.' + FAR + ' Johnson said.')).toEqual([
      ['mike-johnson', 'Mike Johnson', 'alias'],
      ['mike-johnson', 'Johnson', 'name-on-page', 'Mike Johnson'],
    ]);
  });

  it('prefer a cue nearby to a page topic', () => {
    const text = 'Brexit and Downing Street.' + FAR + ' Johnson, the House Speaker, spoke.';
    expect(found(text)).toEqual([['mike-johnson', 'Johnson', 'cue-nearby', 'House Speaker']]);
  });

  it('stay unhighlighted without context', () => {
    expect(found('Johnson spoke.')).toEqual([]);
  });

  it('go to the entity whose cue is nearest when both have one nearby', () => {
    expect(found('After Brexit, Johnson met the House Speaker.')).toEqual([
      ['boris-johnson', 'Johnson', 'cue-nearby', 'Brexit'],
    ]);
    expect(found('At Downing Street the House Speaker and Johnson met.')).toEqual([
      ['mike-johnson', 'Johnson', 'cue-nearby', 'House Speaker'],
    ]);
  });

  it('go to the entity named in full in the story rather than one with a cue nearby', () => {
    expect(names('Boris Johnson wrote.' + FAR + ' Johnson, the House Speaker, spoke.')).toEqual([
      ['boris-johnson', 'Boris Johnson'],
      ['boris-johnson', 'Johnson'],
    ]);
  });

  it('go to the entity whose full name is nearest when both are on the page', () => {
    const text = 'Boris Johnson wrote.' + FAR + ' Mike Johnson replied. Johnson said no.';
    expect(names(text)).toEqual([
      ['boris-johnson', 'Boris Johnson'],
      ['mike-johnson', 'Mike Johnson'],
      ['mike-johnson', 'Johnson'],
    ]);
  });
});

describe('caps', () => {
  it('limits findings per entity', () => {
    expect(names('DEA, DEA, DEA and MS-13.', { maxPerEntity: 2 })).toEqual([
      ['dea', 'DEA'],
      ['dea', 'DEA'],
      ['ms-13', 'MS-13'],
    ]);
  });

  it('limits findings in total, keeping the first in text order', () => {
    const text = 'DEA, MS-13, Ford, DEA, MS-13.';
    const findings = findEntities(matcher, text, { maxTotal: 3 });
    expect(findings.map((f) => [f.start, text.slice(f.start, f.end)])).toEqual([
      [0, 'DEA'],
      [5, 'MS-13'],
      [12, 'Ford'],
    ]);
  });

  it('defaults to 100 per entity', () => {
    expect(findEntities(matcher, 'DEA '.repeat(150))).toHaveLength(100);
    expect(findEntities(matcher, 'DEA '.repeat(150), { maxPerEntity: Infinity })).toHaveLength(150);
  });

  it('counts only confirmed findings', () => {
    const text = 'Maduro spoke.' + FAR + ' Maduro in Caracas.';
    const findings = findEntities(matcher, text, { maxPerEntity: 1 });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.start).toBe(text.lastIndexOf('Maduro'));
  });
});

describe('candidates collected in slices, resolved with page context', () => {
  const rows = (text: string, findings: EntityFinding[]): Row[] =>
    findings.map((f) => {
      const row: Row = [ENTITIES[f.entity]!.id, text.slice(f.start, f.end), f.rule];
      if (f.cue !== undefined) row.push(f.cue);
      return row;
    });

  it('slices cut at block separators give the same findings as one pass', () => {
    const text = [
      'Nicolás Maduro spoke.',
      'Later Maduro left for Caracas.',
      'Johnson, the House Speaker, and the DEA.',
      'MS-13 in New York City.',
      'Petro said nothing.',
    ].join(SEP);
    const candidates = newCandidates();
    let from = 0;
    for (let cut = text.indexOf(SEP); from < text.length; cut = text.indexOf(SEP, from)) {
      const to = cut < 0 ? text.length : cut + 1;
      collectCandidates(matcher, text, candidates, from, to);
      from = to;
    }
    const { findings } = resolveCandidates(matcher, text, candidates);
    expect(findings).toEqual(findEntities(matcher, text));
    expect(rows(text, findings).map(([id, slice]) => [id, slice])).toEqual([
      ['nicolas-maduro', 'Nicolás Maduro'],
      ['nicolas-maduro', 'Maduro'],
      ['mike-johnson', 'Johnson'],
      ['dea', 'DEA'],
      ['ms-13', 'MS-13'],
      ['new-york', 'New York City'],
    ]);
  });

  it('a changed part is confirmed by a name seen elsewhere on the page', () => {
    const page = 'Nicolás Maduro spoke in Venezuela.';
    const first = newCandidates();
    collectCandidates(matcher, page, first);
    const { context } = resolveCandidates(matcher, page, first);
    expect(context.names.get(0)).toBe('Nicolás Maduro');

    const part = 'Maduro left.';
    const candidates = newCandidates();
    collectCandidates(matcher, part, candidates);
    expect(resolveCandidates(matcher, part, candidates).findings).toEqual([]);
    expect(rows(part, resolveCandidates(matcher, part, candidates, {}, context).findings)).toEqual([
      ['nicolas-maduro', 'Maduro', 'name-on-page', 'Nicolás Maduro'],
    ]);
  });

  it("cues seen elsewhere count towards the page's topic, never as nearby", () => {
    const elsewhere = 'Venezuela and Caracas.';
    const first = newCandidates();
    collectCandidates(matcher, elsewhere, first);
    const { context } = resolveCandidates(matcher, elsewhere, first);
    expect([...(context.cues.get(0) ?? [])].map((c) => c.text)).toEqual(['Venezuela', 'Caracas']);

    const part = 'Maduro left.';
    const candidates = newCandidates();
    collectCandidates(matcher, part, candidates);
    expect(rows(part, resolveCandidates(matcher, part, candidates, {}, context).findings)).toEqual([
      ['nicolas-maduro', 'Maduro', 'page-topic', 'venezuela, caracas'],
    ]);
  });

  it('one cue elsewhere and a different one here make a page topic too; the context grows', () => {
    const first = newCandidates();
    collectCandidates(matcher, 'Chávez.', first);
    const { context } = resolveCandidates(matcher, 'Chávez.', first);
    const part = 'Maduro left.' + FAR + ' Caracas.';
    const candidates = newCandidates();
    collectCandidates(matcher, part, candidates);
    const resolved = resolveCandidates(matcher, part, candidates, {}, context);
    expect(resolved.findings).toHaveLength(1);
    const [finding] = resolved.findings;
    expect([finding!.entity, finding!.rule]).toEqual([0, 'page-topic']);
    expect(finding!.cue!.split(', ').sort()).toEqual(['caracas', 'chavez']);
    expect(resolved.context.cues.get(0)!.map((c) => c.text)).toEqual(['Chávez', 'Caracas']);
    // The context passed in is not changed.
    expect(context.cues.get(0)!.map((c) => c.text)).toEqual(['Chávez']);
  });
});
