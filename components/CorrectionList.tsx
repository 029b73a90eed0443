import type { Correction } from '../lib/corrections';

export interface CorrectionListProps {
  corrections: readonly Correction[];
  onUndo: (correction: Correction) => void;
}

/** Local corrections made from cards, newest first, each with undo. */
export function CorrectionList({ corrections, onUndo }: CorrectionListProps) {
  if (!corrections.length) {
    return <p class="empty-state">None. Use “Wrong match?” in a card to stop a highlight here or on a whole site.</p>;
  }
  return (
    <ul class="correction-list">
      {[...corrections].reverse().map((c) => (
        <li
          key={`${c.type}|${c.target.kind}|${c.target.id}|${c.type === 'never-on-site' ? c.hostname : c.page + c.text}`}
        >
          <span>
            {c.type === 'never-on-site' ? (
              <>
                Never highlight <strong>{c.target.label}</strong> on {c.hostname}
              </>
            ) : (
              <>
                “{c.text}” is not <strong>{c.target.label}</strong> on {c.page}
              </>
            )}
          </span>
          <button type="button" onClick={() => onUndo(c)}>
            Undo
          </button>
        </li>
      ))}
    </ul>
  );
}
