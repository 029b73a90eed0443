import { render } from 'preact';
import { App } from './App';
import '../../components/status.css';
import '../../components/card.css';
import './popup.css';

render(<App />, document.getElementById('app')!);
