// First: schemas built by the imports below must not probe for eval (the dashboard's CSP forbids it).
import '@livechat/shared/jitless';
import { render } from 'preact';
import { App } from './app.js';
import './styles/index.css';

render(<App />, document.getElementById('app')!);
