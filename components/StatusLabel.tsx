import type { MessageKey } from '../lib/view/i18n';
import { useI18n } from './i18n';

const LABELS: Record<string, MessageKey> = {
  supported: 'statusSupported',
  disputed: 'statusDisputed',
  'needs-context': 'statusNeedsContext',
  reported: 'statusReported',
};

/** A claim's status as a reader reads it at a glance; colour is never the only signal. */
export function StatusLabel({ status }: { status: string }) {
  const i18n = useI18n();
  const label = LABELS[status];
  return <span class={`status status-${status}`}>{label ? i18n.t(label) : status}</span>;
}
