import { describe, expect, it } from 'vitest';
import type { ClaimFindingData, EntityFindingData } from '../../../../lib/export/findings';
import { badgeText, countFindings, countReport, describeCount } from '../../../../lib/findings/page-report';
import { i18nFor } from '../../support/i18n';

const en = i18nFor('en', 'en-US');
const es = i18nFor('es');

const entity = (id: string, start: number): EntityFindingData => ({
  id,
  name: id,
  type: 'person',
  start,
  end: start + 3,
});
const claim = (id: string, start: number): ClaimFindingData => ({
  id,
  statement: id,
  status: 'reported',
  start,
  end: start + 20,
});

describe('one count of a page’s findings', () => {
  it('counts a report’s mentions and the different names and claims they are of', () => {
    const count = countReport({
      entities: [{ count: 5 }, { count: 1 }],
      claims: [{ count: 2 }],
    });
    expect(count).toEqual({ mentions: 8, items: 3 });
  });

  it('counts export findings the same way: one per mention, items by kind and id', () => {
    const findings = {
      entities: [entity('maduro', 0), entity('maduro', 40), entity('petro', 80)],
      // An entity and a claim may share an id string; they are still two items.
      claims: [claim('maduro', 0), claim('strikes', 100)],
    };
    expect(countFindings(findings)).toEqual({ mentions: 5, items: 4 });
  });

  it('gives a report and the export of the same findings the same count', () => {
    const findings = { entities: [entity('a', 0), entity('a', 9), entity('b', 20)], claims: [claim('c', 30)] };
    const report = { entities: [{ count: 2 }, { count: 1 }], claims: [{ count: 1 }] };
    expect(countFindings(findings)).toEqual(countReport(report));
  });

  it('says what it counts, in the UI language', () => {
    expect(describeCount(en, { mentions: 118, items: 40 })).toBe('118 mentions of 40 names and claims');
    expect(describeCount(en, { mentions: 1, items: 1 })).toBe('1 mention of 1 name or claim');
    expect(describeCount(en, { mentions: 1234, items: 56 })).toBe('1,234 mentions of 56 names and claims');
    expect(describeCount(es, { mentions: 118, items: 40 })).toBe('118 menciones de 40 nombres y afirmaciones');
  });

  it('puts the mentions on the badge, empty when there are none, shortened past 999', () => {
    expect(badgeText({ mentions: 0, items: 0 })).toBe('');
    expect(badgeText({ mentions: 118, items: 40 })).toBe('118');
    expect(badgeText({ mentions: 1500, items: 40 })).toBe('999+');
  });
});
