import { useI18n } from '../i18n';

export interface ShowMoreProps {
  shown: number;
  total: number;
  /** Plural noun for the button: "articles", "people". */
  noun: string;
  step: number;
  onMore: () => void;
}

/** "Show 50 more" under a long list: only the first part of a list is ever rendered. */
export function ShowMore({ shown, total, noun, step, onMore }: ShowMoreProps) {
  const i18n = useI18n();
  if (shown >= total) return null;
  return (
    <p class="show-more">
      <span class="show-more-status">{i18n.t('showingOf', i18n.number(shown), i18n.number(total), noun)}</span>
      <button type="button" onClick={onMore}>
        {i18n.t('showMore', i18n.number(Math.min(step, total - shown)))}
      </button>
    </p>
  );
}
