import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type Shortcut, SettingsForm } from '../../components/SettingsForm';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings, parseSettings } from '../../lib/settings';

export function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    void browser.storage.sync.get(SETTINGS_KEY).then((stored) => setSettings(parseSettings(stored[SETTINGS_KEY])));
    void browser.commands
      .getAll()
      .then((commands) =>
        setShortcuts(
          commands
            .filter((c) => c.description)
            .map((c) => ({ description: c.description ?? '', keys: c.shortcut ?? '' })),
        ),
      );
  }, []);
  const save = (next: Settings) => {
    setSettings(next);
    void browser.storage.sync.set({ [SETTINGS_KEY]: next });
  };
  // Chromium lets people change extension shortcuts on its own page; other browsers have their own.
  const editShortcuts = navigator.userAgent.includes('Chrome')
    ? () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })
    : undefined;
  return (
    <main class="options">
      <h1>Backstory settings</h1>
      <SettingsForm settings={settings} shortcuts={shortcuts} onChange={save} onEditShortcuts={editShortcuts} />
    </main>
  );
}
