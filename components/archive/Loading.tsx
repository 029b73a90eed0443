import type { PartsState } from './useParts';

/** Stands in for a view, or part of one, while the archive parts it needs load. */
export function Loading({ state, what = 'Loading…' }: { state: Exclude<PartsState, 'ready'>; what?: string }) {
  return state === 'failed' ? (
    <p class="empty-state" role="alert">
      This part of the archive could not be loaded. Reload the page to try again.
    </p>
  ) : (
    <p class="loading" role="status">
      {what}
    </p>
  );
}
