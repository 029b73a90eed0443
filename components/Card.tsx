import type { CardData, ClaimCardData, EntityCardData, EntityRef } from '../lib/view/card-data';
import { ENTITY_TYPE_MESSAGES } from '../lib/view/entity-groups';
import type { MessageKey } from '../lib/view/i18n';
import type { EvidenceStance } from '../lib/knowledge/types';
import { useI18n } from './i18n';
import { sourceDateLabel } from './source-date';
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

const RULES: Record<Reason['rule'], MessageKey> = {
  alias: 'reasonAlias',
  'name-on-page': 'reasonNameOnPage',
  'cue-nearby': 'reasonCueNearby',
  'page-topic': 'reasonPageTopic',
  claim: 'reasonClaim',
};

/** The background for one highlight: presentational, everything comes in through props. */
export function Card({ data, reason, headingId, onClose, onSelect, onCorrect, onCopy }: CardProps) {
  const i18n = useI18n();
  return (
    <article class="card" aria-labelledby={headingId}>
      <header class="card-header">
        <div>
          <p class="card-kind">{i18n.t(data.kind === 'entity' ? ENTITY_TYPE_MESSAGES[data.type] : 'cardKindClaim')}</p>
          <h2 id={headingId} tabIndex={-1}>
            {data.kind === 'entity' ? data.name : data.statement}
          </h2>
        </div>
        {onClose && (
          <button type="button" class="card-close" aria-label={i18n.t('close')} onClick={onClose}>
            ×
          </button>
        )}
      </header>
      {reason && <p class="card-reason">{i18n.t(RULES[reason.rule], reason.alias, reason.cue ?? '')}</p>}
      {data.kind === 'entity' ? (
        <EntityBody data={data} onSelect={onSelect} onCopy={onCopy} />
      ) : (
        <ClaimBody data={data} onSelect={onSelect} onCopy={onCopy} />
      )}
      {onCorrect && (
        <section class="card-correct" aria-label={i18n.t('correctRegion')}>
          <h3>{i18n.t('wrongMatch')}</h3>
          <div class="card-correct-buttons">
            <button type="button" onClick={() => onCorrect('not-here')}>
              {i18n.t(data.kind === 'entity' ? 'notThisEntityHere' : 'notThisClaimHere')}
            </button>
            <button type="button" onClick={() => onCorrect('never-on-site')}>
              {i18n.t('neverOnSite')}
            </button>
          </div>
        </section>
      )}
      <footer class="card-footer">{i18n.t('cardFooter', data.pack.name, data.pack.version)}</footer>
    </article>
  );
}

function EntityBody({ data, onSelect, onCopy }: { data: EntityCardData } & Pick<CardProps, 'onSelect' | 'onCopy'>) {
  const i18n = useI18n();
  return (
    <>
      <p class="card-summary">{data.summary}</p>
      <p class="card-sources">
        {i18n.t('basedOn', data.summarySources.map((s) => `${s.publisher}, ${sourceDateLabel(i18n, s)}`).join('; '))}
      </p>
      {data.claims.length > 0 && (
        <section>
          <h3>{i18n.t('claimsAbout', data.name)}</h3>
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
          <h3>{i18n.t('inTheArchive')}</h3>
          <ol class="timeline">
            {data.timeline.map((entry, i) => (
              <li key={i}>
                <p class="timeline-meta">
                  <time dateTime={entry.source.date}>{sourceDateLabel(i18n, entry.source)}</time> ·{' '}
                  {entry.source.publisher}
                </p>
                <blockquote>{entry.text}</blockquote>
                <SourceLinkView link={entry.link} citation={entry.source.citation} onCopy={onCopy} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <EntityChips title={i18n.t('related')} entities={data.related} onSelect={onSelect} />
    </>
  );
}

const STANCES: Record<EvidenceStance, MessageKey> = {
  states: 'stanceStates',
  supports: 'stanceSupports',
  disputes: 'stanceDisputes',
  context: 'stanceContext',
};

function ClaimBody({ data, onSelect, onCopy }: { data: ClaimCardData } & Pick<CardProps, 'onSelect' | 'onCopy'>) {
  const i18n = useI18n();
  return (
    <>
      <p class="card-claim-status">
        <StatusLabel status={data.status} /> <span>{i18n.t('saidBy', data.claimant)}</span> ·{' '}
        <time dateTime={data.date}>{i18n.date(data.date)}</time>
      </p>
      <p class="card-summary">{data.context}</p>
      <section>
        <h3>{i18n.t('whatSourcesSay')}</h3>
        <ul class="evidence">
          {data.evidence.map((entry, i) => (
            <li key={i} class={`evidence-${entry.stance}`}>
              <p class="timeline-meta">
                <strong>{i18n.t(STANCES[entry.stance])}</strong> · {entry.source.publisher},{' '}
                <time dateTime={entry.source.date}>{sourceDateLabel(i18n, entry.source)}</time>
              </p>
              <blockquote>{entry.quote}</blockquote>
              <SourceLinkView link={entry.link} citation={entry.source.citation} onCopy={onCopy} />
            </li>
          ))}
        </ul>
      </section>
      <EntityChips title={i18n.t('about')} entities={data.about} onSelect={onSelect} />
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
