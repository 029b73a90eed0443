/**
 * "Always run on this site": sites outside the built-in list where the person granted Backstory access
 * (an optional host permission, asked for from the popup), and the content script registered on them.
 * The granted permissions are the list: revoking one (in the options or the browser's own settings)
 * takes the site off, so nothing else has to be stored or kept in step. Pure: the extension passes its
 * permissions and scripting APIs in, so the same code runs against fakes in the unit tests.
 */

/** What the manifest may ask for at run time: any http(s) site, one at a time, only when asked. */
export const ALWAYS_RUN_ORIGINS = ['*://*/*'];

/** The id of the one registered content script that covers every granted site. */
export const ALWAYS_RUN_SCRIPT_ID = 'backstory-always';

const PATTERN = /^(\*|https?):\/\/([^/]+)(\/.*)$/;

/** The permission to ask for "always run on this site": the page's host, over http and https. */
export function sitePattern(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return `*://${parsed.hostname}/*`;
}

/** The host part of a match pattern as a person reads it ("lemonde.fr", "*.example.org"). */
export function siteLabel(pattern: string): string {
  return PATTERN.exec(pattern)?.[2] ?? pattern;
}

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Whether a match pattern (as in a manifest: `*://*.example.com/*`) covers a URL. */
export function patternMatches(pattern: string, url: string): boolean {
  const parts = PATTERN.exec(pattern);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostname = parsed.hostname;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.')
      ? hostname === host.slice(2) || hostname.endsWith(host.slice(1))
      : hostname === host.replace(/:\d+$/, ''));
  if (!hostOk) return false;
  return new RegExp(`^${escape(path).replace(/\*/g, '.*')}$`).test(parsed.pathname + parsed.search);
}

/** The granted origins that stand for "always run here": web sites, not the manifest's own list. */
export function alwaysSites(grantedOrigins: readonly string[], builtInMatches: readonly string[]): string[] {
  const web = grantedOrigins.filter((origin) => PATTERN.test(origin) && !builtInMatches.includes(origin));
  return [...new Set(web)].sort((a, b) => siteLabel(a).localeCompare(siteLabel(b)));
}

/** What the popup offers on a page: nothing off the web, "always" where the built-in list does not reach. */
export function siteAccess(
  url: string,
  grantedOrigins: readonly string[],
  builtInMatches: readonly string[],
): 'not-a-site' | 'built-in' | 'always' | 'ask' {
  const pattern = sitePattern(url);
  if (!pattern) return 'not-a-site';
  if (builtInMatches.some((match) => patternMatches(match, url))) return 'built-in';
  return alwaysSites(grantedOrigins, builtInMatches).some((origin) => patternMatches(origin, url)) ? 'always' : 'ask';
}

/** The content script as the manifest declares it: the files the registered copy injects too. */
export interface ScriptFiles {
  js: string[];
  css: string[];
}

export interface RegisteredScript extends ScriptFiles {
  id: string;
  matches: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** browser.permissions and browser.scripting, as far as keeping the registration in step needs them. */
export interface AlwaysRunApis {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string; matches?: string[] }[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
}

/**
 * Makes the registered content script cover exactly the granted sites: registered when the first is
 * granted, updated when one is added or revoked, removed with the last. Returns the sites it covers.
 */
export async function syncAlwaysRun(
  apis: AlwaysRunApis,
  files: ScriptFiles,
  builtInMatches: readonly string[],
): Promise<string[]> {
  const [{ origins = [] }, registered] = await Promise.all([
    apis.permissions.getAll(),
    apis.scripting.getRegisteredContentScripts({ ids: [ALWAYS_RUN_SCRIPT_ID] }),
  ]);
  const matches = alwaysSites(origins, builtInMatches);
  const current = registered.find((script) => script.id === ALWAYS_RUN_SCRIPT_ID);
  const script: RegisteredScript = {
    id: ALWAYS_RUN_SCRIPT_ID,
    matches,
    ...files,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
  if (!matches.length) {
    if (current) await apis.scripting.unregisterContentScripts({ ids: [ALWAYS_RUN_SCRIPT_ID] });
  } else if (!current) {
    await apis.scripting.registerContentScripts([script]);
  } else if ((current.matches ?? []).join() !== matches.join()) {
    await apis.scripting.updateContentScripts([script]);
  }
  return matches;
}
