/**
 * What the background worker does for the content scripts: it searches their text with the matcher
 * (page-matcher.ts), gives them the settings and corrections, and tells every page when any of these
 * change. A content script reads no storage and loads no matcher of its own.
 */
import type { Handlers, PageSettings, Request } from '../../lib/protocol/requests';
import type { BundledMatcher } from './bundled-matcher';
import { createPageMatcher } from './page-matcher';
import { correctionsItem, settingsItem } from './stored';

/** `tellPages` sends a message to the content script of every tab (its failures are the caller's). */
export function servePages(
  loadBundled: () => BundledMatcher | Promise<BundledMatcher>,
  tellPages: (message: Request) => void,
): Handlers {
  const matcher = createPageMatcher(loadBundled, () => tellPages({ type: 'packs-changed' }));
  const pageSettings = async (): Promise<PageSettings> => {
    const [settings, corrections] = await Promise.all([settingsItem.get(), correctionsItem.get()]);
    return { settings, corrections };
  };
  const tellSettings = () => void pageSettings().then((current) => tellPages({ type: 'settings-changed', ...current }));
  settingsItem.watch(tellSettings);
  correctionsItem.watch(tellSettings);
  return {
    find: ({ request }) => matcher.find(request),
    'page-settings': pageSettings,
  };
}
