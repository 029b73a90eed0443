import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EmptyState } from '../../components/EmptyState';
import { FindingList } from '../../components/FindingList';
import { Switch } from '../../components/Switch';
import { type Message, type PageReport, isMessage } from '../../lib/messages';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  type Settings,
  isActiveOn,
  parseSettings,
  toggleSite,
} from '../../lib/settings';

/** The tab the popup reports on: the active tab, or `?tabId=` when opened as a page (tests, tools). */
async function targetTab(): Promise<{ id: number; url: string } | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  const tab = param
    ? await browser.tabs.get(Number(param))
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : undefined;
}

async function requestReport(tabId: number): Promise<PageReport | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type: 'get-page-report' } satisfies Message)) as PageReport;
  } catch {
    return undefined;
  }
}

export function App() {
  const [tab, setTab] = useState<{ id: number; url: string }>();
  const [report, setReport] = useState<PageReport | null>();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);

  useEffect(() => {
    void (async () => {
      const stored = await browser.storage.sync.get(SETTINGS_KEY);
      setSettings(parseSettings(stored[SETTINGS_KEY]));
      const found = await targetTab();
      setTab(found);
      setReport(found ? ((await requestReport(found.id)) ?? null) : null);
    })();
  }, []);

  useEffect(() => {
    const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
      if (isMessage(message) && message.type === 'page-report' && sender.tab?.id === tab?.id) setReport(message.report);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tab]);

  // Without the tabs permission the tab's URL is hidden; the content script's report knows it.
  const hostname = safeHostname(tab?.url || report?.url || '');
  const save = (next: Settings) => {
    setSettings(next);
    void browser.storage.sync.set({ [SETTINGS_KEY]: next });
  };
  const reveal = (kind: 'entity' | 'claim', id: string) => {
    if (tab) void browser.tabs.sendMessage(tab.id, { type: 'reveal', kind, id, occurrence: 0 } satisfies Message);
  };

  return (
    <main class="popup">
      <header>
        <h1>Backstory</h1>
        <div class="controls">
          {hostname && (
            <Switch
              label={`On ${hostname}`}
              checked={!settings.disabledSites.includes(hostname)}
              onChange={() => save(toggleSite(settings, hostname))}
            />
          )}
          <Switch
            label="Everywhere"
            checked={settings.enabled}
            onChange={(enabled) => save({ ...settings, enabled })}
          />
        </div>
      </header>
      {report === undefined ? (
        <p class="loading">Reading this page…</p>
      ) : report === null ? (
        <EmptyState reason="unavailable" />
      ) : !isActiveOn(settings, hostname) ? (
        <EmptyState reason="off" />
      ) : report.entities.length + report.claims.length === 0 ? (
        <EmptyState reason="nothing-found" />
      ) : (
        <FindingList entities={report.entities} claims={report.claims} onReveal={reveal} />
      )}
    </main>
  );
}

function safeHostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
