import { CATEGORIES } from '../lib/entity-groups';
import { HIGHLIGHT_STYLES, INTENSITIES, type Settings, toggleCategory, toggleSite } from '../lib/settings';
import { Switch } from './Switch';

export interface Shortcut {
  description: string;
  keys: string;
}

export interface SettingsFormProps {
  settings: Settings;
  shortcuts: readonly Shortcut[];
  onChange: (settings: Settings) => void;
  onEditShortcuts?: () => void;
}

const STYLE_LABELS: Record<Settings['style'], string> = {
  underline: 'Underline',
  background: 'Background',
  both: 'Underline and background',
};
const INTENSITY_LABELS: Record<Settings['intensity'], string> = {
  subtle: 'Subtle',
  normal: 'Normal',
  strong: 'Strong',
};

/** Every setting on one page; presentational: the container reads and writes storage. */
export function SettingsForm({ settings, shortcuts, onChange, onEditShortcuts }: SettingsFormProps) {
  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      <section>
        <h2>Highlighting</h2>
        <Switch
          label="Highlight on news pages"
          checked={settings.enabled}
          onChange={(enabled) => onChange({ ...settings, enabled })}
        />
        <fieldset>
          <legend>What to highlight</legend>
          {CATEGORIES.map((category) => (
            <label key={category.id} class="check">
              <input
                type="checkbox"
                name="category"
                value={category.id}
                checked={!settings.hiddenCategories.includes(category.id)}
                onChange={() => onChange(toggleCategory(settings, category.id))}
              />
              {category.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Style</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style} class="check">
              <input
                type="radio"
                name="style"
                value={style}
                checked={settings.style === style}
                onChange={() => onChange({ ...settings, style })}
              />
              {STYLE_LABELS[style]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Intensity</legend>
          {INTENSITIES.map((intensity) => (
            <label key={intensity} class="check">
              <input
                type="radio"
                name="intensity"
                value={intensity}
                checked={settings.intensity === intensity}
                onChange={() => onChange({ ...settings, intensity })}
              />
              {INTENSITY_LABELS[intensity]}
            </label>
          ))}
        </fieldset>
        <label class="range">
          <span>
            Card opens after resting on a highlight for <output>{settings.hoverDelayMs} ms</output>
          </span>
          <input
            type="range"
            min={0}
            max={2000}
            step={50}
            value={settings.hoverDelayMs}
            onInput={(event) => onChange({ ...settings, hoverDelayMs: Number(event.currentTarget.value) })}
          />
        </label>
      </section>
      <section>
        <h2>Sites where Backstory is off</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="empty-state">None. Turn Backstory off for a site from the toolbar popup.</p>
        ) : (
          <ul class="site-list">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" onClick={() => onChange(toggleSite(settings, site))}>
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>Keyboard shortcuts</h2>
        <ul class="shortcuts">
          {shortcuts.map((shortcut) => (
            <li key={shortcut.description}>
              <kbd>{shortcut.keys || 'not set'}</kbd> {shortcut.description}
            </li>
          ))}
        </ul>
        {onEditShortcuts && (
          <button type="button" onClick={onEditShortcuts}>
            Change shortcuts
          </button>
        )}
      </section>
      <p class="note">Settings follow you to other computers where your browser syncs extension data.</p>
    </form>
  );
}
