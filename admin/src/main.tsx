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
const renderConsole = () =>
  createRoot(root).render(
    <StrictMode>
      <AppRouter>
        <App />
      </AppRouter>
    </StrictMode>,
  );

// Not even English's messages arrived (offline, a redeploy removed the chunks): a page in both languages that
// says so and offers a reload, instead of a blank page. No catalog, so the words are here.
const renderLoadFailure = (error: unknown) => {
  console.error(error);
  createRoot(root).render(
    <StrictMode>
      <main style={{ fontFamily: 'sans-serif', padding: '2rem' }}>
        <p lang="en">The console could not be loaded. Check the connection and reload.</p>
        <p lang="zh">控制台加载失败，请检查网络后重新加载。</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload / 重新加载
        </button>
      </main>
    </StrictMode>,
  );
};

void startI18n().then(renderConsole, renderLoadFailure);
