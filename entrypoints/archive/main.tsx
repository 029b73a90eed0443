import { render } from 'preact';
import { core, partsUrl } from 'virtual:backstory-archive';
import { browser } from 'wxt/browser';
import { I18nContext } from '../../components/i18n';
import { ArchiveIndex } from '../../lib/archive/archive-index';
import { type MessageKey, createI18n } from '../../lib/i18n';
import { ArchiveApp } from './ArchiveApp';
import { startSearchWorker } from './search-client';
import '../../components/status.css';
import '../../components/card.css';
import './archive.css';

// The benchmark reads this mark: by now the archive's core (all the articles list needs) is parsed.
performance.mark('backstory:archive:pack-ready');

/** A part of the archive: one of the extension's own files (lib/build/archive-module.ts). */
async function loadPart(name: string): Promise<unknown> {
  const response = await fetch(`${partsUrl}${name}.json`);
  if (!response.ok) throw new Error(`archive part ${name}: HTTP ${response.status}`);
  return response.json();
}

const startSearch = () => {
  const start = performance.now();
  return startSearchWorker(core, partsUrl, ({ busyMs }) =>
    performance.measure('backstory:archive:search-index', { start, detail: { busyMs } }),
  );
};

const i18n = createI18n(
  (key, substitutions) => browser.i18n.getMessage(key as MessageKey, substitutions),
  browser.i18n.getUILanguage(),
);
document.documentElement.lang = i18n.locale;
render(
  <I18nContext.Provider value={i18n}>
    <ArchiveApp archive={new ArchiveIndex(core, loadPart)} startSearch={startSearch} />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
