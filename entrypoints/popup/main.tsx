import { browser } from 'wxt/browser';
import { mountPage } from '../../components/i18n';
import { i18nFrom } from '../../lib/view/i18n';
import { App } from './App';
import '../../components/palette.css';
import '../../components/status.css';
import '../../components/card.css';
import '../../components/search-results.css';
import './popup.css';

const i18n = i18nFrom(browser.i18n);
mountPage(i18n, <App />);
