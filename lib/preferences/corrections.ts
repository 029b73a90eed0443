/**
 * Local corrections: "not this entity here" and "never highlight this on this site". Stored on this
 * computer only, listed in the options page with undo, exported and imported with the settings.
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
  | { type: 'not-here'; target: CorrectionTarget; page: string; text: string; createdAt: string }
  | { type: 'never-on-site'; target: CorrectionTarget; hostname: string; createdAt: string };

/** The page a "not here" correction is about: the URL without its fragment. */
export function pageKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
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

export function isCorrected(corrections: readonly Correction[], occurrence: Occurrence): boolean {
  const page = pageKey(occurrence.url);
  return corrections.some((c) =>
    !sameTarget(c.target, occurrence.target)
      ? false
      : c.type === 'never-on-site'
        ? c.hostname === occurrence.hostname
        : c.page === page && c.text === occurrence.text,
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
  return c.type === 'never-on-site' ? `site|${target}|${c.hostname}` : `here|${target}|${c.page}|${c.text}`;
}

/** Corrections as stored or imported; malformed entries are dropped. */
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
    if (c.type === 'not-here' && typeof c.page === 'string' && typeof c.text === 'string') {
      return [{ type: 'not-here', target, page: c.page, text: c.text, createdAt }];
    }
    return [];
  });
}
