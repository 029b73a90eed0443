/**
 * UI strings from the extension's `_locales/<language>/messages.json`: placeholders, plural forms
 * and dates and numbers in the reader's language. Pure: the extension passes browser.i18n.getMessage,
 * tests pass a getter over the messages.json files (`messagesGetter`).
 */
import type englishMessages from '../../assets/public/_locales/en/messages.json';

export type MessageKey = keyof typeof englishMessages;

/** Keys with plural forms `<key>_one`, `<key>_other` (and `_many` etc. where a language needs them). */
export type PluralKey = MessageKey extends infer Key ? (Key extends `${infer Base}_other` ? Base : never) : never;

/** browser.i18n.getMessage's contract: '' for an unknown key. */
export type MessageGetter = (key: string, substitutions?: string[]) => string;

/** A message with placeholders that stand for elements (a name in bold, a link): text and the substitutions' indexes. */
export type MessagePart = string | number;

export interface I18n {
  /** BCP 47 tag for Intl and `lang` attributes: the UI language, narrowed to the messages' language. */
  locale: string;
  t(key: MessageKey, ...substitutions: string[]): string;
  /** `count` formatted in the UI language is the first substitution. */
  plural(key: PluralKey, count: number, ...substitutions: string[]): string;
  /** The message split around its substitutions, for placing elements where the language puts them. */
  parts(key: MessageKey, substitutionCount: number): MessagePart[];
  number(value: number): string;
  /** An ISO date ("2025-08-08" or "2025-08") in words; anything else comes back unchanged. */
  date(iso: string): string;
}

export interface MessagesFile {
  [key: string]: { message: string; placeholders?: Record<string, { content: string }> };
}

/**
 * What browser.i18n.getMessage does with one messages.json file: named placeholders ($NAME$, any
 * case) stand for their content, where $1…$9 are the substitutions; $$ is a dollar sign.
 */
export function messagesGetter(messages: MessagesFile): MessageGetter {
  const placeholders = Object.fromEntries(
    Object.entries(messages).map(([key, entry]) => [
      key.toLowerCase(),
      Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content])),
    ]),
  );
  const entries = new Map(Object.entries(messages).map(([key, entry]) => [key.toLowerCase(), entry.message]));
  return (key, substitutions = []) => {
    const message = entries.get(key.toLowerCase());
    if (message === undefined) return '';
    const named = placeholders[key.toLowerCase()] ?? {};
    const substitute = (text: string) =>
      text.replace(/\$\$|\$([1-9])/g, (token, index?: string) =>
        index ? (substitutions[Number(index) - 1] ?? '') : '$',
      );
    return message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (token, name?: string) =>
      name === undefined ? '$' : substitute(named[name.toLowerCase()] ?? ''),
    );
  };
}

/** Intl with the UI's region ("es-MX") when it speaks the messages' language, else the messages' language. */
export function intlLocale(uiLanguage: string, messagesLanguage: string): string {
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  const ui = uiLanguage.replace(/_/g, '-');
  return primary(ui) === primary(messagesLanguage) && Intl.DateTimeFormat.supportedLocalesOf(ui).length
    ? ui
    : messagesLanguage;
}

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
/** Private-use characters around a substitution's index: they cannot occur in a translation. */
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

/** The part of the extension's i18n API the UI uses (methods, so the typed-key API of WXT fits). */
export interface BrowserI18n {
  getMessage(key: MessageKey, substitutions?: string[]): string;
  getUILanguage(): string;
}

/** The UI language of an extension page or script, over its browser.i18n. */
export function i18nFrom(api: BrowserI18n): I18n {
  return createI18n((key, substitutions) => api.getMessage(key as MessageKey, substitutions), api.getUILanguage());
}

export function createI18n(getMessage: MessageGetter, uiLanguage: string): I18n {
  const locale = intlLocale(uiLanguage, getMessage('messagesLanguage') || 'en');
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const days = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const months = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  // An unknown key shows itself rather than a blank: easy to spot, and the tests keep it from happening.
  const t = (key: string, substitutions: string[]) => getMessage(key, substitutions) || key;
  return {
    locale,
    t: (key, ...substitutions) => t(key, substitutions),
    plural(key, count, ...substitutions) {
      const args = [numbers.format(count), ...substitutions];
      return getMessage(`${key}_${plurals.select(count)}`, args) || t(`${key}_other`, args);
    },
    parts(key, substitutionCount) {
      const marks = Array.from({ length: substitutionCount }, (_, i) => `${MARK_OPEN}${i}${MARK_CLOSE}`);
      return t(key, marks)
        .split(new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`))
        .map((part, i) => (i % 2 ? Number(part) : part))
        .filter((part) => part !== '');
    },
    number: (value) => numbers.format(value),
    date(iso) {
      const match = ISO_DATE.exec(iso);
      if (!match) return iso;
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)];
      if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
      return (match[3] ? days : months).format(Date.UTC(year, month - 1, day));
    },
  };
}

/** "agosto de 2025" → "Agosto de 2025", for a heading (Spanish writes months in lower case). */
export function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
