import { parentPort } from 'node:worker_threads';
import type { DocumentInput } from '../pdf/input.ts';
import { renderAll, type RenderRequest, type RenderResponse } from './render-pool.ts';

/** A render worker: renders the inputs it is sent and sends the PDFs back (their bytes transferred, not copied). */
if (!parentPort) throw new Error('render-worker-main.ts runs only as a worker thread');
const port = parentPort;

port.on('message', async (request: RenderRequest) => {
  let response: RenderResponse;
  const transfer: ArrayBuffer[] = [];
  try {
    const documents = await renderAll(request.inputs as DocumentInput[], request.concurrency);
    response = {
      id: request.id,
      ok: true,
      documents: documents.map((d) => {
        // Transfer the PDF's own buffer; copy when it is a view into a larger (shared) one.
        const own = d.content.byteOffset === 0 && d.content.byteLength === d.content.buffer.byteLength && d.content.buffer instanceof ArrayBuffer;
        const content = own ? new Uint8Array(d.content.buffer, 0, d.content.byteLength) : new Uint8Array(d.content);
        transfer.push(content.buffer as ArrayBuffer);
        return { ...d, content };
      }),
    };
  } catch (error) {
    response = {
      id: request.id,
      ok: false,
      error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
    };
  }
  port.postMessage(response, transfer);
});
port.postMessage({ ready: true });
