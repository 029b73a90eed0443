import { render } from 'preact';
import { browser } from 'wxt/browser';
import packJson from '../../assets/knowledge.json';
import { I18nContext } from '../../components/i18n';
import { type MessageKey, createI18n } from '../../lib/i18n';
import type { KnowledgePack } from '../../lib/knowledge/types';
import { ArchiveApp } from './ArchiveApp';
import '../../components/status.css';
import '../../components/card.css';
import './archive.css';

// The benchmark reads this mark: by now the pack is loaded and parsed. (A plain JSON import, which
// Vite emits as an object literal, parsed as fast as fetch + JSON.parse and faster than a ?raw string
// + JSON.parse with a pack 100 times today's; see tests/bench/archive-bench.ts.)
performance.mark('backstory:archive:pack-ready');
const i18n = createI18n(
  (key, substitutions) => browser.i18n.getMessage(key as MessageKey, substitutions),
  browser.i18n.getUILanguage(),
);
document.documentElement.lang = i18n.locale;
render(
  <I18nContext.Provider value={i18n}>
    <ArchiveApp pack={packJson as KnowledgePack} />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
