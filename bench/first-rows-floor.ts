// The floor under "first rows": the standalone page as it is (its HTML, stylesheet, logo and
// navigation script) with no SDK at all, only a module of a few lines that fetches the policy
// list (the very JSON the API answered for the customer, served from memory) and writes its rows
// into <gp-policy-list>'s shadow root. A bare node:http server, no session, no key, no proof, no
// Lit, no language pack: what this machine's cold Chromium takes from a script's fetch to rows on
// screen when the script does nothing else. The SDK's own figure is measured against it.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { paths } from '../server/http/paths.ts';
import { readStaticFile } from '../server/http/static-files.ts';

/** The floor's script, in place of /sdk/gp-widgets.js. */
export const FLOOR_SCRIPT = '/floor.js';
const ROWS_PATH = '/floor-rows';

const FLOOR_MODULE = `const response = await fetch(${JSON.stringify(ROWS_PATH)}, { credentials: 'omit', headers: { 'X-GP-Request': '1' } });
const list = await response.json();
const root = document.querySelector('gp-policy-list').attachShadow({ mode: 'open' });
const text = (value) => String(value ?? '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
root.innerHTML = '<ul>' + list.items.map((p) => '<li part="policy">' + text(p.productName?.hu ?? p.product) + ' · ' + text(p.policyNumber) + ' · ' + text(p.insuredObjectLabel) + '</li>').join('') + '</ul>';
`;

export interface FloorServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves the floor page at `/`, its static files at `/static/*` and `rowsJson` at /floor-rows, on loopback. */
export async function startFloorServer(rowsJson: string): Promise<FloorServer> {
  const page = (await readFile(join(paths.standalone, 'index.html'), 'utf8')).replace(
    /<script type="module" src="\/sdk\/gp-widgets\.js"><\/script>/,
    `<script type="module" src="${FLOOR_SCRIPT}"></script>`,
  );
  if (!page.includes(FLOOR_SCRIPT)) throw new Error('the standalone page no longer loads /sdk/gp-widgets.js as the floor expects');
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://floor').pathname;
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (path === '/') return send(200, 'text/html; charset=utf-8', page);
    if (path === FLOOR_SCRIPT) return send(200, 'text/javascript; charset=utf-8', FLOOR_MODULE);
    if (path === ROWS_PATH) return send(200, 'application/json', rowsJson);
    // The page's own files, as the product serves them at /static/*.
    if (!path.startsWith('/static/')) return send(404, 'text/plain', 'not found');
    void readStaticFile(paths.standalone, path.slice('/static/'.length)).then((file) =>
      file ? send(200, file.type, file.body) : send(404, 'text/plain', 'not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
