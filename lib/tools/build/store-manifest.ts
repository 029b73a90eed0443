/**
 * The store packages' manifest: the same as the development build's without the local pages
 * (lib/preferences/sites.ts LOCAL_PAGE_MATCHES) wherever the manifest lists match patterns.
 */
import { LOCAL_PAGE_MATCHES } from '../../preferences/sites';

interface MatchLists {
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: unknown[];
}

const keep = (patterns: string[]) => patterns.filter((pattern) => !LOCAL_PAGE_MATCHES.includes(pattern));

export function withoutLocalPages(manifest: MatchLists): void {
  for (const script of manifest.content_scripts ?? []) {
    if (script.matches) script.matches = keep(script.matches);
  }
  // MV3 entries are objects with their own matches; MV2's (Firefox) are plain paths.
  for (const entry of manifest.web_accessible_resources ?? []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const resource = entry as { matches?: string[] };
    if (resource.matches) resource.matches = keep(resource.matches);
  }
}
