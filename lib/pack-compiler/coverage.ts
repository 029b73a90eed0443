/**
 * Coverage report: runs of capitalised words and acronyms in the archive that no entity covers,
 * so that omissions in the curated files are visible.
 */
import { compileMatcherData, loadMatcher } from '../matcher/compile';
import { findEntities } from '../matcher/find';
import { type ArchiveInput, articleBody } from './compile-pack';
import type { KnowledgePack } from '../knowledge/types';

export interface CoverageRow {
  name: string;
  count: number;
  sources: string[];
}

/** Capitalised words that start sentences or name things nobody would annotate. */
const IGNORED = new Set(
  `A About After Again Ahead All Also Although Among An And Another Any April As Asked At August But By Can Critics
  December Despite During Earlier Each Even Ever Every Experts February For Former Friday From Given He Her Here His
  How However I If In Instead It Its January July June Just Last Later Like Many March May Meanwhile Monday More
  Most Mr Ms Much My New No Not November Now October Of On One Only Or Other Our Over President Rather Saturday
  September She Since So Some Still Such Sunday That The Their Then There These They This Those Though Thursday
  To Today Tuesday Under Until Up We Wednesday What When Where Whether Which While Who Why With Yet You`.split(/\s+/),
);

const CANDIDATE =
  /\b(?:[A-Z][\p{L}’'.-]*[\p{L}]|[A-Z]{2,})(?:\s+(?:(?:de|del|la|los|las|of|the|and|y|van|der)\s+)?(?:[A-Z][\p{L}’'.-]*[\p{L}]|[A-Z]{2,}))*/gu;

const SENTENCE_START = /(?:^|[.!?:;“"‘(\u2029]\s*)$/;
const CONTRACTION = /[’'](?:m|re|ve|ll|d|s)$|n[’']t$/;

/**
 * `ignored` holds names a person reviewed and decided are not entities (demonyms, programme titles,
 * publications that only carry the story), each with its reason, in assets/curated/coverage-ignore.json.
 */
export function coverageReport(
  pack: KnowledgePack,
  archive: ArchiveInput,
  ignored: Readonly<Record<string, string>> = {},
): CoverageRow[] {
  const matcher = loadMatcher(compileMatcherData(pack.version, pack.entities));
  const rows = new Map<string, CoverageRow & { midSentence: boolean }>();
  const bodies = archive.articles.map((article) => articleBody(article, archive.files[article.file] ?? ''));
  // A capitalised word that also occurs in lower case is an ordinary word starting a sentence.
  const lowerWords = new Set(bodies.flatMap((body) => body.text.match(/\b\p{Ll}[\p{L}’'-]*/gu) ?? []));
  for (const [articleIndex, article] of archive.articles.entries()) {
    const body = bodies[articleIndex]!;
    const covered = findEntities(matcher, body.text, { maxPerEntity: Infinity, maxTotal: Infinity });
    const isCovered = (start: number, end: number) => covered.some((f) => f.start < end && f.end > start);
    for (const match of body.text.matchAll(CANDIDATE)) {
      const words = match[0].split(/\s+/);
      while (words.length && IGNORED.has(words[0]!.replace(/[’']s$/, ''))) words.shift();
      const name = words.join(' ').replace(/[’']s$/, '');
      if (!name || IGNORED.has(name) || name.length < 2 || name in ignored || CONTRACTION.test(name)) continue;
      if (!name.includes(' ') && lowerWords.has(name.toLowerCase())) continue;
      const start =
        match.index +
        match[0].length -
        name.length -
        (match[0].endsWith('s') && name !== match[0].slice(-name.length) ? 2 : 0);
      if (isCovered(Math.max(start, match.index), match.index + match[0].length)) continue;
      const row = rows.get(name) ?? { name, count: 0, sources: [], midSentence: false };
      row.count++;
      row.midSentence ||= !SENTENCE_START.test(body.text.slice(Math.max(0, match.index - 3), match.index));
      if (!row.sources.includes(article.id)) row.sources.push(article.id);
      rows.set(name, row);
    }
  }
  // A lone word seen only at sentence starts is most likely an ordinary word ("Blowing", "Certainly").
  return [...rows.values()]
    .filter((row) => row.name.includes(' ') || row.midSentence || /^\p{Lu}{2,}$/u.test(row.name))
    .map(({ name, count, sources }) => ({ name, count, sources }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
