import { useMemo } from 'preact/hooks';
import type { ArchiveIndex } from '../../lib/archive/archive-index';
import { formatDate } from '../../lib/archive/dates';
import { formatRoute } from '../../lib/archive/route';
import { cardDataFrom } from '../../lib/card-data';
import { Card, type CardProps } from '../Card';

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
  const data = useMemo(() => cardDataFrom(archive.cardLookup, kind, id), [archive, kind, id]);
  const back = (
    <nav class="detail-nav" aria-label="Back to the index">
      <a href={formatRoute({ view: 'index', tab: kind === 'claim' ? 'claims' : 'entities' })}>
        ← {kind === 'claim' ? 'All claims' : 'All entities'}
      </a>
    </nav>
  );
  if (!data) {
    return (
      <div class="detail">
        {back}
        <h2 id="view-heading" tabIndex={-1}>
          Not in this archive
        </h2>
        <p class="empty-state">
          The archive has no {kind} with the id “{id}”. The link may come from another version of the pack.
        </p>
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
  const entity = archive.entity(id)!;
  const passages = entity.passages.length;
  const claims = archive.claimsFor(id).length;
  return (
    <p class="detail-more">
      <a href={formatRoute({ view: 'timeline', entity: id })}>
        {entity.name} on the timeline: {passages} {passages === 1 ? 'passage' : 'passages'}
        {claims > 0 && `, ${claims} ${claims === 1 ? 'claim' : 'claims'}`}
      </a>
    </p>
  );
}

function ClaimMore({ archive, id }: { archive: ArchiveIndex; id: string }) {
  const passages = [...new Set(archive.claim(id)!.evidencePassages)];
  if (!passages.length) return null;
  return (
    <section class="detail-more" aria-labelledby="evidence-in-archive">
      <h3 id="evidence-in-archive">The evidence in the archive</h3>
      <ul>
        {passages.map((passage) => {
          const sourceId = archive.sourceOfPassage(passage) ?? '';
          const source = archive.source(sourceId);
          return (
            <li key={passage}>
              <a href={formatRoute({ view: 'articles', article: sourceId, passage })}>
                {source?.headline ?? `Untitled article, ${source?.publisher ?? sourceId}`}
              </a>
              {source && (
                <span class="claim-meta">
                  {' '}
                  · {source.publisher}, {formatDate(source.date)}, passage {archive.paragraphNumber(passage)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
