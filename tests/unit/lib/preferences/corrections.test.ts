import { describe, expect, it } from 'vitest';
import {
  type Correction,
  addCorrection,
  isCorrected,
  notHereCorrection,
  pageKey,
  parseCorrections,
  removeCorrection,
  textHash,
} from '../../../../lib/preferences/corrections';
import { DEFAULT_SETTINGS } from '../../../../lib/preferences/settings';
import { exportSettingsFile, importSettingsFile } from '../../../../lib/preferences/settings-file';

const maduro = { kind: 'entity' as const, id: 'nicolas-maduro', label: 'Nicolás Maduro' };
const notHere: Correction = {
  type: 'not-here',
  target: maduro,
  page: 'https://news.example/a',
  textHash: textHash('Maduro'),
  createdAt: 't',
};
const neverOnSite: Correction = { type: 'never-on-site', target: maduro, hostname: 'cigars.example', createdAt: 't' };

const at = (url: string, text = 'Maduro', target = maduro) => ({ target, text, url, hostname: new URL(url).hostname });

describe('corrections', () => {
  it.each([
    ['the same page and text', at('https://news.example/a#comments'), true],
    ['the same page with another query string', at('https://news.example/a?utm_source=x'), true],
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

  it('compares pages by origin and path, without query string or fragment', () => {
    expect(pageKey('https://a.example/x?y=1#z')).toBe('https://a.example/x');
    expect(pageKey('http://127.0.0.1:8080/a/b.html?q=secret')).toBe('http://127.0.0.1:8080/a/b.html');
    expect(pageKey('not a url?token=1#x')).toBe('not a url');
  });
});

describe('what a "not here" correction keeps (issue 18, item 12)', () => {
  const sentence = 'Officials said 94 percent of the fentanyl crossed at ports of entry, a source told us.';
  const url = 'https://news.example/story?session=abc123&email=reader%40mail.example#para-4';

  it('keeps origin and path and a hash of the text, never the text or the query string', () => {
    const correction = notHereCorrection(maduro, url, sentence, '2026-01-01T00:00:00.000Z');
    expect(correction).toEqual({
      type: 'not-here',
      target: maduro,
      page: 'https://news.example/story',
      textHash: textHash(sentence),
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const stored = JSON.stringify(correction);
    for (const secret of ['fentanyl', 'session', 'abc123', 'reader', 'para-4']) expect(stored).not.toContain(secret);
    expect(isCorrected([correction], { target: maduro, text: sentence, url, hostname: 'news.example' })).toBe(true);
    expect(isCorrected([correction], { target: maduro, text: 'Maduro', url, hostname: 'news.example' })).toBe(false);
  });

  it('hashes texts apart, the same way every time', () => {
    expect(textHash('Maduro')).toBe(textHash('Maduro'));
    expect(textHash('Maduro')).toMatch(/^[0-9a-f]{14}$/);
    const hashes = new Set(['Maduro', 'maduro', 'Nicolás Maduro', 'Nicolas Maduro', '', sentence].map(textHash));
    expect(hashes.size).toBe(6);
  });

  it('converts corrections stored with the full URL and the text', () => {
    const old = {
      type: 'not-here',
      target: maduro,
      page: 'https://news.example/a?session=abc123#top',
      text: 'Maduro',
      createdAt: 't',
    };
    const [migrated] = parseCorrections([old]);
    expect(migrated).toEqual(notHere);
    expect(JSON.stringify(migrated)).not.toMatch(/session|"text"/);
    expect(isCorrected([migrated!], at('https://news.example/a'))).toBe(true);
  });

  it('exports no page text and no query string with the settings', () => {
    const file = exportSettingsFile(DEFAULT_SETTINGS, [notHereCorrection(maduro, url, sentence, 't')]);
    expect(file).not.toContain('fentanyl');
    expect(file).not.toContain('session');
    expect(importSettingsFile(file)).toMatchObject({ ok: true, corrections: [{ page: 'https://news.example/story' }] });
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
