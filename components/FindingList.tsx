import { groupByType } from '../lib/entity-groups';
import type { FoundEntity } from '../lib/messages';

export interface FindingListProps {
  entities: readonly FoundEntity[];
  onReveal: (entityId: string) => void;
}

/** What this page contains, grouped by kind, with counts; each item jumps to its first occurrence. */
export function FindingList({ entities, onReveal }: FindingListProps) {
  return (
    <div class="finding-list">
      {groupByType(entities).map(({ group, items }) => (
        <section key={group.label} aria-labelledby={`group-${group.label}`}>
          <h2 id={`group-${group.label}`}>
            {group.label} <span class="count">{items.length}</span>
          </h2>
          <ul>
            {items.map((entity) => (
              <li key={entity.id}>
                <button type="button" data-entity={entity.id} onClick={() => onReveal(entity.id)}>
                  <span class="name">{entity.name}</span>
                  <span class="count" aria-label={`${entity.count} mentions`}>
                    {entity.count}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
