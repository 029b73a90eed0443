/** Reads the curated source files (assets/curated) and the archive's sources.json, with clear errors. */
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  type Claim,
  ENTITY_TYPES,
  EVIDENCE_STANCES,
  type Entity,
  type Source,
  type Topic,
} from './types';
import { type Checker, DATE_PATTERN, ID_PATTERN, QID_PATTERN, URL_PATTERN } from './validate';

export type CuratedEntity = Omit<Entity, 'passages'>;
export type CuratedEvidence = Omit<Claim['evidence'][number], 'passage'>;
export type CuratedClaim = Omit<Claim, 'evidence'> & { evidence: CuratedEvidence[] };

export interface ArchiveArticle extends Source {
  file: string;
  lines: [number, number];
  headlineLine: number | null;
  skipLines: number[];
}

const ID = { pattern: ID_PATTERN, what: 'a kebab-case id such as "nicolas-maduro"' };

const ENTITY_KEYS = [
  'id',
  'type',
  'name',
  'aliases',
  'ambiguous',
  'cues',
  'caseSensitive',
  'exclude',
  'spanishOnly',
  'englishOnly',
  'background',
  'summary',
  'sources',
  'related',
  'wikidata',
] as const;

export function readEntities(check: Checker, raw: unknown): CuratedEntity[] {
  return check.array(raw, '$').map((item, i) => {
    const path = `$[${i}]`;
    const record = check.object(item, path);
    check.known(record, path, ENTITY_KEYS);
    const entity: CuratedEntity = {
      id: check.string(record.id, `${path}.id`, ID.pattern, ID.what),
      type: check.oneOf(record.type, `${path}.type`, ENTITY_TYPES),
      name: check.string(record.name, `${path}.name`),
      aliases: check.strings(record.aliases ?? [], `${path}.aliases`),
      ambiguous: check.strings(record.ambiguous ?? [], `${path}.ambiguous`),
      cues: check.strings(record.cues ?? [], `${path}.cues`),
      caseSensitive: check.strings(record.caseSensitive ?? [], `${path}.caseSensitive`),
      exclude: check.strings(record.exclude ?? [], `${path}.exclude`),
      summary: check.string(record.summary, `${path}.summary`),
      sources: check.strings(record.sources, `${path}.sources`, { min: 1, ...ID }),
      related: check.strings(record.related ?? [], `${path}.related`, ID),
    };
    for (const field of ['spanishOnly', 'englishOnly'] as const) {
      if (record[field] === undefined) continue;
      const only = check.strings(record[field], `${path}.${field}`);
      only.forEach((alias, j) => {
        if (alias !== entity.name && !entity.aliases.includes(alias)) {
          check.fail(`${path}.${field}[${j}]`, 'the name or one of the aliases', alias);
        }
      });
      entity[field] = only;
    }
    if (record.background !== undefined && check.boolean(record.background, `${path}.background`)) {
      entity.background = true;
    }
    const wikidata = check.optionalString(
      record.wikidata,
      `${path}.wikidata`,
      QID_PATTERN,
      'a Wikidata id such as "Q42"',
    );
    if (wikidata) entity.wikidata = wikidata;
    const names = new Set([entity.name, ...entity.aliases]);
    entity.ambiguous.forEach((alias, j) => {
      if (!names.has(alias)) check.fail(`${path}.ambiguous[${j}]`, 'the name or one of the aliases', alias);
    });
    entity.caseSensitive.forEach((alias, j) => {
      if (!names.has(alias)) check.fail(`${path}.caseSensitive[${j}]`, 'the name or one of the aliases', alias);
    });
    if (entity.ambiguous.length && !entity.cues.length) {
      check.fail(`${path}.cues`, 'at least one cue when some aliases are ambiguous', record.cues);
    }
    return entity;
  });
}

const CLAIM_KEYS = [
  'id',
  'statement',
  'claimant',
  'claimantEntity',
  'date',
  'kind',
  'status',
  'context',
  'evidence',
  'about',
  'match',
] as const;

