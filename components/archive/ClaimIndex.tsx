import { useState } from 'preact/hooks';
import type { ArchiveIndex, ClaimGroupIndex } from '../../lib/archive/archive-index';
import { formatRoute } from '../../lib/archive/route';
import type { MessageKey } from '../../lib/view/i18n';
import { useI18n } from '../i18n';
import { StatusLabel } from '../StatusLabel';
import { ShowMore } from './ShowMore';

const PAGE = 40;

const HEADINGS: Record<ClaimGroupIndex['status'], MessageKey> = {
  supported: 'claimsSupported',
  disputed: 'claimsDisputed',
  'needs-context': 'claimsNeedContext',
  reported: 'claimsReported',
};

/** Every claim, grouped by what the sources make of it, newest first. */
export function ClaimIndex({ archive }: { archive: ArchiveIndex }) {
  const i18n = useI18n();
  const groups = archive.claimGroups();
  if (!groups.length) return <p class="empty-state">{i18n.t('noClaims')}</p>;
  return (
    <div class="claim-index">
      {groups.map((entry) => (
        <ClaimGroupSection key={entry.status} entry={entry} />
      ))}
    </div>
  );
}

function ClaimGroupSection({ entry: { status, claims } }: { entry: ClaimGroupIndex }) {
  const i18n = useI18n();
  const [shown, setShown] = useState(PAGE);
  return (
    <section class="index-group" aria-labelledby={`status-${status}`}>
      <h3 id={`status-${status}`}>
        {i18n.t(HEADINGS[status])} <span class="count">{i18n.number(claims.length)}</span>
      </h3>
      <ul class="claim-list">
        {claims.slice(0, shown).map((claim) => (
          <li key={claim.id}>
            <StatusLabel status={claim.status} />
            <a href={formatRoute({ view: 'claim', id: claim.id })}>{claim.statement}</a>
            <span class="claim-meta">
              {claim.claimant} · <time dateTime={claim.date}>{i18n.date(claim.date)}</time>
            </span>
          </li>
        ))}
      </ul>
      <ShowMore
        shown={Math.min(shown, claims.length)}
        total={claims.length}
        noun={i18n.t('nounClaims')}
        step={PAGE}
        onMore={() => setShown(shown + PAGE)}
      />
    </section>
  );
}
