/**
 * Data lint over the real archive, curated files and committed pack (in the spirit of Dark Reader's
 * config tests): these fail when a curated record is wrong, not when the code is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleBody } from '../../lib/pack-compiler/compile-pack';
import { CLAIM_STATUSES, ENTITY_TYPES, type KnowledgePack } from '../../lib/knowledge/types';
import { compileMatcherData, loadMatcher } from '../../lib/matcher/compile';
import { findEntities } from '../../lib/matcher/find';
import { DEFAULT_DIRS, PACK_PATH, buildPack, loadInputs, serializePack } from '../../lib/tools/node/knowledge-files';
import { foldKey } from '../../lib/text/fold';

const committedText = readFileSync(PACK_PATH, 'utf8');
const committed = JSON.parse(committedText) as KnowledgePack;
const built = buildPack();
const inputs = loadInputs();
const matcher = loadMatcher(compileMatcherData(built.version, built.entities));
const rawSources = JSON.parse(readFileSync(join(DEFAULT_DIRS.archive, 'sources.json'), 'utf8')) as {
  articles: { id: string; url: string | null }[];
};

/** Ids that occur more than once. */
function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

describe('the committed pack', () => {
  it('is up to date (run `npm run knowledge` after editing assets/)', () => {
    expect(committedText === serializePack(built), 'assets/knowledge.json is stale').toBe(true);
  });

  it('has the minimal shape outside tools rely on', () => {
    expect(typeof committed.version).toBe('string');
    expect(committed.version).toMatch(/^\d{4}-\d{2}-\d{2}\+[0-9a-f]{10}$/);
    expect(committed.sources.length).toBeGreaterThan(0);
    expect(committed.entities.length).toBeGreaterThan(0);
    expect(committed.claims.length).toBeGreaterThan(0);
    for (const source of committed.sources) {
      expect(source.id, 'source id').toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(
        source.headline === null || (typeof source.headline === 'string' && source.headline !== ''),
        source.id,
      ).toBe(true);
      expect(typeof source.publisher, source.id).toBe('string');
      expect(source.date, source.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(source.url === null || /^https:\/\/\S+$/.test(source.url), source.id).toBe(true);
    }
    for (const entity of committed.entities) {
      expect(entity.id, 'entity id').toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(typeof entity.name, entity.id).toBe('string');
      expect(ENTITY_TYPES, entity.id).toContain(entity.type);
      expect(Array.isArray(entity.aliases) && entity.aliases.every((a) => typeof a === 'string'), entity.id).toBe(true);
      expect(typeof entity.summary === 'string' && entity.summary.trim() !== '', entity.id).toBe(true);
    }
    for (const claim of committed.claims) {
      expect(claim.id, 'claim id').toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(typeof claim.statement === 'string' && claim.statement.trim() !== '', claim.id).toBe(true);
      expect(CLAIM_STATUSES, claim.id).toContain(claim.status);
    }
  });

  it('invents no URL: every url is the one in assets/archive/sources.json', () => {
    const archiveUrls = new Map(rawSources.articles.map((a) => [a.id, a.url]));
    for (const source of committed.sources) {
      expect(archiveUrls.has(source.id), source.id).toBe(true);
      expect(source.url, source.id).toBe(archiveUrls.get(source.id));
    }
    // No other address sneaks in through summaries, contexts or passages either.
    const known = new Set([...archiveUrls.values()].filter((url): url is string => url !== null));
    const mentioned = committedText.match(/https?:\/\/[^\s"\\)]+/g) ?? [];
    expect(mentioned.filter((url) => !known.has(url))).toEqual([]);
  });
});

describe('ids', () => {
  it('are unique among sources, entities and claims', () => {
    expect(duplicates(built.sources.map((s) => s.id))).toEqual([]);
    expect(duplicates(built.entities.map((e) => e.id))).toEqual([]);
    expect(duplicates(built.claims.map((c) => c.id))).toEqual([]);
  });

  it('are unique within each entity list', () => {
    for (const e of built.entities) {
      expect(duplicates(e.aliases), `${e.id} aliases`).toEqual([]);
      expect(duplicates(e.cues), `${e.id} cues`).toEqual([]);
      expect(duplicates(e.related), `${e.id} related`).toEqual([]);
      expect(e.related, e.id).not.toContain(e.id);
    }
  });
});

describe('entities', () => {
  it('every alias resolves to its entity next to its first cue or unambiguous name', () => {
    const failures: string[] = [];
    built.entities.forEach((entity, index) => {
      const unambiguous = [entity.name, ...entity.aliases].find((a) => !entity.ambiguous.includes(a));
      const context = entity.cues[0] ?? unambiguous;
      for (const alias of new Set([entity.name, ...entity.aliases])) {
        // An alias of one language is tried in a sentence of that language.
        const spanish = entity.spanishOnly?.includes(alias);
        const prefix = spanish ? 'Ayer ' : 'Yesterday ';
        const text = spanish
          ? `${prefix}${alias} fue noticia de nuevo, según la prensa, con ${context ?? ''}.`
          : `${prefix}${alias} was in the news again, as reported alongside ${context ?? ''}.`;
        const finding = findEntities(matcher, text).find((f) => f.start === prefix.length);
        if (finding?.entity !== index || finding.end !== prefix.length + alias.length) {
          const got = finding
            ? `${built.entities[finding.entity]!.id} "${text.slice(finding.start, finding.end)}"`
            : 'nothing';
          failures.push(`${entity.id}: "${alias}" (context "${context}") -> ${got}`);
        }
      }
    });
    expect(failures).toEqual([]);
  });

  it('no alias is silently shared: entities sharing a folded alias list it as ambiguous and have cues', () => {
    const owners = new Map<
      string,
      { id: string; alias: string; ambiguous: boolean; cues: number; lang: string | undefined }[]
    >();
    for (const e of built.entities) {
      for (const alias of new Set([e.name, ...e.aliases])) {
        const key = foldKey(alias);
        const list = owners.get(key) ?? [];
        const lang = e.spanishOnly?.includes(alias) ? 'es' : e.englishOnly?.includes(alias) ? 'en' : undefined;
        list.push({ id: e.id, alias, ambiguous: e.ambiguous.includes(alias), cues: e.cues.length, lang });
        owners.set(key, list);
      }
    }
    const problems: string[] = [];
    for (const [key, list] of owners) {
      if (new Set(list.map((o) => o.id)).size < 2) continue;
      // Shared across languages only ("EU"): each language has one owner.
      const langs = list.map((o) => o.lang);
      if (langs.every((lang) => lang) && new Set(langs).size === list.length) continue;
      for (const owner of list) {
        if (!owner.ambiguous) problems.push(`"${key}": ${owner.id} does not list "${owner.alias}" as ambiguous`);
        if (!owner.cues) problems.push(`"${key}": ${owner.id} has no cues`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every entity has at least one passage', () => {
    expect(built.entities.filter((e) => e.passages.length === 0).map((e) => e.id)).toEqual([]);
  });

  it('passage indexes are valid and in order', () => {
    for (const e of built.entities) {
      expect(
        e.passages.every((p) => p >= 0 && p < built.passages.length),
        e.id,
      ).toBe(true);
      expect(
        [...e.passages].sort((a, b) => a - b),
        e.id,
      ).toEqual(e.passages);
    }
  });

  it('every entity is named in the archive text by its name or an alias', () => {
    const bodies = inputs.archive.articles.map((a) => articleBody(a, inputs.archive.files[a.file]!).text);
    const text = foldKey(bodies.join(' '));
    const unnamed = built.entities.filter(
      (e) => ![e.name, ...e.aliases].some((alias) => text.includes(foldKey(alias))),
    );
    expect(unnamed.map((e) => e.id)).toEqual([]);
  });
});

describe('claims', () => {
  it('every claim has evidence, the first of which states it', () => {
    for (const claim of built.claims) {
      expect(claim.evidence.length, claim.id).toBeGreaterThan(0);
      expect(claim.evidence[0]!.stance, claim.id).toBe('states');
    }
  });

  it('every piece of evidence sits in a passage of its own source', () => {
    for (const claim of built.claims) {
      for (const evidence of claim.evidence) {
        const passage = built.passages[evidence.passage];
        expect(passage?.source, `${claim.id}: ${evidence.quote}`).toBe(evidence.source);
      }
    }
  });

  it('about and claimantEntity name known entities', () => {
    const ids = new Set(built.entities.map((e) => e.id));
    for (const claim of built.claims) {
      for (const id of [...claim.about, ...(claim.claimantEntity ? [claim.claimantEntity] : [])]) {
        expect(ids.has(id), `${claim.id}: ${id}`).toBe(true);
      }
    }
  });
});

describe('sources', () => {
  it('every source is used by an entity passage or a claim', () => {
    const used = new Set<string>();
    for (const e of built.entities) for (const p of e.passages) used.add(built.passages[p]!.source);
    for (const c of built.claims) for (const e of c.evidence) used.add(e.source);
    expect(built.sources.map((s) => s.id).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('our own words', () => {
  const RUN = 8;
  /** Lower case, no diacritics, dashes as spaces, punctuation stripped ("U.S." is one word, "us"). */
  const words = (text: string) =>
    foldKey(text.replace(/[\u2028\u2029]/g, ' '))
      .replace(/[^\p{L}\p{N}\s]/gu, '')
      .split(/\s+/)
      .filter(Boolean);
  const archiveRuns = new Set<string>();
  for (const text of Object.values(inputs.archive.files)) {
    const w = words(text);
    for (let i = 0; i + RUN <= w.length; i++) archiveRuns.add(w.slice(i, i + RUN).join(' '));
  }
  const copied = (text: string) => {
    const w = words(text);
    for (let i = 0; i + RUN <= w.length; i++) {
      const run = w.slice(i, i + RUN).join(' ');
      if (archiveRuns.has(run)) return run;
    }
    return undefined;
  };

  it('the word-run check catches a copied sentence', () => {
    const body = articleBody(inputs.archive.articles[0]!, inputs.archive.files[inputs.archive.articles[0]!.file]!);
    const sentence = body.text.slice(body.passages[0]!.start, body.passages[0]!.end);
    expect(words(sentence).length).toBeGreaterThanOrEqual(RUN);
    expect(copied(`In our words: ${sentence.toUpperCase()}`)).toBeDefined();
  });

  it('summaries share no run of 8 or more words with the archive', () => {
    const found = built.entities.flatMap((e) => {
      const run = copied(e.summary);
      return run ? [`${e.id}: "${run}"`] : [];
    });
    expect(found).toEqual([]);
  });

  it('claim context notes share no run of 8 or more words with the archive', () => {
    const found = built.claims.flatMap((c) => {
      const run = copied(c.context);
      return run ? [`${c.id}: "${run}"`] : [];
    });
    expect(found).toEqual([]);
  });
});
