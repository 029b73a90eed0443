import { useI18n } from '../i18n';
import { Loading } from './Loading';
import { Timeline, type TimelineProps } from './Timeline';
import type { PartsState } from './useParts';
import { ViewSection } from './ViewSection';

export type TimelineViewProps = TimelineProps & {
  /** Whether the names the timeline shows have loaded. */
  state: PartsState;
};

/** The Timeline tab: articles and claims by month, or one entity's. */
export function TimelineView({ state, ...timeline }: TimelineViewProps) {
  const i18n = useI18n();
  return (
    <ViewSection title={i18n.t('tabTimeline')}>
      {state !== 'ready' ? <Loading state={state} /> : <Timeline {...timeline} />}
    </ViewSection>
  );
}
