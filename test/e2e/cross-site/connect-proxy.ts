import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { closeServerNow } from '../../support/close-server.ts';
import { isTestHost } from './sites.ts';

/**
 * A tiny HTTP CONNECT proxy that resolves the test's `*.test` names to loopback, for a browser
 * that has no host-resolver switch (WebKitGTK's MiniBrowser: `--proxy=http://127.0.0.1:PORT`).
 * Other destinations are refused: the tests never leave the machine.
 */
export async function startConnectProxy(): Promise<{ url: string; close(): Promise<void> }> {
  // Tunnels leave the HTTP server's bookkeeping: closing it would wait for them forever.
  const tunnels = new Set<Duplex>();
  const server: Server = createServer((_request, response) => {
    response.writeHead(405, { 'content-type': 'text/plain' }).end('CONNECT only');
  });
  server.on('connect', (request, client, head) => {
    const [host = '', port = '443'] = (request.url ?? '').split(/:(?=\d+$)/);
    if (!isTestHost(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), '127.0.0.1', () => {
      tunnels.add(client);
      tunnels.add(upstream);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const cut = () => {
      upstream.destroy();
      client.destroy();
      tunnels.delete(upstream);
      tunnels.delete(client);
    };
    upstream.on('close', cut);
    client.on('close', cut);
    upstream.on('error', cut);
    client.on('error', cut);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      for (const socket of tunnels) socket.destroy();
      await closeServerNow(server);
    },
  };
}
