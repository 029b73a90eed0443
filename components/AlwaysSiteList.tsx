import { siteLabel } from '../lib/preferences/always-sites';
import { useI18n } from './i18n';

export interface AlwaysSiteListProps {
  /** Granted match patterns (`*://www.lemonde.fr/*`), as alwaysSites lists them. */
  sites: readonly string[];
  onRemove: (site: string) => void;
}

/** The options' list of sites added with "Always run on this site", each revocable. */
export function AlwaysSiteList({ sites, onRemove }: AlwaysSiteListProps) {
  const i18n = useI18n();
  return (
    <section class="settings always-sites">
      <h2>{i18n.t('alwaysSitesHeading')}</h2>
      <p class="note">{i18n.t('alwaysSitesNote')}</p>
      {sites.length === 0 ? (
        <p class="empty-state">{i18n.t('noAlwaysSites')}</p>
      ) : (
        <ul class="site-list">
          {sites.map((site) => (
            <li key={site}>
              <span>{siteLabel(site)}</span>
              <button
                type="button"
                aria-label={i18n.t('removeAlwaysSite', siteLabel(site))}
                onClick={() => onRemove(site)}
              >
                {i18n.t('removeAlwaysSiteShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
