/**
 * Real-browser support shared by the browser tests, the demo and the benchmark: Debian's Chromium
 * with the built extension loaded, and a static server on 127.0.0.1 for fixture and saved pages.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { type BrowserContext, type Worker, chromium } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const FIXTURE_PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
export const SHARED_PAGES = join(ROOT, '..', 'shared', 'pages');
export const ONTOPIC_PAGES = join(ROOT, '..', 'shared', 'pages-ontopic');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function findChromium(): string {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH ' +
        'to a Chromium or Chrome binary. Browser tests and the demo need it.',
    );
  }
  return found;
}

/** Headless Chromium as root on a machine without network: no sandbox, GPU or background traffic. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(
  options: { headless?: boolean; extensionDir?: string; language?: string; args?: string[] } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1200, height: 900 },
    // Chromium on Linux takes its UI language (the one browser.i18n uses) from the environment.
    ...(options.language
      ? {
          locale: options.language,
          env: {
            ...process.env,
            LANGUAGE: options.language,
            LANG: `${options.language}_${options.language.toUpperCase()}.UTF-8`,
          },
        }
      : {}),
    args: [
      ...(options.language ? [`--lang=${options.language}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_FLAGS,
      ...(options.args ?? []),
    ],
    timeout: 30_000,
  });
  // Saved pages refer to hosts that cannot be reached here: fail them fast.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

export interface PageServer {
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves /fixtures/* from tests/fixtures/pages, /shared/* from ../shared/pages and /ontopic/* from
 * ../shared/pages-ontopic. Saved pages are served with their scripts removed: they would only try to
 * reach the network.
 */
export async function servePages(): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname));
    const [, area, ...rest] = path.split('/');
    const base =
      area === 'fixtures'
        ? FIXTURE_PAGES
        : area === 'shared'
          ? SHARED_PAGES
          : area === 'ontopic'
            ? ONTOPIC_PAGES
            : undefined;
    const file = base && join(base, ...rest);
    if (!file || !file.startsWith(base) || !existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    let body: string | Buffer = readFileSync(file);
    if (area !== 'fixtures' && extname(file) === '.html') body = stripScripts(body.toString('utf8'));
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function stripScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').replace(/<link\b[^>]*>/gi, '');
}
