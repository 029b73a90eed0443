import { groupByType } from '../lib/view/entity-groups';
import type { FoundClaim, FoundEntity } from '../lib/protocol/requests';
import { useI18n } from './i18n';
import { StatusLabel } from './StatusLabel';

export interface FindingListProps {
  entities: readonly FoundEntity[];
  claims: readonly FoundClaim[];
  onReveal: (kind: 'entity' | 'claim', id: string, pack?: string) => void;
}

/**
 * What this page contains: people, organisations, places… first, then claims (one line each, with
 * their status); each item jumps to its first occurrence.
 */
export function FindingList({ entities, claims, onReveal }: FindingListProps) {
  const i18n = useI18n();
  return (
    <div class="finding-list">
      {groupByType(entities).map(({ group, items }) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`}>
            {i18n.t(group.message)} <span class="count">{i18n.number(items.length)}</span>
          </h2>
          <ul>
            {items.map((entity) => (
              <li key={entity.id}>
                <button
                  type="button"
                  data-entity={entity.id}
                  onClick={() => onReveal('entity', entity.id, entity.pack)}
                >
                  <span class="name">{entity.name}</span>
                  <span class="count" aria-label={i18n.plural('mentions', entity.count)}>
                    {i18n.number(entity.count)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {claims.length > 0 && (
        <section aria-labelledby="group-claims">
          <h2 id="group-claims">
            {i18n.t('groupClaims')} <span class="count">{i18n.number(claims.length)}</span>
          </h2>
          <ul>
            {claims.map((claim) => (
              <li key={claim.id}>
                <button
                  type="button"
                  class="claim"
                  data-claim={claim.id}
                  onClick={() => onReveal('claim', claim.id, claim.pack)}
                >
                  {/* One line each; the full statement is the button's name and shows on hover. */}
                  <span class="name" title={claim.statement}>
                    {claim.statement}
                  </span>
                  <StatusLabel status={claim.status} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
