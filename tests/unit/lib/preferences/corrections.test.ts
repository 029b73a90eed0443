import { describe, expect, it } from 'vitest';
import {
  type Correction,
  addCorrection,
  isCorrected,
  pageKey,
  parseCorrections,
  removeCorrection,
} from '../../../../lib/preferences/corrections';
import { DEFAULT_SETTINGS } from '../../../../lib/preferences/settings';
import { exportSettingsFile, importSettingsFile } from '../../../../lib/preferences/settings-file';

const maduro = { kind: 'entity' as const, id: 'nicolas-maduro', label: 'Nicolás Maduro' };
const notHere: Correction = {
  type: 'not-here',
  target: maduro,
  page: 'https://news.example/a',
  text: 'Maduro',
  createdAt: 't',
};
const neverOnSite: Correction = { type: 'never-on-site', target: maduro, hostname: 'cigars.example', createdAt: 't' };

const at = (url: string, text = 'Maduro', target = maduro) => ({ target, text, url, hostname: new URL(url).hostname });

describe('corrections', () => {
  it.each([
    ['the same page and text', at('https://news.example/a#comments'), true],
    ['another page', at('https://news.example/b'), false],
    ['other text on the same page', at('https://news.example/a', 'Nicolás Maduro'), false],
    ['another entity', at('https://news.example/a', 'Maduro', { ...maduro, id: 'other' }), false],
  ])('"not here" applies to %s: %s', (_, occurrence, expected) => {
    expect(isCorrected([notHere], occurrence)).toBe(expected);
  });

  it('"never on this site" covers every page of the site and nothing else', () => {
    expect(isCorrected([neverOnSite], at('https://cigars.example/reviews/1', 'Nicolás Maduro'))).toBe(true);
    expect(isCorrected([neverOnSite], at('https://news.example/a'))).toBe(false);
  });

  it('keeps one of each and undoes exactly one', () => {
    const list = addCorrection(addCorrection(addCorrection([], notHere), neverOnSite), notHere);
    expect(list).toHaveLength(2);
    expect(removeCorrection(list, notHere)).toEqual([neverOnSite]);
  });

  it('drops malformed stored entries', () => {
    expect(parseCorrections([notHere, { type: 'not-here', target: maduro }, { type: 'x' }, null])).toEqual([notHere]);
    expect(parseCorrections('nope')).toEqual([]);
  });

  it('compares pages without their fragment', () => {
    expect(pageKey('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1');
  });
});

describe('settings file', () => {
  it('round-trips settings and corrections', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      mentions: { ...DEFAULT_SETTINGS.mentions, claims: 'off' as const },
      hoverDelayMs: 900,
    };
    expect(importSettingsFile(exportSettingsFile(settings, [notHere, neverOnSite]))).toEqual({
      ok: true,
      settings,
      corrections: [notHere, neverOnSite],
    });
  });

  it.each([
    ['{', /^\$: expected valid JSON/],
    ['{"format":"other"}', /^\$\.format: expected "backstory-settings"/],
    ['{"format":"backstory-settings","version":2}', /^\$\.version: expected 1, got 2$/],
  ])('rejects %s with a clear reason', (text, message) => {
    const result = importSettingsFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('settings file with a part left out', () => {
  const file = (parts: object) => JSON.stringify({ format: 'backstory-settings', version: 1, ...parts });

  it('leaves the corrections out when the file has none, rather than emptying them', () => {
    expect(importSettingsFile(file({ settings: { hoverDelayMs: 900 } }))).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 900 },
    });
  });

  it('leaves the settings out when the file has corrections only', () => {
    expect(importSettingsFile(file({ corrections: [neverOnSite] }))).toEqual({ ok: true, corrections: [neverOnSite] });
  });

  it('rejects a file with neither', () => {
    expect(importSettingsFile(file({}))).toEqual({ ok: false, error: '$: expected settings, corrections or both' });
  });
});
