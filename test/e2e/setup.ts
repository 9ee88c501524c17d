import { afterAll } from 'vitest';
import { closeSharedBrowser } from './browser.js';

// Runs before every e2e file (also when files share a worker): the file's sessions share one Chromium,
// closed once the file is done.
afterAll(closeSharedBrowser);
