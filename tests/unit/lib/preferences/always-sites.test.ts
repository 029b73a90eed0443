import { describe, expect, it } from 'vitest';
import {
  ALWAYS_RUN_SCRIPT_ID,
  type AlwaysRunApis,
  type RegisteredScript,
  alwaysSites,
  patternMatches,
  siteAccess,
  siteLabel,
  sitePattern,
  syncAlwaysRun,
} from '../../../../lib/preferences/always-sites';

const BUILT_IN = ['*://*.cnn.com/*', '*://*.bbc.co.uk/*', 'http://127.0.0.1/*'];
const FILES = { js: ['content-scripts/content.js'], css: ['content-scripts/highlights.css'] };

describe('site patterns', () => {
  it.each([
    ['https://www.lemonde.fr/international/article/x.html?a=1#b', '*://www.lemonde.fr/*'],
    ['http://news.test:8080/a', '*://news.test/*'],
    ['chrome://extensions', undefined],
    ['file:///home/a.html', undefined],
    ['not a url', undefined],
  ])('the pattern for %s is %s', (url, pattern) => {
    expect(sitePattern(url)).toBe(pattern);
  });

  it.each([
    ['*://*.cnn.com/*', 'https://edition.cnn.com/world', true],
    ['*://*.cnn.com/*', 'http://cnn.com/', true],
    ['*://*.cnn.com/*', 'https://notcnn.com/', false],
    ['*://*.cnn.com/*', 'https://cnn.com.evil.example/', false],
    ['*://*.cnn.com/*', 'ftp://cnn.com/', false],
    ['https://www.lemonde.fr/*', 'http://www.lemonde.fr/', false],
    ['*://www.lemonde.fr/*', 'https://lemonde.fr/', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:41234/fixtures/demo.html', true],
    ['*://news.test/world/*', 'https://news.test/world/a', true],
    ['*://news.test/world/*', 'https://news.test/sport/a', false],
    ['*://*/*', 'https://anything.example/', true],
  ])('%s covers %s: %s', (pattern, url, expected) => {
    expect(patternMatches(pattern, url)).toBe(expected);
  });

  it('labels a pattern by its host', () => {
    expect(siteLabel('*://www.lemonde.fr/*')).toBe('www.lemonde.fr');
    expect(siteLabel('https://*.example.org/*')).toBe('*.example.org');
  });
});

describe('the always-run list', () => {
  it('keeps granted web origins, once each, by name, without the built-in ones', () => {
    const granted = ['*://www.yahoo.com/*', 'http://127.0.0.1/*', '*://folha.uol.com.br/*', 'chrome://favicon/*'];
    expect(alwaysSites([...granted, '*://www.yahoo.com/*'], BUILT_IN)).toEqual([
      '*://folha.uol.com.br/*',
      '*://www.yahoo.com/*',
    ]);
  });

  it.each([
    ['chrome://newtab/', [], 'not-a-site'],
    ['https://edition.cnn.com/a', [], 'built-in'],
    ['https://www.yahoo.com/news/a', [], 'ask'],
    ['https://www.yahoo.com/news/a', ['*://www.yahoo.com/*'], 'always'],
    ['https://sports.yahoo.com/a', ['*://www.yahoo.com/*'], 'ask'],
  ] as const)('on %s with %j granted the popup offers: %s', (url, granted, expected) => {
    expect(siteAccess(url, granted, BUILT_IN)).toBe(expected);
  });
});

/** In-memory permissions and scripting, recording what was called. */
function fakeApis(origins: string[], registered: RegisteredScript[] = []) {
  const calls: string[] = [];
  let scripts = [...registered];
  const apis: AlwaysRunApis = {
    permissions: { getAll: () => Promise.resolve({ origins: [...origins] }) },
    scripting: {
      getRegisteredContentScripts: ({ ids }) => Promise.resolve(scripts.filter((s) => ids.includes(s.id))),
      registerContentScripts: (added) => {
        calls.push('register');
        if (added.some((a) => scripts.some((s) => s.id === a.id))) return Promise.reject(new Error('Duplicate id'));
        scripts.push(...added);
        return Promise.resolve();
      },
      updateContentScripts: (updated) => {
        calls.push('update');
        scripts = scripts.map((s) => updated.find((u) => u.id === s.id) ?? s);
        return Promise.resolve();
      },
      unregisterContentScripts: ({ ids }) => {
        calls.push('unregister');
        scripts = scripts.filter((s) => !ids.includes(s.id));
        return Promise.resolve();
      },
    },
  };
  return { apis, calls, scripts: () => scripts, grant: (o: string) => origins.push(o), origins };
}

describe('keeping the registered content script in step', () => {
  it('registers the manifest content script on the first granted site, persisted', async () => {
    const fake = fakeApis(['*://www.yahoo.com/*']);
    expect(await syncAlwaysRun(fake.apis, FILES, BUILT_IN)).toEqual(['*://www.yahoo.com/*']);
    expect(fake.scripts()).toEqual([
      {
        id: ALWAYS_RUN_SCRIPT_ID,
        matches: ['*://www.yahoo.com/*'],
        js: FILES.js,
        css: FILES.css,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('updates the registration when a site is added, and leaves it alone when nothing changed', async () => {
    const fake = fakeApis(['*://www.yahoo.com/*']);
    await syncAlwaysRun(fake.apis, FILES, BUILT_IN);
    await syncAlwaysRun(fake.apis, FILES, BUILT_IN);
    fake.grant('*://www.nbcnews.com/*');
    await syncAlwaysRun(fake.apis, FILES, BUILT_IN);
    expect(fake.calls).toEqual(['register', 'update']);
    expect(fake.scripts()[0]!.matches).toEqual(['*://www.nbcnews.com/*', '*://www.yahoo.com/*']);
  });

  it('removes the registration with the last revoked site, and does nothing without one', async () => {
    const fake = fakeApis(['*://www.yahoo.com/*']);
    await syncAlwaysRun(fake.apis, FILES, BUILT_IN);
    fake.origins.length = 0;
    expect(await syncAlwaysRun(fake.apis, FILES, BUILT_IN)).toEqual([]);
    await syncAlwaysRun(fake.apis, FILES, BUILT_IN);
    expect(fake.calls).toEqual(['register', 'unregister']);
    expect(fake.scripts()).toEqual([]);
  });

  it('never registers the built-in sites a second time', async () => {
    const fake = fakeApis(['*://*.cnn.com/*', 'http://127.0.0.1/*']);
    expect(await syncAlwaysRun(fake.apis, FILES, BUILT_IN)).toEqual([]);
    expect(fake.calls).toEqual([]);
  });
});
