import { CATEGORIES } from '../lib/view/entity-groups';
import type { MessageKey } from '../lib/view/i18n';
import {
  HIGHLIGHT_STYLES,
  INTENSITIES,
  MENTION_MODES,
  type MentionMode,
  type Settings,
  setMentionMode,
  toggleSite,
} from '../lib/preferences/settings';
import { useI18n } from './i18n';
import { Switch } from './Switch';

export interface Shortcut {
  description: string;
  keys: string;
}

export interface SettingsFormProps {
  settings: Settings;
  shortcuts: readonly Shortcut[];
  /** A change to save. */
  onChange: (settings: Settings) => void;
  /** A change to show only: the hover delay while its slider moves, saved when it is let go. */
  onPreview: (settings: Settings) => void;
  onEditShortcuts?: () => void;
}

const STYLE_LABELS: Record<Settings['style'], MessageKey> = {
  underline: 'styleUnderline',
  background: 'styleBackground',
  both: 'styleBoth',
};
const MENTION_LABELS: Record<MentionMode, MessageKey> = {
  first: 'mentionFirst',
  all: 'mentionAll',
  off: 'mentionOff',
};
const INTENSITY_LABELS: Record<Settings['intensity'], MessageKey> = {
  subtle: 'intensitySubtle',
  normal: 'intensityNormal',
  strong: 'intensityStrong',
};

/** Every setting on one page; presentational: the container reads and writes storage. */
export function SettingsForm({ settings, shortcuts, onChange, onPreview, onEditShortcuts }: SettingsFormProps) {
  const i18n = useI18n();
  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      <section>
        <h2>{i18n.t('highlightingHeading')}</h2>
        <Switch
          label={i18n.t('highlightOnNews')}
          checked={settings.enabled}
          onChange={(enabled) => onChange({ ...settings, enabled })}
        />
        <fieldset>
          <legend>{i18n.t('whatToHighlight')}</legend>
          {CATEGORIES.map((category) => (
            <label key={category.id} class="mention-choice">
              <span>{i18n.t(category.message)}</span>
              <select
                name={`mentions-${category.id}`}
                value={settings.mentions[category.id]}
                onChange={(event) =>
                  onChange(setMentionMode(settings, category.id, event.currentTarget.value as MentionMode))
                }
              >
                {MENTION_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {i18n.t(MENTION_LABELS[mode])}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <p class="note">{i18n.t('mentionsNote')}</p>
        </fieldset>
        <fieldset>
          <legend>{i18n.t('styleLegend')}</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style} class="check">
              <input
                type="radio"
                name="style"
                value={style}
                checked={settings.style === style}
                onChange={() => onChange({ ...settings, style })}
              />
              {i18n.t(STYLE_LABELS[style])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{i18n.t('intensityLegend')}</legend>
          {INTENSITIES.map((intensity) => (
            <label key={intensity} class="check">
              <input
                type="radio"
                name="intensity"
                value={intensity}
                checked={settings.intensity === intensity}
                onChange={() => onChange({ ...settings, intensity })}
              />
              {i18n.t(INTENSITY_LABELS[intensity])}
            </label>
          ))}
        </fieldset>
        <label class="range">
          <span>
            {i18n.t('hoverDelay')} <output>{i18n.t('milliseconds', i18n.number(settings.hoverDelayMs))}</output>
          </span>
          <input
            type="range"
            min={0}
            max={2000}
            step={50}
            value={settings.hoverDelayMs}
            // A drag fires an input event per step; storage.sync takes 120 writes a minute.
            onInput={(event) => onPreview({ ...settings, hoverDelayMs: Number(event.currentTarget.value) })}
            onChange={(event) => onChange({ ...settings, hoverDelayMs: Number(event.currentTarget.value) })}
          />
        </label>
      </section>
      <section>
        <h2>{i18n.t('disabledSitesHeading')}</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="empty-state">{i18n.t('noDisabledSites')}</p>
        ) : (
          <ul class="site-list">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" onClick={() => onChange(toggleSite(settings, site))}>
                  {i18n.t('turnBackOn')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p class="note">{i18n.t('syncNote')}</p>
      </section>
      <section>
        <h2>{i18n.t('shortcutsHeading')}</h2>
        <ul class="shortcuts">
          {shortcuts.map((shortcut) => (
            <li key={shortcut.description}>
              <kbd>{shortcut.keys || i18n.t('shortcutNotSet')}</kbd> {shortcut.description}
            </li>
          ))}
        </ul>
        {onEditShortcuts && (
          <button type="button" onClick={onEditShortcuts}>
            {i18n.t('changeShortcuts')}
          </button>
        )}
      </section>
    </form>
  );
}
