import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ClaimExclusion,
  checkableSignals,
  claimCoverageReport,
  readClaimExclusions,
} from '../../../../lib/pack-compiler/claim-coverage';
import type { Claim, KnowledgePack } from '../../../../lib/knowledge/types';
import { Checker } from '../../../../lib/knowledge/validate';
import { PACK_PATH, loadClaimExclusions } from '../../../../lib/tools/node/knowledge-files';

/** Sentences written for this test, one passage each, in two made-up sources. */
const PASSAGES = [
  ['harbour-news', 'The harbour authority seized 12 tonnes of cocaine in March.'], // 0: evidence (states)
  ['harbour-news', 'The mayor ordered a curfew for the docks.'], // 1: evidence (context only)
  ['harbour-news', 'The weather was pleasant along the quay.'], // 2: nothing checkable
  ['harbour-news', 'Customs officers said the ring had smuggled cocaine through the harbour since 2019.'], // 3: uncovered
  ['harbour-news', '“We will not stop until the port is clean,” the mayor said.'], // 4: a quote, excluded below
  ['river-daily', 'Police arrested three dock workers on Tuesday.'], // 5: uncovered
  ['river-daily', 'Officials say the port handled 12 tonnes of seized cocaine in March.'], // 6: found by the matcher
] as const;

function claim(id: string, evidence: Claim['evidence']): Claim {
  return {
    id,
    statement: 'The harbour authority seized 12 tonnes of cocaine in March.',
    claimant: 'Harbour authority',
    date: '2025-04-01',
    kind: 'figure',
    status: 'reported',
    context: 'Written for this test.',
    evidence,
    about: [],
    match: {
      terms: [['seized', 'seizure'], ['cocaine']],
      figures: ['12 tonnes'],
      paraphrases: ['Port officials seized 12 tonnes of cocaine.'],
    },
  };
}

const PACK: KnowledgePack = {
  version: 'test',
  name: 'Test pack',
  sources: [],
  entities: [],
  passages: PASSAGES.map(([source, text]) => ({ source, text })),
  claims: [
    claim('harbour-seizure', [
      { source: 'harbour-news', quote: 'seized 12 tonnes of cocaine', stance: 'states', passage: 0 },
      { source: 'harbour-news', quote: 'The mayor ordered a curfew', stance: 'context', passage: 1 },
    ]),
  ],
};

describe('checkableSignals', () => {
  it('names what a reader could check in a sentence', () => {
    expect(checkableSignals('The agency seized 4,000 kg of cocaine in 2023.')).toEqual(['figure', 'date']);
    expect(checkableSignals('The group was designated a terrorist organization.')).toEqual(['designation']);
    expect(checkableSignals('She was awarded the Nobel Peace Prize on Friday.')).toEqual(['award']);
    expect(checkableSignals('Washington revoked his visa and imposed sanctions.')).toEqual(['sanction', 'visa']);
    expect(checkableSignals('He threatened to pardon the former president.')).toEqual(['arrest', 'threat']);
    expect(checkableSignals('Voters rejected the referendum.')).toEqual(['vote']);
    expect(checkableSignals('The minister said “the port is under attack from organised crime” today.')).toEqual([
      'quote',
    ]);
  });

  it('finds nothing in sentences without checkable content', () => {
    expect(checkableSignals('The weather was pleasant along the quay.')).toEqual([]);
    // "one" is rarely a figure, "in order to" is not an order, "May" the verb is not a month.
    expect(checkableSignals('One official said they may act in order to help.')).toEqual([]);
    // A short quoted title is not a quotation.
    expect(checkableSignals('She hosts the podcast “Harbour Talk”.')).toEqual([]);
  });
});

describe('claimCoverageReport', () => {
  it('counts a sentence as covered when a claim states it or the matcher finds a claim in it', () => {
    const report = claimCoverageReport(PACK);
    expect(report.checkable).toBe(6);
    expect(report.byEvidence).toBe(1);
    expect(report.byMatcher).toBe(1);
    expect(report.uncovered.map((s) => s.passage)).toEqual([1, 3, 4, 5]);
  });

  it('does not count a sentence quoted only as context, and says which claim quotes it', () => {
    const report = claimCoverageReport(PACK);
    const curfew = report.uncovered.find((s) => s.passage === 1)!;
    expect(curfew.signals).toEqual(['order']);
    expect(curfew.contextOf).toEqual(['harbour-seizure']);
    expect(report.uncovered.find((s) => s.passage === 5)!.contextOf).toEqual([]);
  });

  it('covers the sentences an evidence quote runs on into', () => {
    const pack: KnowledgePack = {
      ...PACK,
      claims: [
        claim('harbour-seizure', [
          {
            source: 'harbour-news',
            quote: 'curfew for the docks. The weather was pleasant along the quay. Customs officers said the ring',
            stance: 'supports',
            passage: 1,
          },
        ]),
      ],
    };
    const uncovered = claimCoverageReport(pack).uncovered.map((s) => s.passage);
    expect(uncovered).not.toContain(1);
    expect(uncovered).not.toContain(3);
    expect(uncovered).toEqual([4, 5]);
  });

  it('leaves out sentences excluded with a reason, and reports exclusions that no longer apply', () => {
    const exclusions: ClaimExclusion[] = [
      { source: 'harbour-news', quote: 'We will not stop until the port is clean', reason: 'a vow, nothing to check' },
      { source: 'harbour-news', quote: 'The harbour authority seized', reason: 'now a claim' },
      { source: 'harbour-news', quote: 'The weather was pleasant', reason: 'nothing checkable' },
      { source: 'river-daily', quote: 'We will not stop until the port is clean', reason: 'wrong source' },
    ];
    const report = claimCoverageReport(PACK, exclusions);
    expect(report.excluded).toBe(1);
    expect(report.uncovered.map((s) => s.passage)).toEqual([1, 3, 5]);
    expect(report.unusedExclusions.map(({ index, why }) => [index, why])).toEqual([
      [1, 'covered by a claim'],
      [2, 'not checkable'],
      [3, 'no sentence'],
    ]);
  });
});

describe('readClaimExclusions', () => {
  it('reads source, quote and reason, and names a missing reason by its path', () => {
    const check = new Checker('claims-excluded.json');
    const read = readClaimExclusions(check, [
      { source: 'harbour-news', quote: 'The mayor ordered', reason: 'background' },
      { source: 'harbour-news', quote: 'Police arrested' },
    ]);
    expect(read[0]).toEqual({ source: 'harbour-news', quote: 'The mayor ordered', reason: 'background' });
    expect(check.issues.map((issue) => issue.path)).toEqual(['$[1].reason']);
  });
});

describe('the bundled archive', () => {
  const pack = JSON.parse(readFileSync(PACK_PATH, 'utf8')) as KnowledgePack;
  const report = claimCoverageReport(pack, loadClaimExclusions());

  it('has no checkable sentence that is neither a claim nor excluded with a reason', () => {
    expect(report.uncovered.map((s) => `#${s.passage} ${s.source}: ${s.text}`)).toEqual([]);
    expect(report.checkable).toBeGreaterThan(200);
  });

  it('has no exclusion that no longer applies', () => {
    expect(report.unusedExclusions.map(({ exclusion, why }) => `${why}: ${exclusion.quote}`)).toEqual([]);
  });
});
