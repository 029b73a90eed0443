/**
 * User settings, stored in storage.sync but for the sites switched off, which stay in storage.local:
 * sync allows 8 KB per item, which a list of about 370 sites filled. Parsing never throws and falls
 * back to defaults.
 */
import { CATEGORIES } from '../view/entity-groups';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'both'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/**
 * How much of a category the page shows: its first mention in each story (calm pages, the default),
 * every mention, or none. The popup, counts and exports list every mention whatever the choice here
 * says about painting, except "off", which takes a category out of them too.
 */
export const MENTION_MODES = ['first', 'all', 'off'] as const;
export type MentionMode = (typeof MENTION_MODES)[number];

export const INTENSITIES = ['subtle', 'normal', 'strong'] as const;
export type Intensity = (typeof INTENSITIES)[number];

export interface Settings {
  /** Global pause. */
  enabled: boolean;
  /** Hostnames where Backstory stays off. */
  disabledSites: string[];
  /** How long the pointer rests on a highlight before its card opens. */
  hoverDelayMs: number;
  /** By category (entity groups and "claims"): which of its mentions are highlighted. */
  mentions: Record<string, MentionMode>;
  style: HighlightStyle;
  intensity: Intensity;
}

export const SETTINGS_KEY = 'settings';
/** storage.local: Settings.disabledSites. */
export const DISABLED_SITES_KEY = 'disabledSites';

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  hoverDelayMs: 450,
  mentions: Object.fromEntries(CATEGORIES.map((c) => [c.id, 'first'])),
  style: 'both',
  intensity: 'normal',
};

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

/**
 * Each category's mode; settings saved before modes existed list the categories switched off as
 * `hiddenCategories` (and showed every mention of the others: they get the calm default now).
 */
function parseMentions(value: unknown, legacyHidden: unknown): Record<string, MentionMode> {
  const modes = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const hidden = strings(legacyHidden) ?? [];
  return Object.fromEntries(
    CATEGORIES.map(({ id }) => [id, oneOf(modes[id], MENTION_MODES, hidden.includes(id) ? 'off' : 'first')]),
  );
}

export function parseSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<
    Record<keyof Settings | 'hiddenCategories', unknown>
  >;
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: strings(value.disabledSites) ?? [...DEFAULT_SETTINGS.disabledSites],
    hoverDelayMs:
      typeof value.hoverDelayMs === 'number' && value.hoverDelayMs >= 0 && value.hoverDelayMs <= 5000
        ? value.hoverDelayMs
        : DEFAULT_SETTINGS.hoverDelayMs,
    mentions: parseMentions(value.mentions, value.hiddenCategories),
    style: oneOf(value.style, HIGHLIGHT_STYLES, DEFAULT_SETTINGS.style),
    intensity: oneOf(value.intensity, INTENSITIES, DEFAULT_SETTINGS.intensity),
  };
}

/**
 * Settings from their two stored parts. Versions before the split kept the site list in storage.sync;
 * such a list is still read (and dropped from sync at the next save), so no site switches back on.
 */
export function settingsFromStorage(synced: unknown, localSites: unknown): Settings {
  const legacy = typeof synced === 'object' && synced !== null ? strings((synced as Settings).disabledSites) : [];
  const sites = [...new Set([...(legacy ?? []), ...(strings(localSites) ?? [])])].sort();
  return { ...parseSettings(synced), disabledSites: sites };
}

/** The two parts settings are stored in: synced (a few hundred bytes at most) and the local site list. */
export function settingsForStorage(settings: Settings): { synced: Omit<Settings, 'disabledSites'>; sites: string[] } {
  const { disabledSites, ...synced } = settings;
  return { synced, sites: [...disabledSites] };
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

export function setMentionMode(settings: Settings, id: string, mode: MentionMode): Settings {
  return { ...settings, mentions: { ...settings.mentions, [id]: mode } };
}

/** The categories switched off altogether (left out of the popup, counts and exports too). */
export function hiddenCategories(settings: Settings): string[] {
  return Object.keys(settings.mentions).filter((id) => settings.mentions[id] === 'off');
}
