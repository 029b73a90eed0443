import { useMemo } from 'preact/hooks';
import type { ArchiveIndex } from '../../lib/archive/archive-index';
import { formatRoute } from '../../lib/archive/route';
import { cardDataFrom } from '../../lib/view/card-data';
import { Card, type CardProps } from '../Card';
import { useI18n } from '../i18n';

export interface DetailProps {
  archive: ArchiveIndex;
  kind: 'entity' | 'claim';
  id: string;
  onSelect: NonNullable<CardProps['onSelect']>;
  copy: (text: string) => Promise<void>;
}

/**
 * An entity's or a claim's background (the card the page shows), with ways further into the archive.
 * Needs NAMES and `archive.cardParts` loaded.
 */
export function Detail({ archive, kind, id, onSelect, copy }: DetailProps) {
  const i18n = useI18n();
  const data = useMemo(() => cardDataFrom(archive.cardLookup, kind, id), [archive, kind, id]);
  const back = (
    <nav class="detail-nav" aria-label={i18n.t('backToIndex')}>
      <a href={formatRoute({ view: 'index', tab: kind === 'claim' ? 'claims' : 'entities' })}>
        {i18n.t(kind === 'claim' ? 'allClaims' : 'allEntities')}
      </a>
    </nav>
  );
  if (!data) {
    return (
      <div class="detail">
        {back}
        <h2 id="view-heading" tabIndex={-1}>
          {i18n.t('notInArchive')}
        </h2>
        <p class="empty-state">{i18n.t(kind === 'claim' ? 'noSuchClaim' : 'noSuchEntity', id)}</p>
      </div>
    );
  }
  return (
    <div class="detail">
      {back}
      <div class="detail-card">
        <Card data={data} headingId="detail-heading" onSelect={onSelect} onCopy={copy} />
      </div>
      {data.kind === 'entity' ? <EntityMore archive={archive} id={id} /> : <ClaimMore archive={archive} id={id} />}
    </div>
  );
}

function EntityMore({ archive, id }: { archive: ArchiveIndex; id: string }) {
  const i18n = useI18n();
  const entity = archive.entity(id)!;
  const passages = entity.passages.length;
  const claims = archive.claimsFor(id).length;
  return (
    <p class="detail-more">
      <a href={formatRoute({ view: 'timeline', entity: id })}>
        {i18n.t(
          'onTheTimeline',
          entity.name,
          i18n.plural('passageCount', passages) + (claims > 0 ? `, ${i18n.plural('claimCount', claims)}` : ''),
        )}
      </a>
    </p>
  );
}

function ClaimMore({ archive, id }: { archive: ArchiveIndex; id: string }) {
  const i18n = useI18n();
  const passages = [...new Set(archive.claim(id)!.evidencePassages)];
  if (!passages.length) return null;
  return (
    <section class="detail-more" aria-labelledby="evidence-in-archive">
      <h3 id="evidence-in-archive">{i18n.t('evidenceInArchive')}</h3>
      <ul>
        {passages.map((passage) => {
          const sourceId = archive.sourceOfPassage(passage) ?? '';
          const source = archive.source(sourceId);
          return (
            <li key={passage}>
              <a href={formatRoute({ view: 'articles', article: sourceId, passage })}>
                {source?.headline ?? i18n.t('untitledArticleBy', source?.publisher ?? sourceId)}
              </a>
              {source && (
                <span class="claim-meta">
                  {' '}
                  · {source.publisher}, {i18n.date(source.date)},{' '}
                  {i18n.t('passageNumber', i18n.number(archive.paragraphNumber(passage)))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
