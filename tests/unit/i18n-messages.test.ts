/**
 * The _locales files: every language has the same keys and placeholders as English, every message
 * the code asks for exists, and every message is asked for somewhere.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessagesFile } from '../../lib/view/i18n';

const ROOT = join(import.meta.dirname, '..', '..');
const LOCALES = join(ROOT, 'assets', 'public', '_locales');
const languages = readdirSync(LOCALES);
const files = Object.fromEntries(
  languages.map((language) => [
    language,
    JSON.parse(readFileSync(join(LOCALES, language, 'messages.json'), 'utf8')) as MessagesFile,
  ]),
);
const english = files.en!;

/** Source files that can show text: components, entrypoints, lib and the manifest's config. */
function sources(): { path: string; text: string }[] {
  const found: string[] = [join(ROOT, 'wxt.config.ts')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|html)$/.test(entry.name)) found.push(path);
    }
  };
  for (const dir of ['components', 'entrypoints', 'lib']) walk(join(ROOT, dir));
  return found.map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
}

/** Keys in calls: t('key'), plural('key', …), parts('key', …), t(cond ? 'a' : 'b'), <RichMessage id="key">, __MSG_key__. */
function keysUsed(text: string): string[] {
  const keys: string[] = [];
  for (const [, args] of text.matchAll(/\.(?:t|plural|parts)\(([^,)]*)/g)) {
    for (const [, key] of args!.matchAll(/(?:^|[?:(])\s*'([A-Za-z0-9_]+)'/g)) keys.push(key!);
  }
  for (const [, key] of text.matchAll(/<RichMessage\s+id="([A-Za-z0-9_]+)"/g)) keys.push(key!);
  for (const [, key] of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) keys.push(key!);
  return keys;
}

const placeholdersOf = (file: MessagesFile, key: string) =>
  Object.fromEntries(Object.entries(file[key]?.placeholders ?? {}).map(([name, p]) => [name, p.content]));

describe('_locales', () => {
  it('has English and Spanish, English being the manifest’s default', () => {
    expect(languages.sort()).toEqual(['en', 'es']);
    expect(readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8')).toContain("default_locale: 'en'");
  });

  for (const language of languages.filter((l) => l !== 'en')) {
    const file = files[language]!;

    it(`${language}: has exactly the English keys`, () => {
      expect(Object.keys(file).sort()).toEqual(Object.keys(english).sort());
    });

    it(`${language}: has the same placeholders as English, standing for the same substitutions`, () => {
      for (const key of Object.keys(english)) {
        expect({ key, placeholders: placeholdersOf(file, key) }).toEqual({
          key,
          placeholders: placeholdersOf(english, key),
        });
      }
    });

    it(`${language}: says which language it is, for dates and numbers`, () => {
      expect(file.messagesLanguage?.message).toBe(language);
    });
  }

  for (const language of languages) {
    it(`${language}: uses every placeholder it declares and declares every one it uses`, () => {
      for (const [key, entry] of Object.entries(files[language]!)) {
        const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
        const declared = Object.keys(entry.placeholders ?? {}).sort();
        expect({ key, used: [...new Set(used)] }).toEqual({ key, used: declared });
        expect(entry.message.trim(), key).not.toBe('');
      }
    });
  }

  it('has keys the browser accepts, and plural forms in pairs', () => {
    for (const key of Object.keys(english)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      const plural = /^(.+)_(one|other)$/.exec(key);
      if (plural) expect(english[`${plural[1]}_one`] && english[`${plural[1]}_other`], key).toBeTruthy();
    }
  });
});

describe('message keys in the code', () => {
  const code = sources();
  const pluralBases = new Set(Object.keys(english).flatMap((key) => /^(.+)_other$/.exec(key)?.[1] ?? []));

  it('finds the calls it checks (the scan itself works)', () => {
    const card = code.find((file) => file.path === join('components', 'Card.tsx'))!;
    expect(keysUsed(card.text)).toEqual(
      expect.arrayContaining(['claimsAbout', 'notThisEntityHere', 'notThisClaimHere']),
    );
    expect(keysUsed(`i18n.t(kind === 'claim' ? 'noSuchClaim' : 'noSuchEntity', id)`)).toEqual([
      'noSuchClaim',
      'noSuchEntity',
    ]);
  });

  it('exist in English (plural keys as their _one/_other pair)', () => {
    const missing = code.flatMap(({ path, text }) =>
      keysUsed(text)
        .filter((key) => !(key in english) && !pluralBases.has(key))
        .map((key) => `${path}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('every English message is used somewhere', () => {
    const all = code.map((file) => file.text).join('\n');
    const unused = Object.keys(english)
      .map((key) => /^(.+)_(one|other)$/.exec(key)?.[1] ?? key)
      .filter((key) => !all.includes(`'${key}'`) && !all.includes(`"${key}"`) && !all.includes(`__MSG_${key}__`));
    expect([...new Set(unused)]).toEqual([]);
  });
});
