/**
 * Worker-thread entry of the batch checker: builds its own linter from the setup the main thread
 * sends (same options, so the same rules), then checks one file per request and replies.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinter } from '../api.js';
import { checkOne } from './check-one.js';
import type { CheckReply, CheckRequest, WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
let linter: ReturnType<typeof createLinter> | undefined;

port.on('message', (req: CheckRequest) => {
  void (async () => {
    let reply: CheckReply;
    try {
      linter ??= createLinter(setup.linterOptions);
      reply = { index: req.index, result: await checkOne(linter, req.path, setup.fileOptions) };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      reply = { index: req.index, crash: { message: err.message, ...(err.stack ? { stack: err.stack } : {}) } };
    }
    port.postMessage(reply);
  })();
});
