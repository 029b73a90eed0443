import { describe, expect, it } from 'vitest';
import { withoutLocalPages } from '../../../../../lib/tools/build/store-manifest';
import { CONTENT_SCRIPT_MATCHES, LOCAL_PAGE_MATCHES, NEWS_SITE_MATCHES } from '../../../../../lib/preferences/sites';

describe('store manifest', () => {
  it('drops the local pages from content scripts and web-accessible resources, and nothing else', () => {
    const manifest = {
      content_scripts: [{ matches: [...CONTENT_SCRIPT_MATCHES], js: ['content-scripts/content.js'] }],
      web_accessible_resources: [
        { resources: ['matcher.bin'], matches: [...CONTENT_SCRIPT_MATCHES], use_dynamic_url: true },
        'firefox-style/path.js',
      ],
    };
    withoutLocalPages(manifest);
    expect(manifest.content_scripts[0]!.matches).toEqual(NEWS_SITE_MATCHES);
    expect(manifest.content_scripts[0]!.js).toEqual(['content-scripts/content.js']);
    expect(manifest.web_accessible_resources[0]).toEqual({
      resources: ['matcher.bin'],
      matches: NEWS_SITE_MATCHES,
      use_dynamic_url: true,
    });
    expect(manifest.web_accessible_resources[1]).toBe('firefox-style/path.js');
  });

  it('leaves the development build its local pages (the demo and the browser tests run there)', () => {
    expect(CONTENT_SCRIPT_MATCHES).toEqual(expect.arrayContaining(LOCAL_PAGE_MATCHES));
    expect(NEWS_SITE_MATCHES.some((pattern) => LOCAL_PAGE_MATCHES.includes(pattern))).toBe(false);
  });
});
