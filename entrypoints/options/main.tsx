import { browser } from 'wxt/browser';
import { mountPage } from '../../components/i18n';
import { i18nFrom } from '../../lib/view/i18n';
import { Options } from './Options';
import '../../components/palette.css';
import '../popup/popup.css';
import './options.css';

const i18n = i18nFrom(browser.i18n);
document.title = i18n.t('optionsTitle');
mountPage(i18n, <Options />);
