import { Worker } from 'node:worker_threads';
import { issueDocument, type IssuedDocument } from '../issue.ts';
import type { DocumentInput } from '../pdf/input.ts';

/**
 * Renders many PDFs fast. Rendering is CPU-bound (about 1.2 ms of CPU per document since the fast
 * font embedder in ../pdf/fast-font.ts; 19 ms with pdf-lib's own subsetting) and is most of a
 * bulk run's cost, so with `workers > 0` batches are split over worker threads, one per core,
 * each keeping the parsed fonts, the shared font subsets and the word-width cache of its own
 * process-wide memo, so fonts are read, parsed and subset once per thread, not per document.
 * A few renders are kept in flight per thread (cheap, and harmless now that rendering no longer
 * waits on timers).
 */
export interface DocumentRenderer {
  /** Renders the inputs; the result is in input order. */
  render(inputs: readonly DocumentInput[]): Promise<IssuedDocument[]>;
  /** Stops the worker threads (idempotent). */
  close(): Promise<void>;
  readonly workers: number;
}

export interface RendererOptions {
  /** Worker threads; 0 renders in this thread. */
  workers?: number;
  /** Renders in flight per thread. */
  concurrency?: number;
}

export interface RenderRequest {
  id: number;
  inputs: DocumentInput[];
  concurrency: number;
}

type TransferredDocument = Omit<IssuedDocument, 'content'> & { content: Uint8Array };

export type RenderResponse =
  { id: number; ok: true; documents: TransferredDocument[] } | { id: number; ok: false; error: { message: string; stack?: string | undefined } };

const DEFAULT_CONCURRENCY = 4;

/** Renders in this thread, `concurrency` documents in flight. */
export async function renderAll(inputs: readonly DocumentInput[], concurrency = DEFAULT_CONCURRENCY): Promise<IssuedDocument[]> {
  const out = new Array<IssuedDocument>(inputs.length);
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const index = next++;
      out[index] = await issueDocument(inputs[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, lane));
  return out;
}

export function createDocumentRenderer(options: RendererOptions = {}): DocumentRenderer {
  const workers = Math.max(0, Math.floor(options.workers ?? 0));
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  if (workers === 0) return { workers: 0, render: (inputs) => renderAll(inputs, concurrency), close: async () => {} };
  return new WorkerRenderer(workers, concurrency);
}

interface Pending {
  resolve(documents: IssuedDocument[]): void;
  reject(error: Error): void;
}

class RenderWorker {
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;
  readonly ready: Promise<void>;

  constructor(readonly worker: Worker) {
    this.ready = new Promise<void>((resolve, reject) => {
      const onFirst = (message: unknown) => {
        if (message && typeof message === 'object' && 'ready' in message) {
          worker.off('message', onFirst);
          worker.on('message', (response: RenderResponse) => this.settle(response));
          resolve();
        }
      };
      worker.on('message', onFirst);
      worker.once('error', (error) => {
        this.fail(error);
        reject(error);
      });
      worker.once('exit', (code) => {
        const error = new Error(`a document render worker stopped (exit code ${code})`);
        this.fail(error);
        reject(error);
      });
    });
    // Nobody may be awaiting `ready` yet when a worker fails to boot.
    this.ready.catch(() => {});
  }

  render(id: number, inputs: DocumentInput[], concurrency: number): Promise<IssuedDocument[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, inputs, concurrency } satisfies RenderRequest);
    });
  }

  private settle(response: RenderResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    if (!response.ok) {
      const error = new Error(`rendering failed in a worker: ${response.error.message}`);
      if (response.error.stack) error.stack = response.error.stack;
      pending.reject(error);
      return;
    }
    pending.resolve(response.documents.map((d) => ({ ...d, content: Buffer.from(d.content.buffer, d.content.byteOffset, d.content.byteLength) })));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

class WorkerRenderer implements DocumentRenderer {
  private pool: RenderWorker[] | null = null;
  private nextId = 0;
  private closed = false;

  constructor(
    readonly workers: number,
    private readonly concurrency: number,
  ) {}

  private start(): RenderWorker[] {
    if (this.closed) throw new Error('the document renderer is closed');
    this.pool ??= Array.from({ length: this.workers }, () => new RenderWorker(new Worker(new URL('./render-worker.js', import.meta.url))));
    return this.pool;
  }

  async render(inputs: readonly DocumentInput[]): Promise<IssuedDocument[]> {
    if (inputs.length === 0) return [];
    const pool = this.start();
    await Promise.all(pool.map((w) => w.ready));
    // Contiguous slices, one per worker, so the results concatenate back in input order.
    const size = Math.ceil(inputs.length / pool.length);
    const slices = pool.map((worker, i) => ({ worker, inputs: inputs.slice(i * size, (i + 1) * size) })).filter((s) => s.inputs.length > 0);
    const results = await Promise.all(slices.map((s) => s.worker.render(this.nextId++, s.inputs, this.concurrency)));
    return results.flat();
  }

  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool ?? [];
    this.pool = null;
    await Promise.all(pool.map((w) => w.worker.terminate()));
  }
}
