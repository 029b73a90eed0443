import { articlesIntro } from '../../lib/archive/view-text';
import { useI18n } from '../i18n';
import { ArticleList, type ArticleListProps } from './ArticleList';

/** The Articles tab: every article by date, one of them open onto its passages. */
export function ArticlesView(props: ArticleListProps) {
  const i18n = useI18n();
  return (
    <section aria-labelledby="view-heading">
      <h2 id="view-heading" tabIndex={-1}>
        {i18n.t('tabArticles')}
      </h2>
      <p class="view-intro">{articlesIntro(i18n, props.archive)}</p>
      <ArticleList {...props} />
    </section>
  );
}
