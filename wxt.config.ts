import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { archiveModule } from './lib/tools/build/archive-module';
import { matcherModule } from './lib/tools/build/matcher-module';
import { withoutLocalPages } from './lib/tools/build/store-manifest';
import { HIGHLIGHT_CSS_FILE, defaultHighlightCss } from './lib/dom/highlight-style';
import { ALWAYS_RUN_ORIGINS } from './lib/preferences/always-sites';

const PACK = process.env.BACKSTORY_PACK ?? 'assets/knowledge.json';
// The archive benchmark swaps the archive page's pack alone.
const ARCHIVE_PACK = process.env.BACKSTORY_ARCHIVE_PACK ?? PACK;
// Tests force the large-pack layout (the matcher fetched from matcher.bin) with a small pack.
const INLINE_MAX = process.env.BACKSTORY_MATCHER_INLINE_MAX;
const matcher = matcherModule(PACK, INLINE_MAX === undefined ? undefined : Number(INLINE_MAX));
// `npm run zip` sets it: the store packages leave out the demo's and the tests' local pages.
const STORE = process.env.BACKSTORY_STORE === '1';

export default defineConfig({
  // Static files (the icons) live with the other assets, so the top level stays as the brief lists it.
  publicDir: 'assets/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact(), matcher, archiveModule(ARCHIVE_PACK)],
    define: { 'import.meta.env.BACKSTORY_STORE': JSON.stringify(STORE) },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: HIGHLIGHT_CSS_FILE, contents: defaultHighlightCss() });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      // Manifest V2 (Firefox) has no optional_host_permissions: its optional permissions take origins.
      if (wxt.config.manifestVersion === 2) {
        manifest.optional_permissions = [...(manifest.optional_permissions ?? []), ...ALWAYS_RUN_ORIGINS];
      }
      // The background worker searches pages' text with the WebAssembly scan loop.
      const scripts = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";
      manifest.content_security_policy =
        wxt.config.manifestVersion === 2 ? (scripts as never) : { extension_pages: scripts };
      for (const script of manifest.content_scripts ?? []) script.css = [...(script.css ?? []), HIGHLIGHT_CSS_FILE];
      if (STORE) withoutLocalPages(manifest);
    },
  },
  manifest: {
    // Names and descriptions come from assets/public/_locales/<language>/messages.json.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // unlimitedStorage: imported packs are stored with their matcher data (README, Permissions).
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting'],
    // "Always run on this site": asked for one site at a time, from the popup, only when the person asks.
    optional_host_permissions: ALWAYS_RUN_ORIGINS,
    action: { default_title: '__MSG_extName__' },
    // Chrome leaves a suggested key unset when it is one of its own shortcuts (Alt+Shift+N, P and B
    // are, on Linux): tests/e2e/shortcuts.test.ts checks these get assigned in a fresh profile.
    commands: {
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_commandNextHighlight__',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_commandPreviousHighlight__',
      },
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggleHighlights__',
      },
    },
    browser_specific_settings: {
      gecko: {
        id: 'backstory@backstory.invalid',
        // Firefox requires new add-ons to declare what they collect: nothing.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
