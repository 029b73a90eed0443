/**
 * The team's own accuracy set and the real-news development corpus (../shared/realtext, when present)
 * measured the same way side by side: per language, each text as its own page, and all texts joined
 * as one page that mixes stories. The corpus is third-party news: it is read from ../shared at run
 * time and never copied into the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AnnotationPack, annotateText } from '../../lib/findings/annotate';
import type { Matcher } from '../../lib/matcher/compile';
import { languageAround } from '../../lib/matcher/language';
import { type AccuracySentence, evaluate } from './evaluate';

export type Language = 'en' | 'es';

/** Hits against the expected total and the predicted total. */
export interface Tally {
  found: number;
  expected: number;
  correct: number;
  predicted: number;
}

export interface Figures {
  entities: Record<Language | 'all', Tally>;
  claims: Record<Language | 'all', Tally>;
  /** Off-topic texts (traps), and highlights of entities or claims on them that are false. */
  traps: { texts: number; falseHighlights: number };
  /** Entity precision when every text is one story of a single page. */
  mixed: { correct: number; predicted: number };
}

const tally = (): Tally => ({ found: 0, expected: 0, correct: 0, predicted: 0 });
const perLanguage = () => ({ en: tally(), es: tally(), all: tally() });

/** Texts joined as a page joins stories: a blank line between two. */
export const STORY_GAP = '\n\n';

/** The team set: each sentence scored as evaluate.ts scores it, grouped by the language it is written in. */
export function teamSetFigures(
  pack: AnnotationPack,
  sentences: readonly AccuracySentence[],
  matcher: Matcher,
): Figures {
  const figures: Figures = {
    entities: perLanguage(),
    claims: perLanguage(),
    traps: { texts: 0, falseHighlights: 0 },
    mixed: { correct: 0, predicted: 0 },
  };
  for (const lang of ['en', 'es'] as const) {
    const subset = sentences.filter((s) => languageOf(s.text) === lang);
    const report = evaluate(pack, subset, undefined, matcher);
    for (const [kind, score] of [
      ['entities', report.entities],
      ['claims', report.claims],
    ] as const) {
      for (const key of [lang, 'all'] as const) {
        const t = figures[kind][key];
        t.found += score.truePositives;
        t.expected += score.truePositives + score.falseNegatives;
        t.correct += score.truePositives;
        t.predicted += score.truePositives + score.falsePositives;
      }
    }
    figures.traps.texts += report.traps;
    figures.traps.falseHighlights += report.trapHits.length;
  }
  // One page: a sentence's highlight is right when its id is expected in that sentence.
  const starts: number[] = [];
  let page = '';
  for (const sentence of sentences) {
    if (page) page += STORY_GAP;
    starts.push(page.length);
    page += sentence.text;
  }
  for (const entity of annotateText(matcher, page).entities) {
    const i = lastAtOrBefore(starts, entity.start);
    figures.mixed.predicted++;
    if (sentences[i]!.entities.includes(entity.id)) figures.mixed.correct++;
  }
  return figures;
}

/** languageAround over the whole text; English when it cannot tell. */
function languageOf(text: string): Language {
  return languageAround(text, 0, text.length) ?? 'en';
}

function lastAtOrBefore(values: readonly number[], at: number): number {
  let i = values.length - 1;
  while (i > 0 && values[i]! > at) i--;
  return i;
}

interface CorpusText {
  id: string;
  lang: Language;
  text: string;
  trap?: boolean;
}

interface Labelled {
  start: number;
  end: number;
  entity: string | null;
}

interface CorpusLabels {
  id: string;
  entities: Labelled[];
  claims: { claim: string | null }[];
}

