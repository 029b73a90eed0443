import { articlesIntro } from '../../lib/archive/view-text';
import { useI18n } from '../i18n';
import { ArticleList, type ArticleListProps } from './ArticleList';
import { ViewSection } from './ViewSection';

/** The Articles tab: every article by date, one of them open onto its passages. */
export function ArticlesView(props: ArticleListProps) {
  const i18n = useI18n();
  return (
    <ViewSection title={i18n.t('tabArticles')}>
      <p class="view-intro">{articlesIntro(i18n, props.archive)}</p>
      <ArticleList {...props} />
    </ViewSection>
  );
}
