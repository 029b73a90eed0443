import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { isMessage } from '../lib/messages';

export default defineBackground(() => {
  // The badge shows how many entities the content script found on each tab.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMessage(message) || message.type !== 'page-report' || sender.tab?.id === undefined) return undefined;
    const count = message.report.entities.length + message.report.claims.length;
    void browser.action.setBadgeBackgroundColor({ tabId: sender.tab.id, color: '#8a5a00' });
    void browser.action.setBadgeText({ tabId: sender.tab.id, text: count ? String(count) : '' });
    return undefined;
  });
});
