import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileClaimMatcherData, findClaims, loadClaimMatcher } from '../../../../lib/claims/match';
import type { KnowledgePack } from '../../../../lib/knowledge/types';

const pack = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../../assets/knowledge.json'), 'utf8'),
) as KnowledgePack;
const matcher = loadClaimMatcher(compileClaimMatcherData(pack.claims));
const found = (text: string) => new Set(findClaims(matcher, text).map((f) => matcher.data.claims[f.claim]!.id));

describe('the bundled pack’s claims', () => {
  it('each have a Spanish wording', () => {
    expect(pack.claims.filter((claim) => !claim.match.paraphrasesEs?.length).map((claim) => claim.id)).toEqual([]);
  });

  const cases = pack.claims.flatMap((claim) =>
    [...claim.match.paraphrases, ...(claim.match.paraphrasesEs ?? [])].map((text) => [claim.id, text] as const),
  );
  it.each(cases)('%s is found in its paraphrase: %s', (id, text) => {
    expect([...found(text)]).toContain(id);
  });
});
