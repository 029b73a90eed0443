import { describe, expect, it } from 'vitest';
import type { MatcherData } from '../../../../lib/matcher/compile';
import { type Correction, textHash } from '../../../../lib/preferences/corrections';
import { type ShownRules, isShown } from '../../../../lib/preferences/shown';

// The two lists isShown reads; the rest of the matcher data plays no part.
const data = {
  entities: [
    { id: 'maduro', name: 'Nicolás Maduro', type: 'person' },
    { id: 'tren', name: 'Tren de Aragua', type: 'armed-group', pack: 'newsroom' },
  ],
  claims: { claims: [{ id: 'strikes', statement: 'Strikes began in September', status: 'supported' }] },
} as unknown as MatcherData;

const PAGE = { url: 'https://news.example/story#top', hostname: 'news.example' };
const rules = (over: Partial<ShownRules> = {}): ShownRules => ({
  hiddenCategories: [],
  corrections: [],
  page: () => PAGE,
  ...over,
});
const target = { kind: 'entity' as const, id: 'maduro', label: 'Nicolás Maduro' };
const maduro = { kind: 'entity' as const, item: 0, text: () => 'Maduro' };
const claim = { kind: 'claim' as const, item: 0, text: () => 'The strikes began in September.' };

describe('isShown', () => {
  it('shows everything by default', () => {
    expect(isShown(data, maduro, rules())).toBe(true);
    expect(isShown(data, claim, rules())).toBe(true);
  });

  it('hides the categories the reader turned off, and only those', () => {
    expect(isShown(data, maduro, rules({ hiddenCategories: ['people'] }))).toBe(false);
    expect(isShown(data, claim, rules({ hiddenCategories: ['people'] }))).toBe(true);
    expect(isShown(data, claim, rules({ hiddenCategories: ['claims'] }))).toBe(false);
  });

  it('hides an occurrence a "not here" correction covers on this page, with this text', () => {
    const notHere: Correction = {
      type: 'not-here',
      target,
      page: 'https://news.example/story',
      textHash: textHash('Maduro'),
      createdAt: '2026-01-01T00:00:00Z',
    };
    expect(isShown(data, maduro, rules({ corrections: [notHere] }))).toBe(false);
    expect(isShown(data, { ...maduro, text: () => 'Nicolás Maduro' }, rules({ corrections: [notHere] }))).toBe(true);
    const elsewhere = () => ({ url: 'https://news.example/other', hostname: 'news.example' });
    expect(isShown(data, maduro, rules({ corrections: [notHere], page: elsewhere }))).toBe(true);
  });

  it('tells packs apart, and hides a whole site with "never on this site"', () => {
    const never: Correction = {
      type: 'never-on-site',
      target: { kind: 'entity', id: 'tren', pack: 'newsroom', label: 'Tren de Aragua' },
      hostname: 'news.example',
      createdAt: '2026-01-01T00:00:00Z',
    };
    const tren = { kind: 'entity' as const, item: 1, text: () => 'Tren de Aragua' };
    expect(isShown(data, tren, rules({ corrections: [never] }))).toBe(false);
    const bundled = { kind: 'entity' as const, id: 'tren', label: 'Tren de Aragua' };
    expect(isShown(data, tren, rules({ corrections: [{ ...never, target: bundled }] }))).toBe(true);
  });

  it('reads neither the text nor the page when there are no corrections', () => {
    const untouchable = () => {
      throw new Error('read');
    };
    expect(isShown(data, { ...maduro, text: untouchable }, rules({ page: untouchable }))).toBe(true);
  });
});
