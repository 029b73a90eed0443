import { useI18n } from './i18n';

export interface AlwaysRunControlProps {
  /** From siteAccess: only a site outside the built-in list and not yet granted is offered "always". */
  access: 'not-a-site' | 'built-in' | 'always' | 'ask';
  hostname: string;
  onAlways: () => void;
}

/** The popup's offer to run Backstory on every visit to the page's site, or the word that it does. */
export function AlwaysRunControl({ access, hostname, onAlways }: AlwaysRunControlProps) {
  const i18n = useI18n();
  if (access === 'ask') {
    return (
      <button type="button" class="always-run" onClick={onAlways}>
        {i18n.t('alwaysRunHere')}
      </button>
    );
  }
  if (access === 'always') return <span class="always-run-note">{i18n.t('alwaysRunsOn', hostname)}</span>;
  return null;
}
