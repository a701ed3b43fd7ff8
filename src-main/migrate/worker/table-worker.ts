import { parentPort } from 'node:worker_threads';
import type { WorkerRequest } from './protocol';
import { createTableService } from './table-service';

// The worker thread's entry: built as its own file (migrate-worker.js) next to the app's and the CLI's main.
const port = parentPort;
if (!port) throw new Error('table-worker.ts runs only as a worker thread.');
const serve = createTableService();
port.on('message', (request: WorkerRequest) => {
  void serve(request).then((reply) => port.postMessage(reply));
});
