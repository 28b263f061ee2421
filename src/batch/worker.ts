/**
 * Worker-thread entry of the batch checker: builds its own linter from the setup the main thread
 * sends (same options, so the same rules), then checks one file per request and replies.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinter } from '../api.js';
import { checkOne } from './check-one.js';
import type { CheckReply, CheckRequest, WorkerSetup } from './protocol.js';
import { packResult } from './transport.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
let linter: ReturnType<typeof createLinter> | undefined;

port.on('message', (req: CheckRequest) => {
  void (async () => {
    let reply: CheckReply;
    try {
      linter ??= createLinter(setup.linterOptions);
      const result = await checkOne(linter, req.path, setup.fileOptions);
      const packed = packResult(result);
      reply = packed ? { index: req.index, packed } : { index: req.index, result };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      reply = { index: req.index, crash: { message: err.message, ...(err.stack ? { stack: err.stack } : {}) } };
    }
    port.postMessage(reply, 'packed' in reply ? [reply.packed.outcomes.buffer as ArrayBuffer, reply.packed.locations.buffer as ArrayBuffer] : []);
  })();
});
