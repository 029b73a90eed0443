import { useState } from 'preact/hooks';
import type { ArchiveIndex, EntityGroupIndex } from '../../lib/archive/archive-index';
import { formatRoute } from '../../lib/archive/route';
import { ENTITY_TYPE_MESSAGES } from '../../lib/view/entity-groups';
import { useI18n } from '../i18n';
import { ShowMore } from './ShowMore';

export interface EntityIndexProps {
  archive: ArchiveIndex;
  filter: string;
  onFilter: (text: string) => void;
}

const PAGE = 60;

/** Every entity, grouped by type, A–Z, with how many passages of the archive name it. */
export function EntityIndex({ archive, filter, onFilter }: EntityIndexProps) {
  const i18n = useI18n();
  const groups = archive.filterEntityGroups(filter);
  const total = groups.reduce((sum, { entities }) => sum + entities.length, 0);
  return (
    <div class="entity-index">
      <div class="index-tools">
        <label class="filter">
          <span>{i18n.t('filterNames')}</span>
          <input
            type="search"
            value={filter}
            placeholder={i18n.t('filterPlaceholder')}
            onInput={(event) => onFilter(event.currentTarget.value)}
          />
        </label>
        {groups.length > 1 && (
          <nav class="jump" aria-label={i18n.t('entityTypes')}>
            {groups.map(({ group, entities }) => (
              <button
                key={group.id}
                type="button"
                onClick={() => document.getElementById(`group-${group.id}`)?.focus()}
              >
                {i18n.t(group.message)} <span class="count">{i18n.number(entities.length)}</span>
              </button>
            ))}
          </nav>
        )}
      </div>
      <p class="result-count" role="status">
        {filter.trim()
          ? total
            ? i18n.plural('filterMatches', total, filter.trim())
            : i18n.t('filterNoMatch', filter.trim())
          : ''}
      </p>
      {groups.map((entry) => (
        <EntityGroupSection key={`${entry.group.id}:${filter}`} entry={entry} />
      ))}
      {!filter.trim() && !groups.length && <p class="empty-state">{i18n.t('noEntities')}</p>}
    </div>
  );
}

function EntityGroupSection({ entry: { group, entities } }: { entry: EntityGroupIndex }) {
  const i18n = useI18n();
  const [shown, setShown] = useState(PAGE);
  const mixed = group.types.length > 1;
  return (
    <section class="index-group" aria-labelledby={`group-${group.id}`}>
      <h3 id={`group-${group.id}`} tabIndex={-1}>
        {i18n.t(group.message)} <span class="count">{i18n.number(entities.length)}</span>
      </h3>
      <ul class="index-list">
        {entities.slice(0, shown).map((entity) => (
          <li key={entity.id}>
            <a href={formatRoute({ view: 'entity', id: entity.id })}>{entity.name}</a>
            {mixed && <span class="entry-type"> {i18n.t(ENTITY_TYPE_MESSAGES[entity.type])}</span>}
            <span class="count">
              {' · '}
              {i18n.plural('passageCount', entity.passages.length)}
            </span>
          </li>
        ))}
      </ul>
      <ShowMore
        shown={Math.min(shown, entities.length)}
        total={entities.length}
        noun={i18n.t(group.message).toLocaleLowerCase(i18n.locale)}
        step={PAGE}
        onMore={() => setShown(shown + PAGE)}
      />
    </section>
  );
}
