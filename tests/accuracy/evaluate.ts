/**
 * Accuracy of the matcher on tests/accuracy/sentences.json: each sentence on its own, as if it were
 * the whole page, through the same finders the content script runs. Pure: the caller loads the pack
 * and the sentences (run.ts for `npm run accuracy`, tests/unit/accuracy.test.ts for `npm test`).
 */
import { annotateText, matcherFromPack, type AnnotationPack } from '../../lib/findings/annotate';
import type { Matcher } from '../../lib/matcher/compile';

export interface AccuracySentence {
  text: string;
  /** Entity ids expected to be highlighted at least once in the sentence. */
  entities: string[];
  /** Claim ids expected to be found in the sentence. */
  claims: string[];
  /** What the sentence tests (free text, for the reader of the set). */
  note?: string;
  /**
   * The kind of page the sentence comes from. Background entities (a country, a newspaper) are only
   * highlighted on pages about the pack's subject; by default a trap comes from an unrelated page and
   * every other sentence from an article on the subject.
   */
  page?: 'on-topic' | 'off-topic';
}

export interface Targets {
  entityPrecision: number;
  entityRecall: number;
  claimPrecision: number;
  claimRecall: number;
  /** Trap sentences (nothing expected) allowed to get any highlight. */
  trapHighlights: number;
}

export const TARGETS: Targets = {
  entityPrecision: 0.98,
  entityRecall: 0.95,
  claimPrecision: 0.9,
  claimRecall: 0.8,
  trapHighlights: 0,
};

/** Minimum size of the set, so that shrinking it cannot make the targets easier. */
export const SET_MINIMUMS = { sentences: 150, traps: 40, distinctClaims: 40 };

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** One predicted id that was not expected, or one expected id that was not predicted. */
export interface Discrepancy {
  sentence: number;
  text: string;
  kind: 'entity' | 'claim';
  id: string;
  /** For false positives: what matched and why ("Kelly" alias Kelly, cue-nearby: senator). */
  detail?: string;
  trap: boolean;
}

export interface AccuracyReport {
  sentences: number;
  traps: number;
  distinctClaims: number;
  entities: Score;
  claims: Score;
  /** Indexes of trap sentences that got at least one highlight. */
  trapHits: number[];
  misses: Discrepancy[];
  falsePositives: Discrepancy[];
  /** Problems with the set itself (unknown ids, too small). */
  setProblems: string[];
  /** Targets not met, in words; empty when everything passes. */
  failures: string[];
}

export const isTrap = (sentence: AccuracySentence) => sentence.entities.length === 0 && sentence.claims.length === 0;

