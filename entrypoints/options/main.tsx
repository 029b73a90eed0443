import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext } from '../../components/i18n';
import { type MessageKey, createI18n } from '../../lib/i18n';
import { Options } from './Options';
import '../popup/popup.css';
import './options.css';

const i18n = createI18n(
  (key, substitutions) => browser.i18n.getMessage(key as MessageKey, substitutions),
  browser.i18n.getUILanguage(),
);
document.documentElement.lang = i18n.locale;
document.title = i18n.t('optionsTitle');
render(
  <I18nContext.Provider value={i18n}>
    <Options />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
