import { defineWebExtConfig } from 'wxt';

// `wxt dev` must not try to launch a browser of its own; `npm run demo` opens Chromium.
export default defineWebExtConfig({ disabled: true });
