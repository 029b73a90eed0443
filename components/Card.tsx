import type { CardData, ClaimCardData, EntityCardData, EntityRef } from '../lib/view/card-data';
import { ENTITY_TYPE_MESSAGES } from '../lib/view/entity-groups';
import type { I18n, MessageKey } from '../lib/view/i18n';
import type { EvidenceStance } from '../lib/knowledge/types';
import { leadSentences } from '../lib/view/lead';
import { type CorrectionRefusal, MAX_CORRECTIONS } from '../lib/preferences/correction-limits';
import { useState } from 'preact/hooks';
import { useI18n } from './i18n';
import { sourceDateLabel } from './source-date';
import { SourceLinkView } from './SourceLinkView';
import { SourcePassage } from './SourcePassage';
import { StatusLabel } from './StatusLabel';

/** Why a piece of text was highlighted, as the matcher recorded it. */
export interface Reason {
  alias: string;
  rule: 'alias' | 'name-on-page' | 'cue-nearby' | 'page-topic' | 'near-spelling' | 'claim';
  cue?: string;
}

/**
 * 'details' is the whole background (popup, archive browser); 'preview' is what a hover first shows
 * beside the word; 'expanded' is the whole background in that same place, with a way through it.
 */
export type CardVariant = 'details' | 'preview' | 'expanded';

export interface CardProps {
  data: CardData;
  variant?: CardVariant;
  /** The preview's one action: show everything. */
  onExpand?: () => void;
  reason?: Reason;
  headingId: string;
  onClose?: () => void;
  onSelect?: (kind: 'entity' | 'claim', id: string) => void;
  /** Offered on the page for the highlighted item: a local correction of a wrong match. */
  onCorrect?: (type: 'not-here' | 'never-on-site') => void;
  /** The last correction was not saved: the list is full, or too many were made just now. */
  correctionRefused?: CorrectionRefusal;
  /** Copies text to the clipboard (citations, links to passages). */
  onCopy?: (text: string) => Promise<void>;
  /** The entity's claim the preview shows, the most relevant on the page (lib/view/lead-claim.ts); else its first. */
  leadClaimId?: string;
}

const RULES: Record<Reason['rule'], MessageKey> = {
  alias: 'reasonAlias',
  'name-on-page': 'reasonNameOnPage',
  'cue-nearby': 'reasonCueNearby',
  'page-topic': 'reasonPageTopic',
  'near-spelling': 'reasonNearSpelling',
  claim: 'reasonClaim',
};

/** Preview characters of summary: one or two sentences, about four lines of the card. */
const PREVIEW_SUMMARY_CHARS = 240;

/**
 * A reason is worth a line only where it tells the reader something: a name shared with others that
 * the page confirmed, or an alias other than the name in the heading ("Comando Sur"). An exact full
 * name, or a claim, explains itself.
 */
