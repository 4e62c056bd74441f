import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A port nobody listens on right now, for code that must be given a port number (PORT,
 * BROKER_DEMO_PORT) and binds it a few seconds later. Taken BELOW the kernel's ephemeral range:
 * a port from that range (what `listen(0)` hands out) can meanwhile become the local port of an
 * outgoing connection (a database pool opening, a fetch), and the later bind then fails with
 * EADDRINUSE (seen: `npm start` in the README test, beside other suites).
 */
export async function freePort(): Promise<number> {
  const [low, high] = outsideEphemeralRange();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${low} and ${high} after 50 attempts`);
}

function outsideEphemeralRange(): [number, number] {
  let ephemeralLow = 32768;
  try {
    ephemeralLow = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || ephemeralLow;
  } catch {
    // Not Linux: the IANA range starts at 49152, Linux's default at 32768; stay below both.
  }
  return [Math.max(1024, ephemeralLow - 12_000), ephemeralLow];
}

/** Whether `port` can be bound on every interface (the product listens on 0.0.0.0). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}