/** Where the development corpus lives, relative to the project; undefined when it is absent. */
export function findCorpus(projectRoot: string): string | undefined {
  const dir = join(projectRoot, '..', 'shared', 'realtext');
  return existsSync(join(dir, 'articles.json')) && existsSync(join(dir, 'labels.json')) ? dir : undefined;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * The development corpus, scored as its README says: a labelled mention is found when a highlight
 * with its id overlaps it, a highlight is right when a labelled mention with its id overlaps it;
 * claims per text by id (on traps every claim is false). The page that mixes stories interleaves a
 * trap after every third on-topic text, as the corpus's own scorer does with --mixed.
 */
export function corpusFigures(dir: string, matcher: Matcher): Figures {
  const texts = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')) as CorpusText[];
  const labelList = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as CorpusLabels[];
  const labels = new Map(labelList.map((l) => [l.id, l]));
  const figures: Figures = {
    entities: perLanguage(),
    claims: perLanguage(),
    traps: { texts: 0, falseHighlights: 0 },
    mixed: { correct: 0, predicted: 0 },
  };
  const goldOf = (text: CorpusText) => (labels.get(text.id)?.entities ?? []).filter((l) => l.entity);

  for (const text of texts) {
    const found = annotateText(matcher, text.text);
    const gold = goldOf(text);
    const keys = [text.lang, 'all'] as const;
    if (text.trap) {
      figures.traps.texts++;
      const falseEntities = found.entities.filter((x) => !gold.some((g) => g.entity === x.id && overlaps(g, x)));
      figures.traps.falseHighlights += falseEntities.length + found.claims.length;
      for (const key of keys) figures.claims[key].predicted += new Set(found.claims.map((c) => c.id)).size;
      continue;
    }
    for (const key of keys) {
      const e = figures.entities[key];
      for (const g of gold) {
        e.expected++;
        if (found.entities.some((x) => x.id === g.entity && overlaps(g, x))) e.found++;
      }
      for (const x of found.entities) {
        e.predicted++;
        if (gold.some((g) => g.entity === x.id && overlaps(g, x))) e.correct++;
      }
      const expected = new Set((labels.get(text.id)?.claims ?? []).flatMap((c) => (c.claim ? [c.claim] : [])));
      const predicted = new Set(found.claims.map((c) => c.id));
      const hits = [...expected].filter((id) => predicted.has(id)).length;
      const c = figures.claims[key];
      c.expected += expected.size;
      c.found += hits;
      c.predicted += predicted.size;
      c.correct += hits;
    }
  }

  const onTopic = texts.filter((t) => !t.trap);
  const traps = texts.filter((t) => t.trap);
  const order: CorpusText[] = [];
  onTopic.forEach((text, i) => {
    order.push(text);
    const trap = i % 3 === 2 ? traps[(i - 2) / 3] : undefined;
    if (trap) order.push(trap);
  });
  for (const trap of traps) if (!order.includes(trap)) order.push(trap);
  const starts: number[] = [];
  let page = '';
  for (const text of order) {
    if (page) page += STORY_GAP;
    starts.push(page.length);
    page += text.text;
  }
  for (const entity of annotateText(matcher, page).entities) {
    const i = lastAtOrBefore(starts, entity.start);
    const at = { start: entity.start - starts[i]!, end: entity.end - starts[i]! };
    figures.mixed.predicted++;
    if (goldOf(order[i]!).some((g) => g.entity === entity.id && overlaps(g, at))) figures.mixed.correct++;
  }
  return figures;
}

const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');

function cell(t: Tally): string {
  return `P ${percent(t.correct, t.predicted).padStart(6)}  R ${percent(t.found, t.expected).padStart(6)}`;
}

/** Both sets in one table, the corpus column left out (with a note) when it is absent. */
export function formatSideBySide(team: Figures, corpus: Figures | undefined): string {
  const width = 26;
  const row = (label: string, a: string, b?: string) =>
    `${label.padEnd(22)}${a.padEnd(width)}${b === undefined ? '' : b}`.trimEnd();
  const out = [row('', 'team set', corpus ? 'dev corpus (../shared/realtext)' : undefined)];
  for (const kind of ['entities', 'claims'] as const) {
    for (const key of ['en', 'es', 'all'] as const) {
      out.push(row(`${kind} ${key}`, cell(team[kind][key]), corpus && cell(corpus[kind][key])));
    }
  }
  const traps = (f: Figures) => `${f.traps.falseHighlights} false on ${f.traps.texts} traps`;
  out.push(row('trap highlights', traps(team), corpus && traps(corpus)));
  const mixed = (f: Figures) => `P ${percent(f.mixed.correct, f.mixed.predicted).padStart(6)} (${f.mixed.predicted})`;
  out.push(row('one mixed page: ents', mixed(team), corpus && mixed(corpus)));
  if (!corpus) out.push('', 'dev corpus: ../shared/realtext is not here, so only the team set is shown.');
  return out.join('\n');
}
