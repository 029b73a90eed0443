import type { ArchiveIndex } from '../../lib/archive/archive-index';
import { useI18n } from '../i18n';
import { ClaimIndex } from './ClaimIndex';
import { EntityIndex } from './EntityIndex';
import { Loading } from './Loading';
import type { PartsState } from './useParts';
import { ViewSection } from './ViewSection';

export interface IndexViewProps {
  archive: ArchiveIndex;
  tab: 'entities' | 'claims';
  /** The entity filter's text. */
  filter: string;
  /** Whether the names the tab lists have loaded. */
  state: PartsState;
  onFilter: (filter: string) => void;
}

/** The Index tab: entities by type (filterable) or claims by status. */
export function IndexView({ archive, tab, filter, state, onFilter }: IndexViewProps) {
  const i18n = useI18n();
  return (
    <ViewSection title={i18n.t('tabIndex')}>
      <nav class="subtabs" aria-label={i18n.t('tabIndex')}>
        <a href="#/index" aria-current={tab === 'entities' ? 'page' : undefined}>
          {i18n.t('entitiesByType')}
        </a>
        <a href="#/index/claims" aria-current={tab === 'claims' ? 'page' : undefined}>
          {i18n.t('claimsByStatus')}
        </a>
      </nav>
      {state !== 'ready' ? (
        <Loading state={state} />
      ) : tab === 'entities' ? (
        <EntityIndex archive={archive} filter={filter} onFilter={onFilter} />
      ) : (
        <ClaimIndex archive={archive} />
      )}
    </ViewSection>
  );
}
