export interface EmptyStateProps {
  reason: 'nothing-found' | 'off' | 'unavailable';
}

const MESSAGES: Record<EmptyStateProps['reason'], string> = {
  'nothing-found':
    'Nothing from the archive on this page. Backstory looks for the people, groups, places, drugs, policies and claims of 16 news articles from 2025 on the U.S. campaign against drug cartels, Venezuela, Colombia, Mexico and Europe’s drug crisis.',
  off: 'Backstory is off here. Turn it on to highlight names and claims from the archive.',
  unavailable:
    'Backstory cannot read this page (browser pages and the extension stores are off limits). Open a news article to see what the archive knows about it.',
};

/** Says what Backstory looks for instead of showing a blank box. */
export function EmptyState({ reason }: EmptyStateProps) {
  return <p class="empty-state">{MESSAGES[reason]}</p>;
}
