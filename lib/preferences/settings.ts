/** User settings, stored in storage.sync; parsing never throws and falls back to defaults. */
import { CATEGORIES } from '../view/entity-groups';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'both'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const INTENSITIES = ['subtle', 'normal', 'strong'] as const;
export type Intensity = (typeof INTENSITIES)[number];

export interface Settings {
  /** Global pause. */
  enabled: boolean;
  /** Hostnames where Backstory stays off. */
  disabledSites: string[];
  /** How long the pointer rests on a highlight before its card opens. */
  hoverDelayMs: number;
  /** Categories (entity groups and "claims") that are not highlighted. */
  hiddenCategories: string[];
  style: HighlightStyle;
  intensity: Intensity;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  hoverDelayMs: 450,
  hiddenCategories: [],
  style: 'both',
  intensity: 'normal',
};

const CATEGORY_IDS = new Set(CATEGORIES.map((c) => c.id));

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

export function parseSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: strings(value.disabledSites) ?? [...DEFAULT_SETTINGS.disabledSites],
    hoverDelayMs:
      typeof value.hoverDelayMs === 'number' && value.hoverDelayMs >= 0 && value.hoverDelayMs <= 5000
        ? value.hoverDelayMs
        : DEFAULT_SETTINGS.hoverDelayMs,
    hiddenCategories: (strings(value.hiddenCategories) ?? []).filter((id) => CATEGORY_IDS.has(id)),
    style: oneOf(value.style, HIGHLIGHT_STYLES, DEFAULT_SETTINGS.style),
    intensity: oneOf(value.intensity, INTENSITIES, DEFAULT_SETTINGS.intensity),
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

export function toggleCategory(settings: Settings, id: string): Settings {
  const hiddenCategories = settings.hiddenCategories.includes(id)
    ? settings.hiddenCategories.filter((c) => c !== id)
    : [...settings.hiddenCategories, id].sort();
  return { ...settings, hiddenCategories };
}
