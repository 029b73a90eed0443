import { type ComponentChildren, createContext, render } from 'preact';
import { useContext } from 'preact/hooks';
import type { I18n, MessageKey } from '../lib/view/i18n';

/**
 * The UI language for every component: entrypoints provide one over browser.i18n, tests one over the
 * messages.json files. No default, so a component rendered without it fails loudly.
 */
export const I18nContext = createContext<I18n | undefined>(undefined);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('No I18nContext.Provider above this component');
  return i18n;
}

/** A message whose placeholders are elements (a name in bold), in the order the language puts them. */
export function RichMessage({ id, values }: { id: MessageKey; values: ComponentChildren[] }) {
  const i18n = useI18n();
  return <>{i18n.parts(id, values.length).map((part) => (typeof part === 'number' ? values[part] : part))}</>;
}

/** Renders an extension page into its #app element in the reader's language. */
export function mountPage(i18n: I18n, page: ComponentChildren): void {
  document.documentElement.lang = i18n.locale;
  render(<I18nContext.Provider value={i18n}>{page}</I18nContext.Provider>, document.getElementById('app')!);
}
