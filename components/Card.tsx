import type { CardData, ClaimCardData, EntityCardData, EntityRef, SourceRef } from '../lib/card-data';
import { ENTITY_TYPE_LABELS } from '../lib/entity-groups';
import { SourceLinkView } from './SourceLinkView';
import { StatusLabel } from './StatusLabel';

/** Why a piece of text was highlighted, as the matcher recorded it. */
export interface Reason {
  alias: string;
  rule: 'alias' | 'name-on-page' | 'cue-nearby' | 'page-topic' | 'claim';
  cue?: string;
}

export interface CardProps {
  data: CardData;
  reason?: Reason;
  headingId: string;
  onClose?: () => void;
  onSelect?: (kind: 'entity' | 'claim', id: string) => void;
  /** Offered on the page for the highlighted item: a local correction of a wrong match. */
  onCorrect?: (type: 'not-here' | 'never-on-site') => void;
  /** Copies text to the clipboard (citations, links to passages). */
  onCopy?: (text: string) => Promise<void>;
}

const RULES: Record<Reason['rule'], (reason: Reason) => string> = {
  alias: (r) => `Matched “${r.alias}”.`,
  'name-on-page': (r) => `Matched “${r.alias}”, a name shared with others; the page also names “${r.cue}”.`,
  'cue-nearby': (r) => `Matched “${r.alias}”, a name shared with others; confirmed by “${r.cue}” nearby.`,
  'page-topic': (r) => `Matched “${r.alias}”, a name shared with others; the page is about ${r.cue}.`,
  claim: () => 'This sentence states a claim the archive knows.',
};

/** The background for one highlight: presentational, everything comes in through props. */
export function Card({ data, reason, headingId, onClose, onSelect, onCorrect, onCopy }: CardProps) {
  return (
    <article class="card" aria-labelledby={headingId}>
      <header class="card-header">
        <div>
          <p class="card-kind">{data.kind === 'entity' ? ENTITY_TYPE_LABELS[data.type] : 'Claim'}</p>
          <h2 id={headingId} tabIndex={-1}>
            {data.kind === 'entity' ? data.name : data.statement}
          </h2>
        </div>
        {onClose && (
          <button type="button" class="card-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        )}
      </header>
      {reason && <p class="card-reason">{RULES[reason.rule](reason)}</p>}
      {data.kind === 'entity' ? (
        <EntityBody data={data} onSelect={onSelect} onCopy={onCopy} />
      ) : (
        <ClaimBody data={data} onSelect={onSelect} onCopy={onCopy} />
      )}
      {onCorrect && (
        <section class="card-correct" aria-label="Correct this highlight">
          <h3>Wrong match?</h3>
          <div class="card-correct-buttons">
            <button type="button" onClick={() => onCorrect('not-here')}>
              Not this {data.kind === 'entity' ? 'entity' : 'claim'} here
            </button>
            <button type="button" onClick={() => onCorrect('never-on-site')}>
              Never highlight it on this site
            </button>
          </div>
        </section>
      )}
      <footer class="card-footer">
        From {data.pack.name} · version {data.pack.version}
      </footer>
    </article>
  );
}

function dateLabel(source: SourceRef): string {
  return source.dateIsEstimate ? `${source.date} (est.)` : source.date;
}

function EntityBody({ data, onSelect, onCopy }: { data: EntityCardData } & Pick<CardProps, 'onSelect' | 'onCopy'>) {
  return (
    <>
      <p class="card-summary">{data.summary}</p>
      <p class="card-sources">
        Based on: {data.summarySources.map((s) => `${s.publisher} (${dateLabel(s)})`).join('; ')}
      </p>
      {data.claims.length > 0 && (
        <section>
          <h3>Claims about {data.name}</h3>
          <ul class="card-claims">
            {data.claims.map((claim) => (
              <li key={claim.id}>
                <StatusLabel status={claim.status} />{' '}
                {onSelect ? (
                  <button type="button" class="link-button" onClick={() => onSelect('claim', claim.id)}>
                    {claim.statement}
                  </button>
                ) : (
                  claim.statement
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.timeline.length > 0 && (
        <section>
          <h3>In the archive</h3>
          <ol class="timeline">
            {data.timeline.map((entry, i) => (
              <li key={i}>
                <p class="timeline-meta">
                  <time dateTime={entry.source.date}>{dateLabel(entry.source)}</time> · {entry.source.publisher}
                </p>
                <blockquote>{entry.text}</blockquote>
                <SourceLinkView link={entry.link} citation={entry.source.citation} onCopy={onCopy} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <EntityChips title="Related" entities={data.related} onSelect={onSelect} />
    </>
  );
}

const STANCES: Record<string, string> = {
  states: 'States it',
  supports: 'Supports',
  disputes: 'Disputes',
  context: 'Adds context',
};

function ClaimBody({ data, onSelect, onCopy }: { data: ClaimCardData } & Pick<CardProps, 'onSelect' | 'onCopy'>) {
  return (
    <>
      <p class="card-claim-status">
        <StatusLabel status={data.status} /> <span>Said by {data.claimant}</span> ·{' '}
        <time dateTime={data.date}>{data.date}</time>
      </p>
      <p class="card-summary">{data.context}</p>
      <section>
        <h3>What the sources say</h3>
        <ul class="evidence">
          {data.evidence.map((entry, i) => (
            <li key={i} class={`evidence-${entry.stance}`}>
              <p class="timeline-meta">
                <strong>{STANCES[entry.stance]}</strong> · {entry.source.publisher},{' '}
                <time dateTime={entry.source.date}>{dateLabel(entry.source)}</time>
              </p>
              <blockquote>{entry.quote}</blockquote>
              <SourceLinkView link={entry.link} citation={entry.source.citation} onCopy={onCopy} />
            </li>
          ))}
        </ul>
      </section>
      <EntityChips title="About" entities={data.about} onSelect={onSelect} />
    </>
  );
}

function EntityChips({
  title,
  entities,
  onSelect,
}: { title: string; entities: readonly EntityRef[] } & Pick<CardProps, 'onSelect'>) {
  if (!entities.length) return null;
  return (
    <section>
      <h3>{title}</h3>
      <ul class="chips">
        {entities.map((entity) => (
          <li key={entity.id}>
            {onSelect ? (
              <button type="button" class="chip" onClick={() => onSelect('entity', entity.id)}>
                {entity.name}
              </button>
            ) : (
              <span class="chip">{entity.name}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
