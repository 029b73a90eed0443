/**
 * The matcher pages ask (background worker): the bundled pack's, or the bundled pack merged with the
 * imported ones as the options page stored it. Loaded at the first request, kept warm for every tab,
 * and loaded afresh when the packs change.
 */
import { type Matcher, loadMatcher } from '../../lib/matcher/compile';
import { type FindReply, type FindRequest, findInPage } from '../../lib/matcher/text-finder';
import { activeMatcherData } from '../../lib/preferences/packs';
import {
  type DeflatedResource,
  type MatcherSource,
  isCurrent,
  loadMergedMatcher,
} from '../../lib/preferences/merged-matcher';
import type { BundledMatcher } from './bundled-matcher';
import { mergedMatcherItem, packMatchersItem } from './stored';

export interface PageMatcher {
  find(request: FindRequest): Promise<FindReply & { source: MatcherSource }>;
}

/**
 * `loadBundled` gives the bundled pack's matcher (bundled-matcher.ts); `onPacksChanged` is told when a
 * change of packs stored another merged matcher, which the next request loads.
 */
export function createPageMatcher(
  loadBundled: () => BundledMatcher | Promise<BundledMatcher>,
  onPacksChanged: () => void,
): PageMatcher {
  let bundled: Promise<BundledMatcher> | undefined;
  let current: Promise<{ matcher: Matcher; source: MatcherSource }> | undefined;

  /**
   * The stored merged matcher; built here only when it is missing, was merged with another bundled
   * pack, or cannot be read (a damaged entry must not leave pages without their imported packs).
   */
  const load = async (): Promise<{ matcher: Matcher; source: MatcherSource }> => {
    bundled ??= Promise.resolve(loadBundled());
    const [{ data, matcher, prebuilt }, merged] = await Promise.all([bundled, mergedMatcherItem.get()]);
    if (isCurrent(merged, data)) {
      if (!merged.resource) return { matcher, source: 'bundled' };
      const stored = await loadStored(merged.resource, prebuilt);
      if (stored) return { matcher: stored, source: 'stored' };
    }
    const active = activeMatcherData(data, await packMatchersItem.get());
    if (active === data) return { matcher, source: 'bundled' };
    return { matcher: loadMatcher(active, { ...prebuilt, automaton: undefined }), source: 'built' };
  };

  mergedMatcherItem.watch(() => {
    current = undefined;
    onPacksChanged();
  });
  return {
    async find(request) {
      current ??= load();
      const { matcher, source } = await current;
      return { ...findInPage(matcher, request), source };
    },
  };
}

async function loadStored(
  resource: DeflatedResource,
  prebuilt: BundledMatcher['prebuilt'],
): Promise<Matcher | undefined> {
  try {
    return await loadMergedMatcher(resource, prebuilt);
  } catch {
    return undefined;
  }
}
