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
    // Names and descriptions come from assets/public/_locales/<language>/messages.json.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage', 'activeTab', 'scripting'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextHighlight__',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandPreviousHighlight__',
      },
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+B' },
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