export function reasonWorthShowing(reason: Reason, name: string): boolean {
  if (reason.rule === 'claim') return false;
  return reason.rule !== 'alias' || fold(reason.alias) !== fold(name);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The background for one highlight: presentational, everything comes in through props. */
export function Card(props: CardProps) {
  const { data, variant = 'details', reason, headingId, onClose, onSelect, onCorrect, onCopy } = props;
  const i18n = useI18n();
  if (variant === 'preview') return <Preview {...props} />;
  return (
    <article class={`card card-${variant}`} aria-labelledby={headingId}>
      <Header data={data} headingId={headingId} onClose={onClose} />
      {reason && reasonWorthShowing(reason, headingText(data)) && <ReasonLine reason={reason} />}
      {variant === 'expanded' && <SectionLinks data={data} correctable={!!onCorrect} />}
      {data.kind === 'entity' ? (
        <EntityBody data={data} onSelect={onSelect} onCopy={onCopy} />
      ) : (
        <ClaimBody data={data} onSelect={onSelect} onCopy={onCopy} />
      )}
      {onCorrect && (
        <section class="card-correct" aria-label={i18n.t('correctRegion')}>
          <h3>{i18n.t('wrongMatch')}</h3>
          <CorrectButtons kind={data.kind} onCorrect={onCorrect} />
          <RefusalLine refusal={props.correctionRefused} />
        </section>
      )}
      <footer class="card-footer">{i18n.t('cardFooter', data.pack.name, data.pack.version)}</footer>
    </article>
  );
}

function Header({ data, headingId, onClose }: Pick<CardProps, 'data' | 'headingId' | 'onClose'>) {
  const i18n = useI18n();
  return (
    <header class="card-header">
      <div>
        <p class="card-kind">{i18n.t(data.kind === 'entity' ? ENTITY_TYPE_MESSAGES[data.type] : 'cardKindClaim')}</p>
        <h2 id={headingId} tabIndex={-1}>
          {headingText(data)}
        </h2>
      </div>
      {onClose && (
        <button type="button" class="card-close" aria-label={i18n.t('close')} onClick={onClose}>
          ×
        </button>
      )}
    </header>
  );
}

function headingText(data: CardData): string {
  return data.kind === 'entity' ? data.name : data.statement;
}

function ReasonLine({ reason }: { reason: Reason }) {
  const i18n = useI18n();
  return <p class="card-reason">{i18n.t(RULES[reason.rule], reason.alias, reason.cue ?? '')}</p>;
}

function CorrectButtons({
  kind,
  onCorrect,
}: {
  kind: CardData['kind'];
  onCorrect: NonNullable<CardProps['onCorrect']>;
}) {
  const i18n = useI18n();
  return (
    <div class="card-correct-buttons">
      <button type="button" onClick={() => onCorrect('not-here')}>
        {i18n.t(kind === 'entity' ? 'notThisEntityHere' : 'notThisClaimHere')}
      </button>
      <button type="button" onClick={() => onCorrect('never-on-site')}>
        {i18n.t('neverOnSite')}
      </button>
    </div>
  );
}

/** Said where the buttons are, so that a correction that was not saved does not fail silently. */
function RefusalLine({ refusal }: { refusal: CorrectionRefusal | undefined }) {
  const i18n = useI18n();
  return (
    <p class="card-correct-refused" role="status">
      {refusal === 'full'
        ? i18n.t('correctionRefusedFull', i18n.number(MAX_CORRECTIONS))
        : refusal === 'too-fast'
          ? i18n.t('correctionRefusedTooFast')
          : ''}
    </p>
  );
}

/**
 * What a hover first shows: name, type, the summary's first sentences, the status of the most
 * relevant claim, the reason where it was a judgement, and one action to see everything.
 */
function Preview({ data, reason, headingId, onClose, onExpand, onCorrect, correctionRefused, leadClaimId }: CardProps) {
  const i18n = useI18n();
  const [correcting, setCorrecting] = useState(false);
  const lead = data.kind === 'entity' ? (data.claims.find((c) => c.id === leadClaimId) ?? data.claims[0]) : data;
  return (
    <article class="card card-preview" aria-labelledby={headingId}>
      <Header data={data} headingId={headingId} onClose={onClose} />
      {reason && reasonWorthShowing(reason, headingText(data)) && <ReasonLine reason={reason} />}
      {data.kind === 'claim' && (
        <p class="card-claim-status">
          <span>{i18n.t('saidBy', data.claimant)}</span> · <time dateTime={data.date}>{i18n.date(data.date)}</time>
        </p>
      )}
      <p class="card-summary">
        {leadSentences(data.kind === 'entity' ? data.summary : data.context, PREVIEW_SUMMARY_CHARS)}
      </p>
      {lead && (
        <p class="card-lead-claim">
          <StatusLabel status={lead.status} />
          {data.kind === 'entity' && <span class="card-lead-statement"> {lead.statement}</span>}
        </p>
      )}
      <div class="card-actions">
        {onExpand && (
          <button type="button" class="card-expand" onClick={onExpand}>
            {i18n.t('fullBackground')}
          </button>
        )}
        <span class="card-counts">{previewCounts(i18n, data)}</span>
        {onCorrect && (
          <button
            type="button"
            class="card-wrong"
            aria-expanded={correcting}
            onClick={() => setCorrecting(!correcting)}
          >
            {i18n.t('wrongMatch')}
          </button>
        )}
      </div>
      {onCorrect && (correcting || correctionRefused) && (
        <section class="card-correct" aria-label={i18n.t('correctRegion')}>
          <CorrectButtons kind={data.kind} onCorrect={onCorrect} />
          <RefusalLine refusal={correctionRefused} />
        </section>
      )}
    </article>
  );
}

/** What the full background holds, so the action says what it opens. */
function previewCounts(i18n: I18n, data: CardData): string {
  return data.kind === 'entity'
    ? [i18n.plural('claimCount', data.claims.length), i18n.plural('passageCount', data.timeline.length)].join(' · ')
    : i18n.plural('sourceCount', new Set(data.evidence.map((e) => e.source.id)).size);
}

/** The expanded card scrolls: its sections are named at the top, each one click away. */
function SectionLinks({ data, correctable }: { data: CardData; correctable: boolean }) {
  const i18n = useI18n();
  const jump = (event: Event, selector: string) => {
    const card = (event.currentTarget as HTMLElement).closest('.card');
    card?.querySelector(selector)?.scrollIntoView({ block: 'start' });
  };
  const links: { selector: string; label: string }[] =
    data.kind === 'entity'
      ? [
          ...(data.claims.length
            ? [{ selector: '.card-claims', label: i18n.plural('claimCount', data.claims.length) }]
            : []),
          ...(data.timeline.length
            ? [{ selector: '.timeline', label: i18n.plural('passageCount', data.timeline.length) }]
            : []),
        ]
      : [{ selector: '.evidence', label: i18n.t('whatSourcesSay') }];
  if (correctable) links.push({ selector: '.card-correct', label: i18n.t('wrongMatch') });
  return (
    <nav class="card-sections" aria-label={i18n.t('cardSections')}>
      {links.map((link) => (
        <button key={link.selector} type="button" class="link-button" onClick={(e) => jump(e, link.selector)}>
          {link.label}
        </button>
      ))}
      <span class="card-scroll-hint" aria-hidden="true">
        ↓
      </span>
    </nav>
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
                <SourcePassage source={entry.source}>{entry.text}</SourcePassage>
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
              <SourcePassage source={entry.source}>{entry.quote}</SourcePassage>
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
