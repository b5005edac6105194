/** Secure response headers (CSP, framing, referrer, HSTS over HTTPS) and the site's static script. */
import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import { OFFLINE_SCOPE, OFFLINE_SW_JS } from './pages/offline-script.js';
import { SITE_JS } from './pages/site-script.js';

/**
 * The Content-Security-Policy of every response. Scripts only from this origin (one static file,
 * /assets/site.js; no inline script or handler); stylesheets only from this origin, but inline
 * `style` attributes allowed because the server-rendered ECharts SVGs carry them (an attribute
 * cannot run script nor read the page). No framing (clickjacking of staff screens), no plugins,
 * forms post only here. No upgrade-insecure-requests: a demo on a LAN is served over plain HTTP.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  styleSrcElem: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  upgradeInsecureRequests: null,
};

/** Where Swagger UI is served (app.ts). */
export const DOCS_PREFIX = '/api/v1/docs';

/** HSTS for a year, sent only on a request that arrived over HTTPS (directly or via a trusted proxy). */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  // Built once: the headers are the same for every response. (@fastify/helmet rebuilt helmet's
  // middleware, parsing the CSP, on every request: ~7 % of a registry look-up's CPU.)
  const secure = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    // Tracking codes travel in some URLs: another site never sees them in a Referer header.
    referrerPolicy: { policy: 'same-origin' },
    // Set per request below: over plain HTTP (a LAN demo) it would be meaningless or harmful.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (req, reply, done) => secure(req.raw, reply.raw, (e?: unknown) => done(e as Error | undefined)));
  app.addHook('onSend', async (req, reply) => {
    // req.protocol is 'https' only on a TLS socket or from a TRUST_PROXY address saying so.
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS_VALUE);
    // Swagger UI's bundle injects its stylesheet as a <style> element; the API documentation
    // shows no personal data, so it alone may have inline style elements (never inline script).
    if (req.url.startsWith(`${DOCS_PREFIX}/`) || req.url === DOCS_PREFIX) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("style-src-elem 'self'", "style-src-elem 'self' 'unsafe-inline'"));
    }
  });
  app.get('/assets/site.js', { schema: { hide: true }, config: { access: 'public' } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_JS),
  );
  // The emergency pages' service worker (offline field capture): served here, acting only on the emergency pages.
  app.get('/assets/darurat-sw.js', { schema: { hide: true }, config: { access: 'public' } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('service-worker-allowed', OFFLINE_SCOPE).send(OFFLINE_SW_JS),
  );
}
