import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type Settings,
  hiddenCategories,
  isActiveOn,
  parseSettings,
  setMentionMode,
  toggleSite,
} from '../../../../lib/preferences/settings';

/** Settings that differ from the defaults only in what is given. */
const settings = (changes: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...changes });

describe('DEFAULT_SETTINGS', () => {
  it('is on everywhere', () => {
    expect(DEFAULT_SETTINGS.enabled).toBe(true);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
    expect(isActiveOn(DEFAULT_SETTINGS, 'www.bbc.co.uk')).toBe(true);
  });
});

describe('mentions', () => {
  it('highlight the first mention of every category by default (calm pages)', () => {
    expect(Object.values(DEFAULT_SETTINGS.mentions)).toEqual(Array(8).fill('first'));
    expect(Object.keys(DEFAULT_SETTINGS.mentions)).toEqual(expect.arrayContaining(['people', 'places', 'claims']));
    expect(hiddenCategories(DEFAULT_SETTINGS)).toEqual([]);
  });

  it('takes each category’s mode, and unknown modes or categories fall back or drop', () => {
    const parsed = parseSettings({ mentions: { people: 'all', claims: 'off', places: 'some', aliens: 'all' } });
    expect(parsed.mentions).toMatchObject({ people: 'all', claims: 'off', places: 'first' });
    expect(parsed.mentions).not.toHaveProperty('aliens');
    expect(hiddenCategories(parsed)).toEqual(['claims']);
  });

  it('migrates settings saved as hiddenCategories: those categories off, the others calm', () => {
    const parsed = parseSettings({ hiddenCategories: ['claims', 'people', 'nonsense'], style: 'underline' });
    expect(parsed.mentions).toMatchObject({ claims: 'off', people: 'off', places: 'first', drugs: 'first' });
    expect(parsed).not.toHaveProperty('hiddenCategories');
    expect(parsed.style).toBe('underline');
    // Once modes are saved they win over a leftover list.
    expect(parseSettings({ ...parsed, hiddenCategories: ['places'] }).mentions.places).toBe('first');
  });

  it('sets one category’s mode without touching the others', () => {
    const next = setMentionMode(DEFAULT_SETTINGS, 'places', 'all');
    expect(next.mentions).toEqual({ ...DEFAULT_SETTINGS.mentions, places: 'all' });
    expect(DEFAULT_SETTINGS.mentions.places).toBe('first');
  });
});

describe('parseSettings', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'enabled'],
    ['a number', 42],
    ['a boolean', false],
    ['an array', ['example.com']],
    ['an empty object', {}],
    ['a function', () => ({ enabled: false })],
  ])('falls back to the defaults for %s', (_what, raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it.each<[unknown, Partial<Settings>]>([
    [{ enabled: false }, { enabled: false }],
    [{ enabled: 'false' }, {}],
    [{ enabled: 0 }, {}],
    [{ enabled: null }, {}],
    [{ disabledSites: 'example.com' }, {}],
    [{ disabledSites: { 0: 'example.com' } }, {}],
    [{ disabledSites: ['a.com', 1, null, 'b.org', { host: 'c' }] }, { disabledSites: ['a.com', 'b.org'] }],
    [
      { enabled: false, disabledSites: ['news.example'], extra: 'ignored' },
      { enabled: false, disabledSites: ['news.example'] },
    ],
  ])('reads %j', (raw, changes) => {
    expect(parseSettings(raw)).toEqual(settings(changes));
  });

  it.each([[0], [200], [450], [5000]])('accepts a hover delay of %d ms', (hoverDelayMs) => {
    expect(parseSettings({ hoverDelayMs }).hoverDelayMs).toBe(hoverDelayMs);
  });

  it.each([[-1], [5001], [NaN], [Infinity], ['300'], [null], [[300]]])(
    'replaces a hover delay of %j by the default',
    (hoverDelayMs) => {
      expect(parseSettings({ hoverDelayMs }).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    },
  );

  it('keeps each field it understands and drops the rest', () => {
    const parsed = parseSettings({ ...DEFAULT_SETTINGS, enabled: false, theme: 'dark' });
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(parsed.enabled).toBe(false);
  });

  it('round-trips what it produced (as storage.sync hands it back)', () => {
    const saved = settings({ enabled: false, disabledSites: ['a.example', 'b.example'] });
    expect(parseSettings(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
  });

  it('never hands out the shared defaults', () => {
    const parsed = parseSettings(undefined);
    parsed.disabledSites.push('example.com');
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
    expect(parseSettings(undefined).disabledSites).toEqual([]);
  });
});

describe('toggleSite', () => {
  const base = settings({ disabledSites: ['b.example', 'd.example'] });

  it('adds a site, keeping the list sorted', () => {
    expect(toggleSite(base, 'c.example').disabledSites).toEqual(['b.example', 'c.example', 'd.example']);
    expect(toggleSite(base, 'a.example').disabledSites).toEqual(['a.example', 'b.example', 'd.example']);
  });

  it('removes a site that is there', () => {
    expect(toggleSite(base, 'b.example').disabledSites).toEqual(['d.example']);
  });

  it('toggling twice gives the original list back', () => {
    expect(toggleSite(toggleSite(base, 'c.example'), 'c.example')).toEqual(base);
  });

  it('keeps the other settings and does not mutate its input', () => {
    const paused = settings({ enabled: false, disabledSites: ['x.example'] });
    const next = toggleSite(paused, 'y.example');
    expect(next).toEqual({ ...paused, disabledSites: ['x.example', 'y.example'] });
    expect(paused.disabledSites).toEqual(['x.example']);
    expect(next).not.toBe(paused);
    expect(next.disabledSites).not.toBe(paused.disabledSites);
  });
});

describe('isActiveOn', () => {
  it.each<[Partial<Settings>, string, boolean]>([
    [{}, 'www.bbc.co.uk', true],
    [{ disabledSites: ['www.bbc.co.uk'] }, 'www.bbc.co.uk', false],
    [{ disabledSites: ['www.bbc.co.uk'] }, 'www.reuters.com', true],
    // Hostnames are matched exactly, as the popup stores them.
    [{ disabledSites: ['bbc.co.uk'] }, 'www.bbc.co.uk', true],
    [{ enabled: false }, 'www.bbc.co.uk', false],
    [{ enabled: false, disabledSites: ['www.reuters.com'] }, 'www.bbc.co.uk', false],
  ])('%j on %s -> %s', (changes, hostname, expected) => {
    expect(isActiveOn(settings(changes), hostname)).toBe(expected);
  });

  it('follows toggleSite', () => {
    const off = toggleSite(DEFAULT_SETTINGS, 'www.ft.com');
    expect(isActiveOn(off, 'www.ft.com')).toBe(false);
    expect(isActiveOn(off, 'www.bbc.co.uk')).toBe(true);
    expect(isActiveOn(toggleSite(off, 'www.ft.com'), 'www.ft.com')).toBe(true);
  });
});
