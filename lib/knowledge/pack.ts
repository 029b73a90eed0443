/**
 * Reads a compiled knowledge pack (assets/knowledge.json, or one a person imports): every field is
 * checked, and a bad pack is rejected whole with the JSON path of each bad field.
 */
import { readClaims, readEntities, readTopic } from './curated';
import type { Claim, Entity, KnowledgePack, Passage, Source } from './types';
import { Checker, DATE_PATTERN, ID_PATTERN, KnowledgeError, URL_PATTERN } from './validate';

const PACK_KEYS = ['version', 'name', 'topic', 'sources', 'entities', 'claims', 'passages'] as const;

/** Re-reads nested records with the curated readers, reporting paths relative to the pack's root. */
function nested<T>(check: Checker, prefix: string, raw: unknown, read: (c: Checker, raw: unknown) => T): T {
  const inner = new Checker(check.file);
  const result = read(inner, raw);
  for (const issue of inner.issues) check.issues.push({ ...issue, path: prefix + issue.path.slice(1) });
  return result;
}

function readSources(check: Checker, raw: unknown): Source[] {
  return check.array(raw, '$.sources').map((item, i) => {
    const path = `$.sources[${i}]`;
    const record = check.object(item, path);
    check.known(record, path, ['id', 'headline', 'publisher', 'authors', 'date', 'dateIsEstimate', 'url', 'reworded']);
    const source: Source = {
      id: check.string(record.id, `${path}.id`, ID_PATTERN, 'a kebab-case id'),
      headline: record.headline === null ? null : check.string(record.headline, `${path}.headline`),
      publisher: check.string(record.publisher, `${path}.publisher`),
      authors: check.strings(record.authors ?? [], `${path}.authors`),
      date: check.string(record.date, `${path}.date`, DATE_PATTERN, 'a date as YYYY-MM-DD'),
      dateIsEstimate:
        record.dateIsEstimate === undefined ? false : check.boolean(record.dateIsEstimate, `${path}.dateIsEstimate`),
      url:
        record.url === null || record.url === undefined
          ? null
          : check.string(record.url, `${path}.url`, URL_PATTERN, 'an https URL or null'),
    };
    if (record.reworded !== undefined) {
      const reworded = check.object(record.reworded, `${path}.reworded`);
      if (reworded === record.reworded) {
        check.known(reworded, `${path}.reworded`, ['why']);
        source.reworded = { why: check.string(reworded.why, `${path}.reworded.why`) };
      }
    }
    return source;
  });
}

function readPassages(check: Checker, raw: unknown, sourceIds: Set<string>): Passage[] {
  return check.array(raw, '$.passages').map((item, i) => {
    const path = `$.passages[${i}]`;
    const record = check.object(item, path);
    check.known(record, path, ['source', 'text']);
    const source = check.string(record.source, `${path}.source`);
    if (source && !sourceIds.has(source)) check.fail(`${path}.source`, 'the id of a source in $.sources', source);
    return { source, text: check.string(record.text, `${path}.text`) };
  });
}

/** A copy of a record without one key (the compiled-only fields the curated readers do not know). */
function without(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
}

function indexes(check: Checker, raw: unknown, path: string, size: number): number[] {
  return check.array(raw, path).map((n, i) => {
    const index = check.integer(n, `${path}[${i}]`);
    if (index >= size) check.fail(`${path}[${i}]`, `a passage index below ${size}`, n);
    return index;
  });
}

/** Parses and checks a whole pack; throws KnowledgeError listing every problem. */
export function parsePack(raw: unknown, file: string): KnowledgePack {
  const check = new Checker(file);
  const root = check.object(raw, '$');
  if (check.issues.length) throw new KnowledgeError(check.issues);
  check.known(root, '$', PACK_KEYS);
  const version = check.string(root.version, '$.version');
  const name = check.string(root.name, '$.name');
  const sources = readSources(check, root.sources);
  const sourceIds = new Set(sources.map((s) => s.id));
  const passages = readPassages(check, root.passages, sourceIds);

  const entityRecords = check.array(root.entities, '$.entities');
  // The curated reader knows every entity field but `passages`, which a compiled pack adds.
  const curated = nested(
    check,
    '$.entities',
    entityRecords.map((e) => without(e, 'passages')),
    readEntities,
  );
  const entities: Entity[] = curated.map((entity, i) => ({
    ...entity,
    passages: indexes(
      check,
      (entityRecords[i] as Record<string, unknown> | undefined)?.passages,
      `$.entities[${i}].passages`,
      passages.length,
    ),
  }));

  const claimRecords = check.array(root.claims, '$.claims');
  const curatedClaims = nested(
    check,
    '$.claims',
    claimRecords.map((c) => {
      const record = without(c, '');
      if (typeof record !== 'object' || record === null) return record;
      const evidence = (record as Record<string, unknown>).evidence;
      return { ...record, evidence: Array.isArray(evidence) ? evidence.map((e) => without(e, 'passage')) : evidence };
    }),
    readClaims,
  );
  const claims: Claim[] = curatedClaims.map((claim, i) => ({
    ...claim,
    evidence: claim.evidence.map((e, j) => {
      const rawEvidence = ((claimRecords[i] as { evidence?: unknown[] } | undefined)?.evidence ?? [])[j] as
        Record<string, unknown> | undefined;
      const passage = check.integer(rawEvidence?.passage, `$.claims[${i}].evidence[${j}].passage`);
      if (passage >= passages.length)
        check.fail(`$.claims[${i}].evidence[${j}].passage`, `a passage index below ${passages.length}`, passage);
      if (e.source && !sourceIds.has(e.source))
        check.fail(`$.claims[${i}].evidence[${j}].source`, 'the id of a source in $.sources', e.source);
      return { ...e, passage };
    }),
  }));

  const entityIds = new Set<string>();
  entities.forEach((entity, i) => {
    if (entityIds.has(entity.id)) check.fail(`$.entities[${i}].id`, 'a unique id', entity.id);
    entityIds.add(entity.id);
    entity.sources.forEach((s, j) => {
      if (!sourceIds.has(s)) check.fail(`$.entities[${i}].sources[${j}]`, 'the id of a source in $.sources', s);
    });
  });
  const topic = root.topic === undefined ? undefined : nested(check, '$.topic', root.topic, readTopic);

  if (check.issues.length) throw new KnowledgeError(check.issues);
  return { version, name, ...(topic ? { topic } : {}), sources, entities, claims, passages };
}
