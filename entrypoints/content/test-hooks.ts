/**
 * Browser tests read the card through its shadow root, which is closed so that pages cannot read it
 * (imported packs may be private) or press its buttons. Builds other than the store packages open it
 * when this key is true in storage.local, which only the extension's own pages can write.
 */
export const OPEN_CARD_FOR_TESTS_KEY = 'test:open-card-shadow-root';