export function readClaims(check: Checker, raw: unknown): CuratedClaim[] {
  return check.array(raw, '$').map((item, i) => {
    const path = `$[${i}]`;
    const record = check.object(item, path);
    check.known(record, path, CLAIM_KEYS);
    const match = check.object(record.match, `${path}.match`);
    check.known(match, `${path}.match`, [
      'terms',
      'figures',
      'exclude',
      'series',
      'first',
      'paraphrases',
      'paraphrasesEs',
    ]);
    const claim: CuratedClaim = {
      id: check.string(record.id, `${path}.id`, ID.pattern, ID.what),
      statement: check.string(record.statement, `${path}.statement`),
      claimant: check.string(record.claimant, `${path}.claimant`),
      date: check.string(record.date, `${path}.date`, DATE_PATTERN, 'a date as YYYY-MM-DD'),
      kind: check.oneOf(record.kind, `${path}.kind`, CLAIM_KINDS),
      status: check.oneOf(record.status, `${path}.status`, CLAIM_STATUSES),
      context: check.string(record.context, `${path}.context`),
      evidence: check.array(record.evidence, `${path}.evidence`).map((e, j) => {
        const evidencePath = `${path}.evidence[${j}]`;
        const evidence = check.object(e, evidencePath);
        check.known(evidence, evidencePath, ['source', 'quote', 'stance']);
        return {
          source: check.string(evidence.source, `${evidencePath}.source`, ID.pattern, ID.what),
          quote: check.string(evidence.quote, `${evidencePath}.quote`),
          stance: check.oneOf(evidence.stance, `${evidencePath}.stance`, EVIDENCE_STANCES),
        };
      }),
      about: check.strings(record.about ?? [], `${path}.about`, ID),
      match: {
        terms: check
          .array(match.terms, `${path}.match.terms`)
          .map((group, j) => check.strings(group, `${path}.match.terms[${j}]`, { min: 1 })),
        figures: check.strings(match.figures ?? [], `${path}.match.figures`),
        paraphrases: check.strings(match.paraphrases, `${path}.match.paraphrases`, { min: 1 }),
      },
    };
    if (match.exclude !== undefined) claim.match.exclude = check.strings(match.exclude, `${path}.match.exclude`);
    if (match.series !== undefined)
      claim.match.series = check.string(match.series, `${path}.match.series`, ID.pattern, ID.what);
    if (match.first !== undefined) claim.match.first = check.boolean(match.first, `${path}.match.first`);
    if (match.paraphrasesEs !== undefined)
      claim.match.paraphrasesEs = check.strings(match.paraphrasesEs, `${path}.match.paraphrasesEs`, { min: 1 });
    if (Array.isArray(record.evidence) && record.evidence.length === 0) {
      check.fail(`${path}.evidence`, 'at least one piece of evidence', record.evidence);
    }
    const claimant = check.optionalString(record.claimantEntity, `${path}.claimantEntity`, ID.pattern, ID.what);
    if (claimant) claim.claimantEntity = claimant;
    return claim;
  });
}

export function readArchiveSources(check: Checker, raw: unknown): ArchiveArticle[] {
  const root = check.object(raw, '$');
  return check.array(root.articles, '$.articles').map((item, i) => {
    const path = `$.articles[${i}]`;
    const record = check.object(item, path);
    const lines = check.array(record.lines, `${path}.lines`).map((n, j) => check.integer(n, `${path}.lines[${j}]`));
    return {
      id: check.string(record.id, `${path}.id`, ID.pattern, ID.what),
      file: check.string(record.file, `${path}.file`),
      lines: [lines[0] ?? 0, lines[1] ?? 0],
      headline: record.headline === null ? null : check.string(record.headline, `${path}.headline`),
      publisher: check.string(record.publisher, `${path}.publisher`),
      authors: check.strings(record.authors, `${path}.authors`),
      date: check.string(record.date, `${path}.date`, DATE_PATTERN, 'a date as YYYY-MM-DD'),
      dateIsEstimate: check.boolean(record.dateIsEstimate, `${path}.dateIsEstimate`),
      url: check.nullableString(record.url, `${path}.url`, URL_PATTERN, 'an https URL or null'),
      headlineLine: record.headlineLine === null ? null : check.integer(record.headlineLine, `${path}.headlineLine`),
      skipLines: check
        .array(record.skipLines, `${path}.skipLines`)
        .map((n, j) => check.integer(n, `${path}.skipLines[${j}]`)),
    };
  });
}

/** The team's judgement on one archive source (assets/curated/source-notes.json). */
export interface SourceNote {
  source: string;
  /** The archive's text is a machine-reworded copy, not the publisher's wording. */
  reworded: boolean;
  /** Why, in a sentence of our own citing the archive's note. */
  why: string;
}

export function readSourceNotes(check: Checker, raw: unknown): SourceNote[] {
  return check.array(raw, '$').map((item, i) => {
    const path = `$[${i}]`;
    const record = check.object(item, path);
    check.known(record, path, ['source', 'reworded', 'why']);
    return {
      source: check.string(record.source, `${path}.source`, ID.pattern, ID.what),
      reworded: check.boolean(record.reworded, `${path}.reworded`),
      why: check.string(record.why, `${path}.why`),
    };
  });
}

export function readTopic(check: Checker, raw: unknown): Topic {
  const record = check.object(raw, '$');
  check.known(record, '$', ['terms', 'broadTerms', 'minDistinct']);
  const topic: Topic = {
    terms: check.strings(record.terms, '$.terms', { min: 1 }),
    minDistinct: check.integer(record.minDistinct, '$.minDistinct'),
  };
  if (record.broadTerms !== undefined) topic.broadTerms = check.strings(record.broadTerms, '$.broadTerms');
  return topic;
}
