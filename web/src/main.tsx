import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@rijkshuisstijl-community/design-tokens/dist/index.css';
import '@rijkshuisstijl-community/components-css/dist/index.css';
import './styles.css';
import { startTranslation } from './i18n/index.ts';
import { App } from './App.tsx';

// A page's chunk that fails to load is most likely of a build replaced since this page was opened: load the new one.
window.addEventListener('vite:preloadError', () => window.location.reload());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Renders once the chosen language's words are there (no top-level await: it would keep the build from
// merging the chunks the first page needs).
void startTranslation().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
