import path from 'node:path';
import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import express, { type RequestHandler, type Router } from 'express';

/**
 * Compresses every response the client accepts compressed (brotli when offered, else gzip): the
 * console's JavaScript and GraphQL answers alike. Small bodies (under 1 kB) go as they are. Brotli at
 * quality 5 compresses better than gzip in about the same time; 11 (the default) would cost a second of
 * CPU for the console's entry file.
 */
export const compressResponses = (): RequestHandler =>
  compression({ threshold: 1024, brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } } });

/** Vite names every file under /assets after its content hash, so a cached copy never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page that names the current hashed files must be revalidated on every visit. */
const REVALIDATE = 'no-cache';

/**
 * The built console: hashed assets cached for a year, index.html (and any client-side route, which
 * loads the same page) always revalidated. A missing asset is a 404, never index.html. The build writes
 * no source maps; in production refuseSourceMaps (http/security-headers.ts) refuses any left over.
 */
export function serveConsole(distDir: string): Router {
  const router = express.Router();
  router.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), {
      index: false,
      fallthrough: false,
      setHeaders: (res) => res.setHeader('Cache-Control', IMMUTABLE),
    }),
  );
  router.use(
    express.static(distDir, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', REVALIDATE),
    }),
  );
  // Client-side routes of the console all load the same page.
  router.get(/^\/(?!graphql|health).*/, (_req, res) => {
    res.sendFile(path.join(distDir, 'index.html'), { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } });
  });
  return router;
}
