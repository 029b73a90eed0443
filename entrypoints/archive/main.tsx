import { core, partsUrl } from 'virtual:backstory-archive';
import { browser } from 'wxt/browser';
import { mountPage } from '../../components/i18n';
import { ArchiveIndex } from '../../lib/archive/archive-index';
import { i18nFrom } from '../../lib/view/i18n';
import { ArchiveApp } from './ArchiveApp';
import { startSearchWorker } from './search-client';
import '../../components/palette.css';
import '../../components/status.css';
import '../../components/card.css';
import '../../components/search-results.css';
import './archive.css';

// The benchmark reads this mark: by now the archive's core (all the articles list needs) is parsed.
performance.mark('backstory:archive:pack-ready');

/** A part of the archive: one of the extension's own files (lib/tools/build/archive-module.ts). */
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

const i18n = i18nFrom(browser.i18n);
mountPage(i18n, <ArchiveApp archive={new ArchiveIndex(core, loadPart)} startSearch={startSearch} />);
