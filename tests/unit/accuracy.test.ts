/**
 * The accuracy targets of tests/accuracy (same evaluation as `npm run accuracy`): entity precision
 * and recall, claim precision and recall, and no highlight at all on trap sentences.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPack } from '../../lib/tools/node/annotate-files';
import { PACK_PATH, PROJECT_ROOT } from '../../lib/tools/node/knowledge-files';
import { SET_MINIMUMS, TARGETS, asSentences, evaluate, formatReport, isTrap } from '../accuracy/evaluate';

const sentences = asSentences(
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'tests', 'accuracy', 'sentences.json'), 'utf8')) as unknown,
);
const pack = readPack(PACK_PATH);
const report = evaluate(pack, sentences);
const details = `\n${formatReport(report)}`;

describe('accuracy set', () => {
  it('is big enough and names only ids the pack knows', () => {
    expect(report.setProblems, details).toEqual([]);
    expect(sentences.length).toBeGreaterThanOrEqual(SET_MINIMUMS.sentences);
    expect(sentences.filter(isTrap).length).toBeGreaterThanOrEqual(SET_MINIMUMS.traps);
  });

  it('never copies a sentence twice', () => {
    const texts = sentences.map((s) => s.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('matcher accuracy on tests/accuracy/sentences.json', () => {
  it(`entities: precision ≥ ${TARGETS.entityPrecision}, recall ≥ ${TARGETS.entityRecall}`, () => {
    expect(report.entities.precision, details).toBeGreaterThanOrEqual(TARGETS.entityPrecision);
    expect(report.entities.recall, details).toBeGreaterThanOrEqual(TARGETS.entityRecall);
  });

  it(`claims: precision ≥ ${TARGETS.claimPrecision}, recall ≥ ${TARGETS.claimRecall}`, () => {
    expect(report.claims.precision, details).toBeGreaterThanOrEqual(TARGETS.claimPrecision);
    expect(report.claims.recall, details).toBeGreaterThanOrEqual(TARGETS.claimRecall);
  });

  it('highlights nothing in trap sentences', () => {
    const hits = report.falsePositives.filter((d) => d.trap).map((d) => `#${d.sentence} ${d.id} ← ${d.detail}`);
    expect(hits, details).toEqual([]);
  });
});
