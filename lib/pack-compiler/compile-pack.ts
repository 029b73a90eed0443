/**
 * Archive + curated records → knowledge pack. Pure and deterministic: the CLI does the file I/O.
 */
import { compileMatcherData, loadMatcher } from '../matcher/compile';
import { findEntities } from '../matcher/find';
import { BLOCK_SEPARATOR, foldKey } from '../text/fold';
import type { ArchiveArticle, CuratedClaim, CuratedEntity, SourceNote } from '../knowledge/curated';
import { markdownLineToText } from '../knowledge/markdown';
import type { Claim, Entity, KnowledgePack, Passage, Source, SourceRewording, Topic } from '../knowledge/types';
import { KnowledgeError, type ValidationIssue } from '../knowledge/validate';
import { withAliasVariants } from './alias-variants';

export interface ArchiveInput {
  articles: ArchiveArticle[];
  /** Archive file name → its text. */
  files: Record<string, string>;
}

export interface CuratedInput {
  topic?: Topic;
  entities: { file: string; records: CuratedEntity[] }[];
  claims: { file: string; records: CuratedClaim[] }[];
  /** The team's notes on sources (which ones are reworded copies). */
  sourceNotes?: { file: string; records: SourceNote[] };
}

/** One article's body: its lines joined by block separators, and where each passage lies in it. */
export interface ArticleBody {
  source: string;
  text: string;
  passages: { start: number; end: number }[];
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function articleBody(article: ArchiveArticle, fileText: string): ArticleBody {
  const lines = fileText.split(/\r?\n/);
  const body: string[] = [];
  for (let n = article.lines[0]; n <= article.lines[1]; n++) {
    const raw = (lines[n - 1] ?? '').trim();
    const line = article.file.endsWith('.md') ? markdownLineToText(raw) : raw;
    if (!line || n === article.headlineLine || article.skipLines.includes(n)) continue;
    body.push(line);
  }
  const text = body.join(BLOCK_SEPARATOR);
  const passages: ArticleBody['passages'] = [];
  let offset = 0;
  for (const line of body) {
    for (const { segment, index } of segmenter.segment(line)) {
      const trimmed = segment.trimEnd();
      if (trimmed) passages.push({ start: offset + index, end: offset + index + trimmed.length });
    }
    offset += line.length + 1;
  }
  return { source: article.id, text, passages };
}

/** Treats every kind of space alike (one for one, so offsets hold) when looking for a quote. */
function spaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2029]/g, ' ');
}

/** Reworded sources by id; a note on a source the archive does not have, or a second note on one, is an issue. */
function sourceRewordings(
  notes: CuratedInput['sourceNotes'],
  sourceIds: ReadonlySet<string>,
  issues: ValidationIssue[],
): Map<string, SourceRewording> {
  const rewordings = new Map<string, SourceRewording>();
  const seen = new Set<string>();
  notes?.records.forEach((note, i) => {
    if (!sourceIds.has(note.source))
      issues.push({
        file: notes.file,
        path: `$[${i}].source`,
        message: `expected a source id from archive/sources.json, got "${note.source}"`,
      });
    else if (seen.has(note.source))
      issues.push({
        file: notes.file,
        path: `$[${i}].source`,
        message: `expected one note per source, "${note.source}" has two`,
      });
    seen.add(note.source);
    if (note.reworded) rewordings.set(note.source, { why: note.why });
  });
  return rewordings;
}

/** Each entity with the variants of its names (alias-variants.ts), none written like another entity's name. */
function withVariants(records: readonly CuratedEntity[]): CuratedEntity[] {
  const owners = new Map<string, Set<string>>();
  for (const record of records) {
    for (const name of [record.name, ...record.aliases]) {
      const key = foldKey(name);
      owners.set(key, (owners.get(key) ?? new Set()).add(record.id));
    }
  }
  return records.map((record) => {
    const taken = new Set([...owners].filter(([, ids]) => !ids.has(record.id)).map(([key]) => key));
    return withAliasVariants(record, taken);
  });
}

