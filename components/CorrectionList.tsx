import type { Correction } from '../lib/preferences/corrections';
import { RichMessage, useI18n } from './i18n';

export interface CorrectionListProps {
  corrections: readonly Correction[];
  onUndo: (correction: Correction) => void;
}

/** Local corrections made from cards, newest first, each with undo. */
export function CorrectionList({ corrections, onUndo }: CorrectionListProps) {
  const i18n = useI18n();
  if (!corrections.length) {
    return <p class="empty-state">{i18n.t('noCorrections')}</p>;
  }
  return (
    <ul class="correction-list">
      {[...corrections].reverse().map((c) => (
        <li
          key={`${c.type}|${c.target.kind}|${c.target.id}|${c.type === 'never-on-site' ? c.hostname : c.page + c.textHash}`}
        >
          <span>
            {c.type === 'never-on-site' ? (
              <RichMessage id="correctionNeverOnSite" values={[<strong>{c.target.label}</strong>, c.hostname]} />
            ) : (
              <RichMessage id="correctionNotHere" values={[<strong>{c.target.label}</strong>, c.page]} />
            )}
          </span>
          <button type="button" onClick={() => onUndo(c)}>
            {i18n.t('undo')}
          </button>
        </li>
      ))}
    </ul>
  );
}
