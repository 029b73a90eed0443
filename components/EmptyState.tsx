import type { MessageKey } from '../lib/view/i18n';
import { useI18n } from './i18n';

export interface EmptyStateProps {
  reason: 'nothing-found' | 'off' | 'unavailable';
  /** Offered where Backstory does not run by itself: run it on this page once. */
  onRunHere?: () => void;
}

const MESSAGES: Record<EmptyStateProps['reason'], MessageKey> = {
  'nothing-found': 'emptyNothingFound',
  off: 'emptyOff',
  unavailable: 'emptyUnavailable',
};

/** Says what Backstory looks for instead of showing a blank box. */
export function EmptyState({ reason, onRunHere }: EmptyStateProps) {
  const i18n = useI18n();
  return (
    <div class="empty-state">
      <p>{i18n.t(MESSAGES[reason])}</p>
      {reason === 'unavailable' && onRunHere && (
        <button type="button" class="run-here" onClick={onRunHere}>
          {i18n.t('runHere')}
        </button>
      )}
    </div>
  );
}
