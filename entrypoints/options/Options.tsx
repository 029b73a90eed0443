import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Switch } from '../../components/Switch';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings, parseSettings, toggleSite } from '../../lib/settings';

export function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void browser.storage.sync.get(SETTINGS_KEY).then((stored) => setSettings(parseSettings(stored[SETTINGS_KEY])));
  }, []);
  const save = (next: Settings) => {
    setSettings(next);
    void browser.storage.sync.set({ [SETTINGS_KEY]: next });
  };
  return (
    <main class="options">
      <h1>Backstory settings</h1>
      <Switch
        label="Highlight on news pages"
        checked={settings.enabled}
        onChange={(enabled) => save({ ...settings, enabled })}
      />
      <h2>Sites where Backstory is off</h2>
      {settings.disabledSites.length === 0 ? (
        <p class="empty-state">None. Turn Backstory off for a site from the toolbar popup.</p>
      ) : (
        <ul class="site-list">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" onClick={() => save(toggleSite(settings, site))}>
                Turn back on
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
