/** The settings file people export and import: settings and local corrections, versioned. */
import { type Correction, parseCorrections } from './corrections';
import { type Settings, parseSettings } from './settings';

export const SETTINGS_FILE_FORMAT = 'backstory-settings';

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: 1;
  settings: Settings;
  corrections: Correction[];
}

export function exportSettingsFile(settings: Settings, corrections: readonly Correction[]): string {
  const file: SettingsFile = { format: SETTINGS_FILE_FORMAT, version: 1, settings, corrections: [...corrections] };
  return JSON.stringify(file, null, 2) + '\n';
}

/** A part the file leaves out is absent here, and stays as it is in storage. */
export type SettingsImport =
  { ok: true; settings?: Settings; corrections?: Correction[] } | { ok: false; error: string };

export function importSettingsFile(text: string): SettingsImport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `$: expected valid JSON (${(error as Error).message})` };
  }
  const file = raw as Partial<Record<keyof SettingsFile, unknown>> | null;
  if (!file || file.format !== SETTINGS_FILE_FORMAT) {
    return { ok: false, error: `$.format: expected "${SETTINGS_FILE_FORMAT}": this is not a Backstory settings file` };
  }
  if (file.version !== 1) return { ok: false, error: `$.version: expected 1, got ${JSON.stringify(file.version)}` };
  if (file.settings === undefined && file.corrections === undefined) {
    return { ok: false, error: '$: expected settings, corrections or both' };
  }
  return {
    ok: true,
    ...(file.settings === undefined ? {} : { settings: parseSettings(file.settings) }),
    ...(file.corrections === undefined ? {} : { corrections: parseCorrections(file.corrections) }),
  };
}
