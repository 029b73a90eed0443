export interface ShowMoreProps {
  shown: number;
  total: number;
  /** Plural noun for the button: "articles", "people". */
  noun: string;
  step: number;
  onMore: () => void;
}

const count = (n: number) => n.toLocaleString('en');

/** "Show 50 more" under a long list: only the first part of a list is ever rendered. */
export function ShowMore({ shown, total, noun, step, onMore }: ShowMoreProps) {
  if (shown >= total) return null;
  return (
    <p class="show-more">
      <span class="show-more-status">
        Showing {count(shown)} of {count(total)} {noun}
      </span>
      <button type="button" onClick={onMore}>
        Show {count(Math.min(step, total - shown))} more
      </button>
    </p>
  );
}
