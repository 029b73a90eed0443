/**
 * Debian's Firefox ESR driven over WebDriver BiDi, which it speaks natively: no geckodriver and no
 * Playwright build of Firefox. The built add-on is installed as a temporary add-on.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ROOT } from './browser';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv2');
const ADDON_ID = 'backstory@backstory.invalid';
// Fixed in the profile, so the tests know the add-on's moz-extension:// origin in advance.
const ADDON_UUID = '6f1c2a4e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

export function findFirefox(): string | undefined {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (path): path is string => !!path && existsSync(path),
  );
}

interface BidiReply {
  id?: number;
  type: 'success' | 'error' | 'event';
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: string;
  message?: string;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** A WebDriver BiDi session: commands, events, and functions called in a tab. */
export class Bidi {
  private next = 0;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly listeners = new Map<string, ((params: unknown) => void)[]>();

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const reply = JSON.parse(String(data)) as BidiReply;
      if (reply.type === 'event') {
        for (const listener of this.listeners.get(reply.method!) ?? []) listener(reply.params);
        return;
      }
      const waiting = reply.id !== undefined ? this.pending.get(reply.id) : undefined;
      if (!waiting) return;
      this.pending.delete(reply.id!);
      if (reply.type === 'error') waiting.reject(new Error(`${reply.error}: ${reply.message}`));
      else waiting.resolve(reply.result);
    });
    socket.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('WebDriver BiDi connection closed'));
      this.pending.clear();
    });
  }

  send<T = unknown>(method: string, params: object = {}): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(method: string, listener: (params: unknown) => void): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  /**
   * Calls `fn` in the tab's page (extension pages included) with string arguments and returns its
   * result, which must survive JSON. `fn` is sent as source text: it cannot use anything from here.
   */
  async call<T>(context: string, fn: (...args: string[]) => unknown, ...args: string[]): Promise<T> {
    const reply = await this.send<EvaluateResult>('script.callFunction', {
      functionDeclaration: `async (...args) => JSON.stringify(await (${fn.toString()})(...args)) ?? 'null'`,
      arguments: args.map((value) => ({ type: 'string', value })),
      target: { context },
      awaitPromise: true,
    });
    if (reply.type === 'exception') throw new Error(`in the page: ${reply.exceptionDetails?.text}`);
    return JSON.parse(reply.result!.value as string) as T;
  }

  /** Calls `fn` in the tab until it returns something truthy, and returns that. */
  async waitFor<T>(
    context: string,
    what: string,
    fn: (...args: string[]) => unknown,
    ...args: string[]
  ): Promise<NonNullable<T>> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await this.call<T>(context, fn, ...args);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface FirefoxSession {
  bidi: Bidi;
  /** moz-extension://<uuid> of the installed add-on. */
  extensionOrigin: string;
  /**
   * Console errors and uncaught exceptions since the last call, from the page, the content script,
   * the background page and the add-on's own pages.
   */
  takeErrors(): string[];
  close(): Promise<void>;
}

interface LogEntry {
  level: string;
  text: string | null;
  source: { context?: string };
}

export async function launchFirefoxWithExtension(
  executable: string,
  extensionDir = FIREFOX_EXTENSION_DIR,
): Promise<FirefoxSession> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built add-on in ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'backstory-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    [
      ['extensions.webextensions.uuids', JSON.stringify({ [ADDON_ID]: ADDON_UUID })],
      // BiDi does not report the add-on's own pages yet (Mozilla bug 1755014): their console goes to stdout.
      ['devtools.console.stdout.content', true],
      // Firefox's experiment loader prints there too when it cannot reach its (disabled) settings server.
      ['messaging-system.log', 'off'],
      ['browser.startup.homepage', 'about:blank'],
    ]
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
      .join(''),
  );
  const firefox = spawn(
    executable,
    // System access lets BiDi open moz-extension:// pages in a tab.
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', '--remote-allow-system-access'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const errors: string[] = [];
  const origin = `moz-extension://${ADDON_UUID}`;
  try {
    const endpoint = await bidiEndpoint(firefox, (line) => {
      // "console.error: …" from any page (only ours are open); "JavaScript error: <url>, line N: …"
      // from everywhere, Firefox's own code included: keep the add-on's.
      if (line.startsWith('console.error:') || line.startsWith(`JavaScript error: ${origin}/`)) errors.push(line);
    });
    const socket = new WebSocket(`${endpoint}/session`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const bidi = new Bidi(socket);
    await bidi.send('session.new', { capabilities: {} });
    bidi.on('log.entryAdded', (params) => {
      const entry = params as LogEntry;
      if (entry.level === 'error') errors.push(`log.entryAdded in ${entry.source.context}: ${entry.text}`);
    });
    await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
    return {
      bidi,
      extensionOrigin: origin,
      takeErrors: () => errors.splice(0),
      async close() {
        await bidi.send('session.end').catch(() => undefined);
        socket.close();
        await stop(firefox);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop(firefox);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Waits for Firefox to print its BiDi address; then hands every output line to `onLine`. */
function bidiEndpoint(firefox: ChildProcess, onLine: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Firefox did not start WebDriver BiDi within 30 s')), 30_000);
    const read = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop()!;
        for (const line of lines) {
          const address = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(line)?.[1];
          if (address) {
            clearTimeout(timer);
            resolve(address);
          }
          onLine(line);
        }
      });
    };
    read(firefox.stdout!);
    read(firefox.stderr!);
    firefox.once('error', reject);
    firefox.once('exit', (code) => reject(new Error(`Firefox exited (${code}) before WebDriver BiDi started`)));
  });
}

async function stop(firefox: ChildProcess): Promise<void> {
  if (firefox.exitCode !== null) return;
  const exited = new Promise((resolve) => firefox.once('exit', resolve));
  firefox.kill();
  await exited;
}
