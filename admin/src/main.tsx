// First: requests the visitor's messages before the rest of the console evaluates (see ./i18n/catalogs).
import './i18n/catalogs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppRouter } from './AppRouter';
import { startI18n } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The visitor's language is loaded first (its own chunk); the sign-in page needs its words. Not a top-level
// await: with one in the entry, Rollup stops merging the entry's dependencies into it (dozens of chunks).
void startI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <AppRouter>
        <App />
      </AppRouter>
    </StrictMode>,
  ),
);
