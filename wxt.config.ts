import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { archiveModule } from './lib/build/archive-module';
import { matcherModule } from './lib/build/matcher-module';

const PACK = process.env.BACKSTORY_PACK ?? 'assets/knowledge.json';
// The archive benchmark swaps the archive page's pack alone.
const ARCHIVE_PACK = process.env.BACKSTORY_ARCHIVE_PACK ?? PACK;

export default defineConfig({
  // Static files (the icons) live with the other assets, so the top level stays as the brief lists it.
  publicDir: 'assets/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact(), matcherModule(PACK), archiveModule(ARCHIVE_PACK)] }),
  manifest: {
    name: 'Backstory',
    description:
      'Highlights people, groups and claims from a bundled news archive on the page you read, with sources. Offline, no tracking.',
    permissions: ['storage', 'activeTab', 'scripting'],
    action: { default_title: 'Backstory' },
    commands: {
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next highlight and open its card',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Go to the previous highlight and open its card',
      },
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Turn highlights on or off on this page',
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
