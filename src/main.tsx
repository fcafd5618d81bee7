import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchFirstScreen } from './app/prefetch';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// a logged-in start: the definitions download while React renders and /auth/me answers
prefetchFirstScreen();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
