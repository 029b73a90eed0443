import { Fragment } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ArchiveIndex } from '../../lib/archive/archive-index';
import { linkSegments } from '../../lib/archive/passage-links';
import { formatRoute } from '../../lib/archive/route';
import { useI18n } from '../i18n';
import { StatusLabel } from '../StatusLabel';

export interface PassageTextProps {
  archive: ArchiveIndex;
  passage: number;
  /** An entity to stand out (the timeline's filter). */
  current?: string;
}

/**
 * One passage with the entities it names linked in place, then the claims it is evidence for. Needs
 * NAMES and the passage's chunk loaded.
 */
export function PassageText({ archive, passage, current }: PassageTextProps) {
  const i18n = useI18n();
  const text = archive.passageText(passage) ?? '';
  const { segments, unplaced, claims } = useMemo(() => {
    const entities = archive
      .entitiesInPassage(passage)
      .map((id) => archive.entity(id))
      .filter((entity) => !!entity);
    const linked = linkSegments(
      text,
      entities.map((entity) => ({ id: entity.id, names: [entity.name, ...entity.aliases] })),
    );
    return {
      segments: linked.segments,
      unplaced: entities.filter((entity) => !linked.found.has(entity.id)),
      claims: archive
        .claimsInPassage(passage)
        .map((id) => archive.claim(id))
        .filter((claim) => !!claim),
    };
  }, [archive, passage, text]);
  const entityClass = (id: string) => (id === current ? 'entity-link is-current' : 'entity-link');

  return (
    <>
      <p class="passage-text">
        {segments.map((segment, i) =>
          segment.entityId ? (
            <a
              key={i}
              class={entityClass(segment.entityId)}
              href={formatRoute({ view: 'entity', id: segment.entityId })}
            >
              {segment.text}
            </a>
          ) : (
            segment.text
          ),
        )}
      </p>
      {unplaced.length > 0 && (
        <p class="passage-also">
          {i18n.t('alsoAbout')}{' '}
          {unplaced.map((entity, i) => (
            <Fragment key={entity.id}>
              {i > 0 && ', '}
              <a class={entityClass(entity.id)} href={formatRoute({ view: 'entity', id: entity.id })}>
                {entity.name}
              </a>
            </Fragment>
          ))}
        </p>
      )}
      {claims.length > 0 && (
        <ul class="passage-claims" aria-label={i18n.t('passageClaims')}>
          {claims.map((claim) => (
            <li key={claim.id}>
              <StatusLabel status={claim.status} />{' '}
              <a href={formatRoute({ view: 'claim', id: claim.id })}>{claim.statement}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
