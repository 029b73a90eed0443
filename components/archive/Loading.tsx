import type { MessageKey } from '../../lib/view/i18n';
import { useI18n } from '../i18n';
import type { PartsState } from './useParts';

/** Stands in for a view, or part of one, while the archive parts it needs load. */
export function Loading({
  state,
  what = 'loading',
}: {
  state: Exclude<PartsState, 'ready'>;
  what?: Extract<MessageKey, 'loading' | 'loadingPassages' | 'searching'>;
}) {
  const i18n = useI18n();
  return state === 'failed' ? (
    <p class="empty-state" role="alert">
      {i18n.t('archivePartFailed')}
    </p>
  ) : (
    <p class="loading" role="status">
      {i18n.t(what)}
    </p>
  );
}
