import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { connectDatabase } from '../../db/database.ts';
import { createProvider } from '../../../idp/provider.ts';
import { PartnerSecretVault } from '../../../common/partners/partner-secret-vault.ts';
import { atMountPath } from '../../http/node-route.ts';
import type { IdpThreadData, IdpThreadMessage } from './idp-thread-data.ts';

// Runs in the IdP thread: the provider's endpoints (/oidc/*) on a socket in a folder only this
// user can open, reached only through the app's forwarder. See ./idp-thread.ts for why.
const port = parentPort!;
// The thread is started before the database is open, so that loading this code overlaps it: what
// it serves with comes after, in the first message.
const data = await new Promise<IdpThreadData>((resolve) => port.once('message', resolve));

// Its own pool on a real PostgreSQL, smaller than the app's 10: log-ins are few beside API requests
// (the embedded database takes one connection whatever is asked).
const sequelize = await connectDatabase(data.database, { poolMax: 4 });
const provider = createProvider({
  issuer: data.issuer,
  sequelize,
  keys: data.keys,
  partnerSecrets: new PartnerSecretVault(data.partnerSecretKeys),
  production: data.production,
  sessionLifetimes: data.sessionLifetimes,
  forwardedByApp: true,
});
// mkdtemp makes the folder 0700. A short path: unix socket paths are limited to ~107 bytes.
const folder = await mkdtemp(join(tmpdir(), 'gp-idp-'));
const socketPath = join(folder, 'idp.sock');
const server = createServer(atMountPath('/oidc', provider.callback()));
// Only the app connects, over kept-alive connections: it should not find one closing under a
// request, which a 5 s idle timeout (Node's default) makes likelier.
server.keepAliveTimeout = 10 * 60_000;
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(socketPath, resolve);
});
port.postMessage({ type: 'listening', socketPath } satisfies IdpThreadMessage);

// The next message from the app, 'close': stop taking requests, finish the ones under way, let go of the database;
// the thread then ends by itself (nothing is left to run).
port.once('message', async () => {
  await closeServer(server);
  await sequelize.close();
  await rm(folder, { recursive: true, force: true });
  port.close();
});

function closeServer(s: Server): Promise<void> {
  return new Promise((resolve) => {
    s.close(() => resolve());
    s.closeIdleConnections();
  });
}
