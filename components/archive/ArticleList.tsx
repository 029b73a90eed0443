import { useEffect, useRef, useState } from 'preact/hooks';
import { type ArchiveIndex, NAMES } from '../../lib/archive/archive-index';
import type { Source } from '../../lib/knowledge/types';
import { citation, sourceLink } from '../../lib/view/links';
import { useI18n } from '../i18n';
import { SourceLinkView } from '../SourceLinkView';
import { CiteButton } from './CiteButton';
import { Loading } from './Loading';
import { PassageText } from './PassageText';
import { ShowMore } from './ShowMore';
import { type PartsState, useParts } from './useParts';

export interface ArticleListProps {
  archive: ArchiveIndex;
  /** An article to open and scroll to (from #/article/<id>), and a passage in it to point at. */
  open?: string;
  passage?: number;
  copy: (text: string) => Promise<void>;
  /** An article was opened (or the linked one closed): the page records it in its address. */
  onOpen: (id: string | undefined) => void;
  /** Scroll behaviour for jumps ('auto' when the reader prefers reduced motion). */
  scrollBehavior: ScrollBehavior;
}

const PAGE = 50;

/** The archive's articles by date, each opening onto its passages with their entities linked. */
export function ArticleList({ archive, open, passage, copy, onOpen, scrollBehavior }: ArticleListProps) {
  const i18n = useI18n();
  const articles = archive.articles();
  const openIndex = open ? articles.findIndex((source) => source.id === open) : -1;
  const [shown, setShown] = useState(() => Math.max(PAGE, Math.ceil((openIndex + 1) / PAGE) * PAGE));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(open ? [open] : []));
  // Open articles show their passages with names linked: those parts load when an article opens.
  const partsOf = (id: string) => [...NAMES, ...archive.passageParts(archive.passagesOf(id))];
  const state = useParts(archive, [...new Set([...expanded].flatMap(partsOf))].sort());

  // A deep link opens its article (and makes sure it is rendered) and scrolls to it.
  useEffect(() => {
    if (!open || openIndex < 0) return;
    setExpanded((current) => (current.has(open) ? current : new Set([...current, open])));
    setShown((current) => Math.max(current, Math.ceil((openIndex + 1) / PAGE) * PAGE));
  }, [open, openIndex]);
  // Once per deep link, as soon as its target is in the document.
  const jumped = useRef('');
  useEffect(() => {
    const key = `${open}#${passage}`;
    if (!open || jumped.current === key) return;
    const article = document.getElementById(`article-${open}`);
    // Its passages first: they load after the list, and the page may be too short to scroll to it before.
    if (!article || !document.getElementById(`passages-${open}`)) return;
    // A passage of another article (a stale link) lands on the article itself.
    const inArticle = passage !== undefined ? article.querySelector<HTMLElement>(`#passage-${passage}`) : null;
    const target = inArticle ?? article;
    jumped.current = key;
    target.scrollIntoView({ block: inArticle ? 'center' : 'start', behavior: scrollBehavior });
    (target.querySelector<HTMLElement>('[data-focus]') ?? target).focus({ preventScroll: true });
  });

  if (!articles.length) {
    return <p class="empty-state">{i18n.t('noArticles')}</p>;
  }
  const toggle = (id: string) => {
    const opening = !expanded.has(id);
    const next = new Set(expanded);
    if (opening) next.add(id);
    else next.delete(id);
    setExpanded(next);
    // The reader is at the article already: record it (so Back returns to it open) without jumping.
    if (opening) {
      jumped.current = `${id}#undefined`;
      onOpen(id);
    } else if (id === open) {
      onOpen(undefined);
    }
  };
  return (
    <>
      <ol class="article-list">
        {articles.slice(0, shown).map((source) => (
          <ArticleItem
            key={source.id}
            archive={archive}
            source={source}
            expanded={expanded.has(source.id) && (archive.has(partsOf(source.id)) ? 'ready' : state)}
            onToggle={() => toggle(source.id)}
            target={source.id === open ? passage : undefined}
            copy={copy}
          />
        ))}
      </ol>
      <ShowMore
        shown={Math.min(shown, articles.length)}
        total={articles.length}
        noun={i18n.t('nounArticles')}
        step={PAGE}
        onMore={() => setShown(shown + PAGE)}
      />
    </>
  );
}

interface ArticleItemProps {
  archive: ArchiveIndex;
  source: Source;
  /** Open, and whether its passages are loaded. */
  expanded: PartsState | false;
  onToggle: () => void;
  target?: number;
  copy: (text: string) => Promise<void>;
}

function ArticleItem({ archive, source, expanded, onToggle, target, copy }: ArticleItemProps) {
  const i18n = useI18n();
  const passages = archive.passagesOf(source.id);
  const panelId = `passages-${source.id}`;
  return (
    <li class="article" id={`article-${source.id}`}>
      <h3 class="article-title">
        <button type="button" data-focus aria-expanded={!!expanded} aria-controls={panelId} onClick={onToggle}>
          <span class="disclosure" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          {source.headline ?? (
            <span class="untitled">
              {i18n.t('untitledArticle')} <span class="untitled-note">{i18n.t('untitledNote')}</span>
            </span>
          )}
        </button>
      </h3>
      <p class="article-meta">
        <span class="publisher">{source.publisher}</span>
        {source.authors.length > 0 && <span> · {source.authors.join(', ')}</span>}
        <span>
          {' · '}
          <time dateTime={source.date}>{i18n.date(source.date)}</time>
          {source.dateIsEstimate && <span class="estimated"> {i18n.t('dateEstimated')}</span>}
        </span>
        <span>
          {' · '}
          {i18n.plural('passageCount', passages.length)}
        </span>
      </p>
      {source.reworded && (
        <p class="article-reworded">
          <strong>{i18n.t('rewordedCopy', source.publisher)}.</strong> {source.reworded.why}
        </p>
      )}
      <p class="article-actions">
        <SourceLinkView link={sourceLink(source)} />
        <CiteButton citation={citation(source)} copy={copy} />
      </p>
      {expanded && expanded !== 'ready' && <Loading state={expanded} what="loadingPassages" />}
      {expanded === 'ready' && (
        <ol
          class="passages"
          id={panelId}
          aria-label={i18n.t('passagesOf', source.headline ?? i18n.t('theUntitledArticle'))}
        >
          {passages.map((index, i) => (
            <li
              key={index}
              id={`passage-${index}`}
              class={index === target ? 'passage is-target' : 'passage'}
              tabIndex={index === target ? -1 : undefined}
            >
              <span class="paragraph-number" aria-hidden="true">
                {i + 1}
              </span>
              <div class="passage-body">
                <PassageText archive={archive} passage={index} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
