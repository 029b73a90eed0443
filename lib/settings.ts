/** User settings, stored in storage.sync; parsing never throws and falls back to defaults. */

export interface Settings {
  /** Global pause. */
  enabled: boolean;
  /** Hostnames where Backstory stays off. */
  disabledSites: string[];
  /** How long the pointer rests on a highlight before its card opens. */
  hoverDelayMs: number;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = { enabled: true, disabledSites: [], hoverDelayMs: 450 };

export function parseSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(value.disabledSites)
      ? value.disabledSites.filter((site): site is string => typeof site === 'string')
      : [...DEFAULT_SETTINGS.disabledSites],
    hoverDelayMs:
      typeof value.hoverDelayMs === 'number' && value.hoverDelayMs >= 0 && value.hoverDelayMs <= 5000
        ? value.hoverDelayMs
        : DEFAULT_SETTINGS.hoverDelayMs,
  };
}

export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}

export function toggleSite(settings: Settings, hostname: string): Settings {
  const disabledSites = settings.disabledSites.includes(hostname)
    ? settings.disabledSites.filter((site) => site !== hostname)
    : [...settings.disabledSites, hostname].sort();
  return { ...settings, disabledSites };
}
