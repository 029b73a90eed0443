/** One browser with the extension and one page server per test file, started and stopped with it. */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { ARTIFACTS, type ExtensionBrowser, type PageServer, launchWithExtension, servePages } from './browser';

export interface Session {
  readonly browser: ExtensionBrowser;
  readonly server: PageServer;
}

export function useSession(
  options: { when?: boolean; language?: string; extensionDir?: string; args?: string[] } = {},
): Session {
  const session = {} as { browser: ExtensionBrowser; server: PageServer };
  beforeAll(async () => {
    if (options.when === false) return;
    mkdirSync(ARTIFACTS, { recursive: true });
    [session.browser, session.server] = await Promise.all([
      launchWithExtension({ language: options.language, extensionDir: options.extensionDir, args: options.args }),
      servePages(),
    ]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
