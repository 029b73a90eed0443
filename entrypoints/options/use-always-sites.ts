import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { alwaysSites } from '../../lib/preferences/always-sites';

const builtInMatches = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []) ?? [];

/**
 * The sites added with "Always run on this site": the granted optional host permissions, kept current
 * when the popup or the browser's own settings change them. Removing one revokes the permission; the
 * background worker then takes the site out of the registered content script.
 */
export function useAlwaysSites(): { sites: string[]; remove: (site: string) => void } {
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    const read = () =>
      void browser.permissions.getAll().then(({ origins }) => setSites(alwaysSites(origins ?? [], builtInMatches)));
    read();
    browser.permissions.onAdded.addListener(read);
    browser.permissions.onRemoved.addListener(read);
    return () => {
      browser.permissions.onAdded.removeListener(read);
      browser.permissions.onRemoved.removeListener(read);
    };
  }, []);
  const remove = (site: string) => {
    setSites((current) => current.filter((s) => s !== site));
    void browser.permissions.remove({ origins: [site] });
  };
  return { sites, remove };
}
