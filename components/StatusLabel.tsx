const LABELS: Record<string, string> = {
  supported: 'Supported',
  disputed: 'Disputed',
  'needs-context': 'Needs context',
  reported: 'Reported',
};

/** A claim's status as a reader reads it at a glance; colour is never the only signal. */
export function StatusLabel({ status }: { status: string }) {
  return <span class={`status status-${status}`}>{LABELS[status] ?? status}</span>;
}
