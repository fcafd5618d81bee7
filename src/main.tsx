import { App } from './app/App';
import { startApp } from './app/start';

startApp(<App />);
