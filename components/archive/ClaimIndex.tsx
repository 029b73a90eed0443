import { useState } from 'preact/hooks';
import type { ArchiveIndex, ClaimGroupIndex } from '../../lib/archive/archive-index';
import { formatDate } from '../../lib/archive/dates';
import { formatRoute } from '../../lib/archive/route';
import { StatusLabel } from '../StatusLabel';
import { ShowMore } from './ShowMore';

const PAGE = 40;

const HEADINGS: Record<ClaimGroupIndex['status'], string> = {
  supported: 'Supported by the sources',
  disputed: 'Disputed by the sources',
  'needs-context': 'Need context',
  reported: 'Reported, not confirmed',
};

/** Every claim, grouped by what the sources make of it, newest first. */
export function ClaimIndex({ archive }: { archive: ArchiveIndex }) {
  const groups = archive.claimGroups();
  if (!groups.length) return <p class="empty-state">This archive has no claims.</p>;
  return (
    <div class="claim-index">
      {groups.map((entry) => (
        <ClaimGroupSection key={entry.status} entry={entry} />
      ))}
    </div>
  );
}

function ClaimGroupSection({ entry: { status, claims } }: { entry: ClaimGroupIndex }) {
  const [shown, setShown] = useState(PAGE);
  return (
    <section class="index-group" aria-labelledby={`status-${status}`}>
      <h3 id={`status-${status}`}>
        {HEADINGS[status]} <span class="count">{claims.length.toLocaleString('en')}</span>
      </h3>
      <ul class="claim-list">
        {claims.slice(0, shown).map((claim) => (
          <li key={claim.id}>
            <StatusLabel status={claim.status} />
            <a href={formatRoute({ view: 'claim', id: claim.id })}>{claim.statement}</a>
            <span class="claim-meta">
              {claim.claimant} · <time dateTime={claim.date}>{formatDate(claim.date)}</time>
            </span>
          </li>
        ))}
      </ul>
      <ShowMore
        shown={Math.min(shown, claims.length)}
        total={claims.length}
        noun="claims"
        step={PAGE}
        onMore={() => setShown(shown + PAGE)}
      />
    </section>
  );
}
