/** Worker thread running the parse pipeline; batches flow back as credits allow (see parse-pipeline.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { parseBatches, type ParseJob, type ParseMessage } from './parse-pipeline.js';

const port = parentPort!;
let credit = 0;
let wake: (() => void) | null = null;
port.on('message', (m: { credit?: number }) => {
  credit += m.credit ?? 0;
  wake?.();
});

async function run(): Promise<void> {
  try {
    // Across threads a batch travels as one string of COPY text.
    for await (const m of parseBatches({ ...(workerData as ParseJob), output: 'copy' })) {
      while (m.type === 'batch' && credit <= 0) await new Promise<void>((r) => (wake = r));
      if (m.type === 'batch') credit--;
      port.postMessage(m satisfies ParseMessage);
    }
  } catch (e) {
    const err = e as Error;
    port.postMessage({ type: 'error', problems: [{ code: 'read-failed', message: `Berkas tidak dapat dibaca: ${err.message}`, messageEn: `The file could not be read: ${err.message}` }] } satisfies ParseMessage);
  }
  port.close();
}

void run();
