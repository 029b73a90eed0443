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
  // The bundled demo page and local test pages.
  'http://127.0.0.1/*',
  'http://localhost/*',
];
