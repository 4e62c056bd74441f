import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { sendStatic } from '../http/static-files.ts';
import { widgetHostCsp } from '../http/page-policy.ts';
import { securityHeaders } from '../http/security-headers.ts';
import { paths } from '../http/paths.ts';

/**
 * The fictional broker's website, served on a different site from the insurer so that the
 * demo (and the end-to-end tests) exercise real cross-site embedding.
 */
export function createBrokerSite(options: { portalUrl: URL; clientId: string }): Hono {
  const app = new Hono();
  const portal = options.portalUrl.origin;
  // The same baseline as the insurer's app (nosniff, referrer policy); the demo runs on http.
  app.use(securityHeaders({ hsts: false }));
  app.get('/', async (c) => {
    const html = (await readFile(join(paths.brokerSite, 'index.html'), 'utf8')).replaceAll('%PORTAL_URL%', portal).replaceAll('%CLIENT_ID%', options.clientId);
    return c.html(html, 200, { 'Content-Security-Policy': widgetHostCsp(portal, portal), 'Cache-Control': 'no-cache' });
  });
  app.get('/*', (c) => sendStatic(c, paths.brokerSite, c.req.path.slice(1)));
  app.onError((_error, c) => c.text('Not found', 404));
  return app;
}
