/**
 * Where the content script runs on its own. Elsewhere the popup can run it on demand (activeTab),
 * which keeps the install prompt from asking for "all your data on all websites".
 */
export const NEWS_SITE_MATCHES = [
  '*://*.apnews.com/*',
  '*://*.bbc.co.uk/*',
  '*://*.bbc.com/*',
  '*://*.bloomberg.com/*',
  '*://*.cnn.com/*',
  '*://*.elpais.com/*',
  '*://*.euronews.com/*',
  '*://*.france24.com/*',
  '*://*.ft.com/*',
  '*://*.japantimes.co.jp/*',
  '*://*.latimes.com/*',
  '*://*.msn.com/*',
  '*://*.newsweek.com/*',
  '*://*.npr.org/*',
  '*://*.nytimes.com/*',
  '*://*.politico.com/*',
  '*://*.politico.eu/*',
  '*://*.reuters.com/*',
  '*://*.telegraph.co.uk/*',
  '*://*.theatlantic.com/*',
  '*://*.theguardian.com/*',
  '*://*.trtworld.com/*',
  '*://*.aa.com.tr/*',
  '*://*.washingtonpost.com/*',
  '*://*.wsj.com/*',
];

/**
 * The demo page and the browser tests' pages. Left out of the store packages (`npm run zip`), so that
 * an installed Backstory never runs on the local web apps of the person using it.
 */
export const LOCAL_PAGE_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export const CONTENT_SCRIPT_MATCHES = [...NEWS_SITE_MATCHES, ...LOCAL_PAGE_MATCHES];