export function compilePack(
  version: string,
  archive: ArchiveInput,
  curated: CuratedInput,
  name = 'Backstory archive',
): KnowledgePack {
  const issues: ValidationIssue[] = [];
  const articles = [...archive.articles].sort((a, b) => a.date.localeCompare(b.date));
  const sourceIds = new Set(articles.map((a) => a.id));
  const rewordings = sourceRewordings(curated.sourceNotes, sourceIds, issues);
  const sources: Source[] = articles.map(({ id, headline, publisher, authors, date, dateIsEstimate, url }) => {
    const reworded = rewordings.get(id);
    return { id, headline, publisher, authors, date, dateIsEstimate, url, ...(reworded ? { reworded } : {}) };
  });

  const bodies = articles.map((article) => {
    const fileText = archive.files[article.file];
    if (fileText === undefined) {
      issues.push({
        file: 'archive/sources.json',
        path: `$.articles[?(@.id=='${article.id}')].file`,
        message: `expected an archive file, "${article.file}" is missing`,
      });
      return { source: article.id, text: '', passages: [] };
    }
    return articleBody(article, fileText);
  });
  const passages: Passage[] = [];
  const passageBase: number[] = [];
  for (const body of bodies) {
    passageBase.push(passages.length);
    for (const p of body.passages) passages.push({ source: body.source, text: body.text.slice(p.start, p.end) });
  }
  const passageAt = (bodyIndex: number, offset: number) => {
    const body = bodies[bodyIndex]!;
    const local = body.passages.findIndex((p) => offset < p.end);
    return passageBase[bodyIndex]! + Math.max(local, 0);
  };

  const entityRecords = curated.entities.flatMap(({ file, records }) =>
    records.map((record, i) => ({ file, i, record })),
  );
  const entityIds = new Set<string>();
  for (const { file, i, record } of entityRecords) {
    if (entityIds.has(record.id))
      issues.push({ file, path: `$[${i}].id`, message: `expected a unique id, "${record.id}" is used twice` });
    entityIds.add(record.id);
    record.sources.forEach((s, j) => {
      if (!sourceIds.has(s))
        issues.push({
          file,
          path: `$[${i}].sources[${j}]`,
          message: `expected a source id from archive/sources.json, got "${s}"`,
        });
    });
  }
  for (const { file, i, record } of entityRecords) {
    record.related.forEach((id, j) => {
      if (!entityIds.has(id))
        issues.push({ file, path: `$[${i}].related[${j}]`, message: `expected an entity id, got "${id}"` });
    });
  }

  const sortedEntities = withVariants(entityRecords.map((e) => e.record)).sort((a, b) => a.id.localeCompare(b.id));
  const matcher = loadMatcher(compileMatcherData(version, sortedEntities));
  const entityPassages = sortedEntities.map(() => new Set<number>());
  bodies.forEach((body, bodyIndex) => {
    for (const finding of findEntities(matcher, body.text, { maxPerEntity: Infinity, maxTotal: Infinity })) {
      entityPassages[finding.entity]!.add(passageAt(bodyIndex, finding.start));
    }
  });
  const entities: Entity[] = sortedEntities.map((record, index) => ({
    ...record,
    passages: [...entityPassages[index]!].sort((a, b) => a - b),
  }));

  const claims: Claim[] = [];
  const claimIds = new Set<string>();
  for (const { file, records } of curated.claims) {
    records.forEach((record, i) => {
      if (claimIds.has(record.id))
        issues.push({ file, path: `$[${i}].id`, message: `expected a unique id, "${record.id}" is used twice` });
      claimIds.add(record.id);
      for (const [field, ids] of [
        ['about', record.about],
        ['claimantEntity', record.claimantEntity ? [record.claimantEntity] : []],
      ] as const) {
        ids.forEach((id, j) => {
          if (!entityIds.has(id))
            issues.push({
              file,
              path: `$[${i}].${field}${field === 'about' ? `[${j}]` : ''}`,
              message: `expected an entity id, got "${id}"`,
            });
        });
      }
      const evidence = record.evidence.map((e, j) => {
        const bodyIndex = bodies.findIndex((b) => b.source === e.source);
        const at = bodyIndex < 0 ? -1 : spaces(bodies[bodyIndex]!.text).indexOf(spaces(e.quote));
        if (at < 0) {
          const message =
            bodyIndex < 0
              ? `expected a source id, got "${e.source}"`
              : `expected a quote found word for word in ${e.source}`;
          issues.push({ file, path: `$[${i}].evidence[${j}]${bodyIndex < 0 ? '.source' : '.quote'}`, message });
          return { ...e, passage: 0 };
        }
        return { ...e, passage: passageAt(bodyIndex, at) };
      });
      claims.push({ ...record, evidence });
    });
  }
  claims.sort((a, b) => a.id.localeCompare(b.id));

  if (issues.length) throw new KnowledgeError(issues);
  return {
    version,
    name,
    ...(curated.topic ? { topic: curated.topic } : {}),
    sources,
    entities,
    claims,
    passages,
  };
}
