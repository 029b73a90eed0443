import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext } from '../../components/i18n';
import { type MessageKey, createI18n } from '../../lib/i18n';
import { App } from './App';
import '../../components/status.css';
import '../../components/card.css';
import './popup.css';

const i18n = createI18n(
  (key, substitutions) => browser.i18n.getMessage(key as MessageKey, substitutions),
  browser.i18n.getUILanguage(),
);
document.documentElement.lang = i18n.locale;
render(
  <I18nContext.Provider value={i18n}>
    <App />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
