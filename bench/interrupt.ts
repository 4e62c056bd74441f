// What an interrupted bench undoes before it exits. With a handler for SIGINT (Ctrl-C) and
// SIGTERM, the signal no longer ends the bench's process: its main flow goes on (and fails, its
// load and servers gone) while the handler undoes, last made first, what the bench started and
// has not undone yet: the products (in process groups of their own, which Ctrl-C does not
// reach), the ceiling and other child processes, the throw-away databases. Then it exits with
// 130 or 143.

type Undo = () => Promise<void>;

/** How long the undoing may take before the bench exits anyway (a product ends its load in flight first). */
const UNDO_TIMEOUT_MS = 20_000;

/** The undos not yet settled, in the order they were made. */
const pending: Undo[] = [];
let signalled = false;

/**
 * `undo` made run-once, and run by an interrupt unless it has settled before: the normal path
 * calls the returned function (in its `finally`), and an interrupt that comes while it runs
 * waits for that same run.
 */
export function undoable(undo: () => Promise<void>): Undo {
  let run: Promise<void> | undefined;
  const once: Undo = () => (run ??= undo().finally(() => settled(once)));
  if (pending.length === 0 && !signalled) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  pending.push(once);
  return once;
}

/**
 * `work`, except that once the bench is interrupted its failure is the interrupt's doing: then
 * it never settles, and the interrupt ends the process when its undoing is done.
 */
export function unlessInterrupted<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => (signalled ? new Promise<never>(() => undefined) : Promise.reject(error)));
}

function settled(undo: Undo): void {
  const index = pending.indexOf(undo);
  if (index >= 0) pending.splice(index, 1);
  if (pending.length > 0 || signalled) return;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  // Ctrl-C reaches the bench twice (from the terminal, and relayed by tsx's own process): one undoing.
  if (signalled) return;
  signalled = true;
  const code = signal === 'SIGINT' ? 130 : 143;
  console.error(`[bench] ${signal}: stopping what the bench started (at most ${UNDO_TIMEOUT_MS / 1000} s) …`);
  setTimeout(() => process.exit(code), UNDO_TIMEOUT_MS);
  // An undo made while this runs is on the list too.
  while (pending.length > 0) await pending.at(-1)!().catch(() => undefined);
  process.exit(code);
}
