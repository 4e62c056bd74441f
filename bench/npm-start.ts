// `npm start` as a user runs it (its `prestart` included), in a process group of its own: the
// start-up figures time it, and the API, IdP and first-rows figures load it. The product then has
// its own heap, Node flags and event loop, and carries none of the bench's own work.
import { spawn } from 'node:child_process';
import { freePort } from '../test/support/free-port.ts';
import { undoable } from './interrupt.ts';

export interface StartedProduct {
  /** PUBLIC_URL: the portal's origin (http://localhost:<port>). */
  origin: string;
  /** The broker demo site's origin (client `biztos-pont`'s partner page): another site, http://127.0.0.1:<port>. */
  brokerOrigin: string;
  /** From the spawn to the first 200 of /readyz. */
  readyMs: number;
  /** What it has printed so far, stdout and stderr. */
  output(): string;
  /** SIGTERM to the whole group (npm and the server under it); resolves once it has exited. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 180_000;

/** `npm start` with `env` (PORT, BROKER_DEMO_PORT and PUBLIC_URL are chosen here), once /readyz answers 200. */
export async function npmStart(env: NodeJS.ProcessEnv): Promise<StartedProduct> {
  const port = await freePort();
  const brokerPort = await freePort();
  const origin = `http://localhost:${port}`;
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...env, PORT: String(port), BROKER_DEMO_PORT: String(brokerPort), PUBLIC_URL: origin },
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid!;
  // A group of its own lets `stop()` end npm and the server under it together, but Ctrl-C does not
  // reach it: an interrupted bench stops it (interrupt.ts), and any other exit of the bench (a
  // crash included) sends it SIGTERM on its way out.
  const endOnExit = () => {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', endOnExit);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = undoable(async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-pid, 'SIGTERM');
    await exited;
    process.off('exit', endOnExit);
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) before /readyz:\n${output.slice(-3000)}`);
      if (performance.now() - started > READY_TIMEOUT_MS) throw new Error(`no /readyz after ${READY_TIMEOUT_MS / 1000} s:\n${output.slice(-3000)}`);
      const ready = await fetch(`${origin}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, brokerOrigin: `http://127.0.0.1:${brokerPort}`, readyMs: performance.now() - started, output: () => output, stop };
}
