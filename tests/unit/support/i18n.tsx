/** The UI in English or Spanish for component tests: the extension's own messages.json files, read as Chrome reads them. */
import type { ComponentChild } from 'preact';
import english from '../../../assets/public/_locales/en/messages.json';
import spanish from '../../../assets/public/_locales/es/messages.json';
import { I18nContext } from '../../../components/i18n';
import { type I18n, createI18n, messagesGetter } from '../../../lib/view/i18n';

export const MESSAGES = { en: english, es: spanish } as const;

export function i18nFor(language: keyof typeof MESSAGES, uiLanguage: string = language): I18n {
  return createI18n(messagesGetter(MESSAGES[language]), uiLanguage);
}

export function inLanguage(i18n: I18n, node: ComponentChild) {
  return <I18nContext.Provider value={i18n}>{node}</I18nContext.Provider>;
}
