import { useMemo, useState } from 'preact/hooks';
import type { ArchiveIndex } from '../../lib/archive/archive-index';
import { formatRoute } from '../../lib/archive/route';
import { type TimelineEvent, buildTimeline, groupByMonth } from '../../lib/archive/timeline';
import { ENTITY_TYPE_MESSAGES } from '../../lib/view/entity-groups';
import { capitalise } from '../../lib/view/i18n';
import { RichMessage, useI18n } from '../i18n';
import { SourcePassage } from '../SourcePassage';
import { StatusLabel } from '../StatusLabel';
import { EntityPicker } from './EntityPicker';
import { Loading } from './Loading';
import { PassageText } from './PassageText';
import { ShowMore } from './ShowMore';
import { useParts } from './useParts';

export interface TimelineProps {
  archive: ArchiveIndex;
  /** Only this entity's passages and claims. */
  entity?: string;
  onEntity: (entityId: string | undefined) => void;
}

const PAGE = 100;

/** Articles and claims by month; filtered by an entity, its passages (first mention marked) and claims. */
export function Timeline({ archive, entity, onEntity }: TimelineProps) {
  const i18n = useI18n();
  const events = useMemo(() => buildTimeline(archive, entity), [archive, entity]);
  const chosen = entity ? archive.entity(entity) : undefined;
  return (
    <div class="timeline-view">
      <div class="timeline-filter">
        {chosen ? (
          <p class="filter-current">
            <RichMessage
              id="timelineShowing"
              values={[
                <a href={formatRoute({ view: 'entity', id: chosen.id })}>
                  <strong>{chosen.name}</strong>
                </a>,
                <span class="entry-type">({i18n.t(ENTITY_TYPE_MESSAGES[chosen.type])})</span>,
              ]}
            />{' '}
            <button type="button" onClick={() => onEntity(undefined)}>
              {i18n.t('showEverything')}
            </button>
          </p>
        ) : entity ? (
          <p class="empty-state">
            {i18n.t('timelineNoSuchEntity', entity)}{' '}
            <button type="button" onClick={() => onEntity(undefined)}>
              {i18n.t('showEverything')}
            </button>
          </p>
        ) : (
          <p class="filter-current">{i18n.t('timelineEverything')}</p>
        )}
        <EntityPicker archive={archive} label={i18n.t(chosen ? 'anotherEntity' : 'filterByEntity')} onPick={onEntity} />
      </div>
      {events.length ? (
        <TimelineList key={entity ?? ''} archive={archive} events={events} entity={entity} />
      ) : (
        chosen && <p class="empty-state">{i18n.t('nothingDatedFor', chosen.name)}</p>
      )}
      {!events.length && !entity && <p class="empty-state">{i18n.t('nothingDated')}</p>}
    </div>
  );
}

function TimelineList({
  archive,
  events,
  entity,
}: {
  archive: ArchiveIndex;
  events: readonly TimelineEvent[];
  entity?: string;
}) {
  const i18n = useI18n();
  const [shown, setShown] = useState(PAGE);
  const months = useMemo(() => groupByMonth(events.slice(0, shown)), [events, shown]);
  // Passages show their text: the list waits for the chunks holding the ones it shows.
  const partsFor = (count: number) =>
    archive.passageParts(events.slice(0, count).flatMap((event) => (event.kind === 'passage' ? [event.passage] : [])));
  const state = useParts(archive, partsFor(PAGE));
  if (state !== 'ready') return <Loading state={state} />;
  return (
    <>
      {months.map((month) => (
        <section class="timeline-month" key={month.key} aria-labelledby={`month-${month.key}`}>
          <h3 id={`month-${month.key}`}>
            {month.key === 'undated' ? i18n.t('undated') : capitalise(i18n.date(month.key), i18n.locale)}
          </h3>
          <ol class="events">
            {month.events.map((event) => (
              <EventItem key={eventKey(event)} archive={archive} event={event} entity={entity} />
            ))}
          </ol>
        </section>
      ))}
      <ShowMore
        shown={Math.min(shown, events.length)}
        total={events.length}
        noun={i18n.t('nounEvents')}
        step={PAGE}
        onMore={() => archive.load(partsFor(shown + PAGE)).then(() => setShown(shown + PAGE), console.error)}
      />
    </>
  );
}

function eventKey(event: TimelineEvent): string {
  return event.kind === 'claim'
    ? `c:${event.claimId}`
    : event.kind === 'article'
      ? `a:${event.sourceId}`
      : `p:${event.passage}`;
}

function EventItem({ archive, event, entity }: { archive: ArchiveIndex; event: TimelineEvent; entity?: string }) {
  const i18n = useI18n();
  const date = (
    <time dateTime={event.date}>
      {i18n.date(event.date)}
      {event.kind !== 'claim' && event.estimated && <span class="estimated"> {i18n.t('estimatedShort')}</span>}
    </time>
  );
  if (event.kind === 'claim') {
    const claim = archive.claim(event.claimId)!;
    return (
      <li class="event event-claim">
        <p class="event-meta">
          <span class="event-kind">{i18n.t('cardKindClaim')}</span> {date} · {claim.claimant}
        </p>
        <p class="event-title">
          <StatusLabel status={claim.status} />{' '}
          <a href={formatRoute({ view: 'claim', id: claim.id })}>{claim.statement}</a>
        </p>
      </li>
    );
  }
  const source = archive.source(event.sourceId)!;
  const title = source.headline ?? i18n.t('untitledArticleBy', source.publisher);
  if (event.kind === 'article') {
    return (
      <li class="event event-article">
        <p class="event-meta">
          <span class="event-kind">{i18n.t('eventArticle')}</span> {date} · {source.publisher}
        </p>
        <p class="event-title">
          <a href={formatRoute({ view: 'articles', article: source.id })}>{title}</a>
        </p>
      </li>
    );
  }
  return (
    <li class={event.first ? 'event event-passage is-first' : 'event event-passage'}>
      <p class="event-meta">
        <span class="event-kind">{i18n.t(event.first ? 'firstMention' : 'mention')}</span> {date} · {source.publisher}:{' '}
        <a href={formatRoute({ view: 'articles', article: source.id, passage: event.passage })}>{title}</a>
      </p>
      <SourcePassage source={source}>
        <PassageText archive={archive} passage={event.passage} current={entity} />
      </SourcePassage>
    </li>
  );
}
