// What an interrupted bench undoes on its way out. Ctrl-C (SIGINT) or a SIGTERM ends the bench's
// process between its `finally`s: without this, the products it started (in process groups of
// their own, which Ctrl-C does not reach) would keep running, and its throw-away databases would
// stay on the PostgreSQL server.

type Undo = () => Promise<void>;

/** How long the undoing may take before the bench exits anyway (a product ends its load in flight first). */
const UNDO_TIMEOUT_MS = 20_000;

const undos = new Set<Undo>();
let interrupted = false;

/** Runs `undo` if the bench is interrupted before the returned function is called. */
export function undoOnInterrupt(undo: Undo): () => void {
  if (undos.size === 0) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  undos.add(undo);
  return () => {
    if (!undos.delete(undo) || undos.size > 0 || interrupted) return;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  if (interrupted) return;
  interrupted = true;
  console.error(`[bench] ${signal}: stopping what the bench started …`);
  const timeout = new Promise((resolve) => setTimeout(resolve, UNDO_TIMEOUT_MS).unref());
  await Promise.race([Promise.allSettled([...undos].map((undo) => undo())), timeout]);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
