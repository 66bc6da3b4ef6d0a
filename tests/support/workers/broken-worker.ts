/** A worker that fails on the first message it is sent, as a worker that ran out of memory or hit a bug would. */
import { parentPort } from 'node:worker_threads';

parentPort!.once('message', () => {
  throw new Error('the worker broke');
});
