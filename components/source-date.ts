import type { I18n } from '../lib/view/i18n';

/**
 * A source's date as every view shows it (cards, search results): in the UI language, with "(est.)"
 * when the archive estimated it ("October 19, 2025 (est.)").
 */
export function sourceDateLabel(i18n: I18n, source: { date: string; dateIsEstimate: boolean }): string {
  const date = i18n.date(source.date);
  return source.dateIsEstimate ? i18n.t('dateEstimatedShort', date) : date;
}