function score(tp: number, fp: number, fn: number): Score {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/** Checks the set's shape (for data read from JSON); throws with the first problem. */
export function asSentences(value: unknown): AccuracySentence[] {
  if (!Array.isArray(value)) throw new Error('sentences.json must be an array');
  value.forEach((item: unknown, index) => {
    const s = item as Partial<AccuracySentence> | null;
    const ok =
      !!s &&
      typeof s.text === 'string' &&
      s.text.trim() !== '' &&
      Array.isArray(s.entities) &&
      s.entities.every((id) => typeof id === 'string') &&
      Array.isArray(s.claims) &&
      s.claims.every((id) => typeof id === 'string') &&
      (s.note === undefined || typeof s.note === 'string');
    if (!ok) throw new Error(`sentences.json[${index}] must be { text, entities: string[], claims: string[], note? }`);
  });
  return value as AccuracySentence[];
}

export function evaluate(
  pack: AnnotationPack,
  sentences: readonly AccuracySentence[],
  targets: Targets = TARGETS,
  matcher: Matcher = matcherFromPack(pack),
): AccuracyReport {
  const entityIds = new Set(pack.entities.map((e) => e.id));
  const claimIds = new Set(pack.claims.map((c) => c.id));
  const setProblems: string[] = [];
  const misses: Discrepancy[] = [];
  const falsePositives: Discrepancy[] = [];
  const trapHits: number[] = [];
  const expectedClaims = new Set<string>();
  const count = { entity: { tp: 0, fp: 0, fn: 0 }, claim: { tp: 0, fp: 0, fn: 0 } };

  sentences.forEach((sentence, index) => {
    for (const id of sentence.entities) if (!entityIds.has(id)) setProblems.push(`#${index}: unknown entity id ${id}`);
    for (const id of sentence.claims) if (!claimIds.has(id)) setProblems.push(`#${index}: unknown claim id ${id}`);
    for (const id of sentence.claims) expectedClaims.add(id);
    const trap = isTrap(sentence);
    const onTopic = (sentence.page ?? (trap ? 'off-topic' : 'on-topic')) === 'on-topic';
    const found = annotateText(matcher, sentence.text, { assumeOnTopic: onTopic });
    if (trap && (found.entities.length || found.claims.length)) trapHits.push(index);

    const entityDetail = new Map<string, string>();
    for (const e of found.entities) {
      if (entityDetail.has(e.id)) continue;
      const why = e.rule === 'alias' ? 'alias' : `${e.rule}: ${e.cue ?? ''}`;
      entityDetail.set(e.id, `"${e.text}" (alias "${e.alias}", ${why})`);
    }
    const claimDetail = new Map(found.claims.map((c) => [c.id, `sentence "${c.text}"`] as const));

    const compare = (kind: 'entity' | 'claim', expected: readonly string[], predicted: Map<string, string>) => {
      const tally = count[kind];
      const want = new Set(expected);
      for (const id of want) {
        if (predicted.has(id)) tally.tp++;
        else {
          tally.fn++;
          misses.push({ sentence: index, text: sentence.text, kind, id, trap });
        }
      }
      for (const [id, detail] of predicted) {
        if (want.has(id)) continue;
        tally.fp++;
        falsePositives.push({ sentence: index, text: sentence.text, kind, id, detail, trap });
      }
    };
    compare('entity', sentence.entities, entityDetail);
    compare('claim', sentence.claims, claimDetail);
  });

  const traps = sentences.filter(isTrap).length;
  if (sentences.length < SET_MINIMUMS.sentences) {
    setProblems.push(`only ${sentences.length} sentences (at least ${SET_MINIMUMS.sentences})`);
  }
  if (traps < SET_MINIMUMS.traps) setProblems.push(`only ${traps} trap sentences (at least ${SET_MINIMUMS.traps})`);
  if (expectedClaims.size < SET_MINIMUMS.distinctClaims) {
    setProblems.push(`only ${expectedClaims.size} distinct claims expected (at least ${SET_MINIMUMS.distinctClaims})`);
  }

  const entities = score(count.entity.tp, count.entity.fp, count.entity.fn);
  const claims = score(count.claim.tp, count.claim.fp, count.claim.fn);
  const failures: string[] = [...setProblems];
  const below = (label: string, value: number, target: number) => {
    if (value < target) failures.push(`${label} ${value.toFixed(3)} is below ${target}`);
  };
  below('entity precision', entities.precision, targets.entityPrecision);
  below('entity recall', entities.recall, targets.entityRecall);
  below('claim precision', claims.precision, targets.claimPrecision);
  below('claim recall', claims.recall, targets.claimRecall);
  if (trapHits.length > targets.trapHighlights) {
    failures.push(`${trapHits.length} trap sentence(s) got highlights (at most ${targets.trapHighlights})`);
  }

  return {
    sentences: sentences.length,
    traps,
    distinctClaims: expectedClaims.size,
    entities,
    claims,
    trapHits,
    misses,
    falsePositives,
    setProblems,
    failures,
  };
}

/** The report as the table and lists `npm run accuracy` prints. */
export function formatReport(report: AccuracyReport, targets: Targets = TARGETS): string {
  const pct = (x: number) => x.toFixed(3);
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(10) : c.padStart(9))).join(' ');
  const line = (label: string, s: Score, tp: number, tr: number) =>
    row([
      label,
      String(s.truePositives),
      String(s.falsePositives),
      String(s.falseNegatives),
      pct(s.precision),
      `≥${tp}`,
      pct(s.recall),
      `≥${tr}`,
    ]);
  const out = [
    `Accuracy set: ${report.sentences} sentences, ${report.traps} traps, ${report.distinctClaims} distinct claims expected`,
    '',
    row(['', 'TP', 'FP', 'FN', 'precision', 'target', 'recall', 'target']),
    line('entities', report.entities, targets.entityPrecision, targets.entityRecall),
    line('claims', report.claims, targets.claimPrecision, targets.claimRecall),
    `trap sentences with a highlight: ${report.trapHits.length} (target ≤ ${targets.trapHighlights})`,
  ];
  const show = (title: string, list: Discrepancy[]) => {
    out.push('', `${title} (${list.length})`);
    for (const d of list) {
      out.push(`  #${d.sentence}${d.trap ? ' [trap]' : ''} ${d.kind} ${d.id}${d.detail ? ` ← ${d.detail}` : ''}`);
      out.push(`      ${JSON.stringify(d.text)}`);
    }
  };
  show('Misses', report.misses);
  show('False positives', report.falsePositives);
  if (report.setProblems.length) out.push('', 'Problems with the set:', ...report.setProblems.map((p) => `  ${p}`));
  out.push('', report.failures.length ? `FAIL: ${report.failures.join('; ')}` : 'PASS: all targets met');
  return out.join('\n');
}
