import { useState } from 'preact/hooks';
import type { ArchiveIndex, EntityGroupIndex } from '../../lib/archive/archive-index';
import { formatRoute } from '../../lib/archive/route';
import { ENTITY_TYPE_LABELS } from '../../lib/entity-groups';
import { ShowMore } from './ShowMore';

export interface EntityIndexProps {
  archive: ArchiveIndex;
  filter: string;
  onFilter: (text: string) => void;
}

const PAGE = 60;

/** Every entity, grouped by type, A–Z, with how many passages of the archive name it. */
export function EntityIndex({ archive, filter, onFilter }: EntityIndexProps) {
  const groups = archive.filterEntityGroups(filter);
  const total = groups.reduce((sum, { entities }) => sum + entities.length, 0);
  return (
    <div class="entity-index">
      <div class="index-tools">
        <label class="filter">
          <span>Filter names</span>
          <input
            type="search"
            value={filter}
            placeholder="e.g. Maduro, cartel, Antwerp"
            onInput={(event) => onFilter(event.currentTarget.value)}
          />
        </label>
        {groups.length > 1 && (
          <nav class="jump" aria-label="Entity types">
            {groups.map(({ group, entities }) => (
              <button
                key={group.id}
                type="button"
                onClick={() => document.getElementById(`group-${group.id}`)?.focus()}
              >
                {group.label} <span class="count">{entities.length.toLocaleString('en')}</span>
              </button>
            ))}
          </nav>
        )}
      </div>
      <p class="result-count" role="status">
        {filter.trim()
          ? total
            ? `${total.toLocaleString('en')} ${total === 1 ? 'entity matches' : 'entities match'} “${filter.trim()}”.`
            : `No entity’s name matches “${filter.trim()}”. Try part of a name, or search the whole archive.`
          : ''}
      </p>
      {groups.map((entry) => (
        <EntityGroupSection key={`${entry.group.id}:${filter}`} entry={entry} />
      ))}
      {!filter.trim() && !groups.length && <p class="empty-state">This archive has no entities.</p>}
    </div>
  );
}

function EntityGroupSection({ entry: { group, entities } }: { entry: EntityGroupIndex }) {
  const [shown, setShown] = useState(PAGE);
  const mixed = group.types.length > 1;
  return (
    <section class="index-group" aria-labelledby={`group-${group.id}`}>
      <h3 id={`group-${group.id}`} tabIndex={-1}>
        {group.label} <span class="count">{entities.length.toLocaleString('en')}</span>
      </h3>
      <ul class="index-list">
        {entities.slice(0, shown).map((entity) => (
          <li key={entity.id}>
            <a href={formatRoute({ view: 'entity', id: entity.id })}>{entity.name}</a>
            {mixed && <span class="entry-type"> {ENTITY_TYPE_LABELS[entity.type]}</span>}
            <span class="count">
              {' · '}
              {entity.passages.length} {entity.passages.length === 1 ? 'passage' : 'passages'}
            </span>
          </li>
        ))}
      </ul>
      <ShowMore
        shown={Math.min(shown, entities.length)}
        total={entities.length}
        noun={group.label.toLowerCase()}
        step={PAGE}
        onMore={() => setShown(shown + PAGE)}
      />
    </section>
  );
}
