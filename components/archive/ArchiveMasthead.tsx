import type { RefObject } from 'preact';
import type { Tab } from '../../lib/archive/route';
import type { ArchiveCore } from '../../lib/archive/split';
import { useI18n } from '../i18n';

export interface ArchiveMastheadProps {
  core: ArchiveCore;
  /** The tab the current view belongs to. */
  tab: Tab;
  searchInput: RefObject<HTMLInputElement>;
  /** What the search box holds. */
  draft: string;
  onSearchFocus: () => void;
  onType: (q: string) => void;
  onSubmit: () => void;
}

/** The archive's title and counts, its tabs, and the search box. */
export function ArchiveMasthead({
  core,
  tab,
  searchInput,
  draft,
  onSearchFocus,
  onType,
  onSubmit,
}: ArchiveMastheadProps) {
  const i18n = useI18n();
  return (
    <header class="masthead">
      <div class="masthead-inner">
        <div class="brand">
          <h1>{i18n.t('archiveTitle')}</h1>
          <p class="subtitle">
            {i18n.plural('articleCount', core.sources.length)} · {i18n.plural('entityCount', core.entityCount)} ·{' '}
            {i18n.plural('claimCount', core.claimCount)} · {i18n.plural('passageCount', core.passageCount)}
          </p>
        </div>
        <nav class="tabs" aria-label={i18n.t('archiveNav')}>
          <ul>
            {(
              [
                ['articles', i18n.t('tabArticles'), '#/articles'],
                ['index', i18n.t('tabIndex'), '#/index'],
                ['timeline', i18n.t('tabTimeline'), '#/timeline'],
              ] as const
            ).map(([id, label, href]) => (
              <li key={id}>
                <a href={href} aria-current={tab === id ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form
          role="search"
          class="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <input
            ref={searchInput}
            id="archive-search"
            class="search"
            type="search"
            aria-label={i18n.t('searchArchive')}
            placeholder={i18n.t('archiveSearchPlaceholder')}
            value={draft}
            onFocus={onSearchFocus}
            onInput={(event) => onType(event.currentTarget.value)}
          />
        </form>
      </div>
    </header>
  );
}
