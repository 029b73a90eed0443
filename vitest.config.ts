import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // The background worker imports the bundled matcher the build makes: the tests make it the same way.
  resolve: {
    alias: { 'virtual:backstory-matcher': new URL('tests/support/virtual-matcher.ts', import.meta.url).pathname },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    // Only acts in files that run under happy-dom.
    setupFiles: ['tests/support/happy-dom-node-name.ts'],
  },
});
