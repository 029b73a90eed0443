export interface EmptyStateProps {
  reason: 'nothing-found' | 'off' | 'unavailable';
  /** Offered where Backstory does not run by itself: run it on this page once. */
  onRunHere?: () => void;
}

const MESSAGES: Record<EmptyStateProps['reason'], string> = {
  'nothing-found':
    'Nothing from the archive on this page. Backstory looks for the people, groups, places, drugs, policies and claims of 16 news articles from 2025 on the U.S. campaign against drug cartels, Venezuela, Colombia, Mexico and Europe’s drug crisis.',
  off: 'Backstory is off here. Turn it on to highlight names and claims from the archive.',
  unavailable:
    'Backstory does not run on this site by itself. You can run it on this page now; browser pages and the extension stores stay off limits.',
};

/** Says what Backstory looks for instead of showing a blank box. */
export function EmptyState({ reason, onRunHere }: EmptyStateProps) {
  return (
    <div class="empty-state">
      <p>{MESSAGES[reason]}</p>
      {reason === 'unavailable' && onRunHere && (
        <button type="button" class="run-here" onClick={onRunHere}>
          Run Backstory on this page
        </button>
      )}
    </div>
  );
}
