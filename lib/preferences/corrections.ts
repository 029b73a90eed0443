/**
 * Local corrections: "not this entity here" and "never highlight this on this site". Stored on this
 * computer only, listed in the options page with undo, exported and imported with the settings.
 * They keep no page text and no query string: a page is its origin and path, the highlighted text a
 * hash that can only be compared with the text a page shows again.
 */

export const CORRECTIONS_KEY = 'corrections';

export interface CorrectionTarget {
  kind: 'entity' | 'claim';
  id: string;
  /** Imported pack id; none for the bundled pack. */
  pack?: string;
  /** Name or statement, for people reading the list. */
  label: string;
}

export type Correction =
  | { type: 'not-here'; target: CorrectionTarget; page: string; textHash: string; createdAt: string }
  | { type: 'never-on-site'; target: CorrectionTarget; hostname: string; createdAt: string };

/**
 * The page a "not here" correction is about: origin and path. A query string can carry a session, a
 * search or an address, and a fragment a place on the page; neither is kept.
 */
export function pageKey(url: string): string {
  try {
    const { protocol, host, pathname } = new URL(url);
    return `${protocol}//${host}${pathname}`;
  } catch {
    // Not a URL (a stored value from elsewhere): keep nothing after a query or fragment mark.
    return url.replace(/[?#][\s\S]*/, '');
  }
}

/**
 * The highlighted text as a correction keeps it: cyrb53, a 53-bit hash in hex. Enough to tell apart
 * the few texts one target has on one page; the text itself is not stored.
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

function sameTarget(
  a: Pick<CorrectionTarget, 'kind' | 'id' | 'pack'>,
  b: Pick<CorrectionTarget, 'kind' | 'id' | 'pack'>,
) {
  return a.kind === b.kind && a.id === b.id && (a.pack ?? '') === (b.pack ?? '');
}

export interface Occurrence {
  target: Pick<CorrectionTarget, 'kind' | 'id' | 'pack'>;
  /** The highlighted text as it stands on the page. */
  text: string;
  url: string;
  hostname: string;
}

/** "Not this entity here" for the text a highlight shows on the page at `url`. */
export function notHereCorrection(target: CorrectionTarget, url: string, text: string, createdAt: string): Correction {
  return { type: 'not-here', target, page: pageKey(url), textHash: textHash(text), createdAt };
}

export function isCorrected(corrections: readonly Correction[], occurrence: Occurrence): boolean {
  const page = pageKey(occurrence.url);
  let hash: string | undefined;
  return corrections.some((c) =>
    !sameTarget(c.target, occurrence.target)
      ? false
      : c.type === 'never-on-site'
        ? c.hostname === occurrence.hostname
        : c.page === page && c.textHash === (hash ??= textHash(occurrence.text)),
  );
}

export function addCorrection(corrections: readonly Correction[], correction: Correction): Correction[] {
  const key = correctionKey(correction);
  return [...corrections.filter((c) => correctionKey(c) !== key), correction];
}

export function removeCorrection(corrections: readonly Correction[], correction: Correction): Correction[] {
  const key = correctionKey(correction);
  return corrections.filter((c) => correctionKey(c) !== key);
}

export function correctionKey(c: Correction): string {
  const target = `${c.target.kind}:${c.target.pack ?? ''}:${c.target.id}`;
  return c.type === 'never-on-site' ? `site|${target}|${c.hostname}` : `here|${target}|${c.page}|${c.textHash}`;
}

/**
 * Corrections as stored or imported; malformed entries are dropped. Those written before corrections
 * kept only a hash (the full URL and the text) are converted: the query and fragment dropped, the text
 * hashed.
 */
export function parseCorrections(raw: unknown): Correction[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item): Correction[] => {
    const c = item as Record<string, unknown> | null;
    const t = c?.target as Record<string, unknown> | undefined;
    if (!c || !t || (t.kind !== 'entity' && t.kind !== 'claim') || typeof t.id !== 'string') return [];
    const target: CorrectionTarget = {
      kind: t.kind,
      id: t.id,
      label: typeof t.label === 'string' ? t.label : t.id,
      ...(typeof t.pack === 'string' ? { pack: t.pack } : {}),
    };
    const createdAt = typeof c.createdAt === 'string' ? c.createdAt : '';
    if (c.type === 'never-on-site' && typeof c.hostname === 'string') {
      return [{ type: 'never-on-site', target, hostname: c.hostname, createdAt }];
    }
    if (c.type === 'not-here' && typeof c.page === 'string') {
      const hash =
        typeof c.textHash === 'string' && /^[0-9a-f]{14}$/.test(c.textHash)
          ? c.textHash
          : typeof c.text === 'string'
            ? textHash(c.text)
            : undefined;
      if (hash) return [{ type: 'not-here', target, page: pageKey(c.page), textHash: hash, createdAt }];
    }
    return [];
  });
}
