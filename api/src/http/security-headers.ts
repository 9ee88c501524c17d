import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Content Security Policy the console runs under: its own scripts only, styles inline too (MUI/emotion
 * injects <style> elements), images and fonts from itself or data URLs, API calls to itself, never framed.
 */
export const CONSOLE_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response: CSP, nosniff, frame denial, referrer policy and the rest of
 * helmet's defaults. HSTS only for requests that arrived over TLS (directly, or as a trusted proxy says
 * with X-Forwarded-Proto), so a plain-HTTP development server never pins browsers to HTTPS.
 * In development Apollo's landing page at GET /graphql loads its sandbox from a CDN, so it gets no CSP.
 */
export function securityHeaders(options: { production: boolean }): RequestHandler[] {
  const withCsp = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  const withoutCsp = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  return [
    (req, res, next) => (!options.production && req.path === '/graphql' && req.method === 'GET' ? withoutCsp : withCsp)(req, res, next),
    (req, res, next) => {
      if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
      next();
    },
  ];
}

/** Production serves no source maps, whatever the console build left in its folder. */
export function refuseSourceMaps(options: { production: boolean }): RequestHandler {
  return (req, res, next) => {
    if (options.production && req.path.toLowerCase().endsWith('.map')) {
      res.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    next();
  };
}
