// The worker side of the pool (pool.ts): runs each job it is given and answers with its result or its error.

import { parentPort } from 'node:worker_threads';
import type { WorkerReply } from './pool';

export interface JobContext {
  /** Sets the job's time budget from now on (once the worker knows the document's config). */
  setBudget(timeMs: number): void;
}

export function serveJobs(handle: (payload: unknown, context: JobContext) => unknown, onBroadcast: (message: unknown) => void = () => {}, afterJob: () => void = () => {}): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs in a worker thread');
  const reply = (message: WorkerReply) => port.postMessage(message);
  port.on('message', ({ id, payload }: { id: number; payload: unknown }) => {
    if (id === 0) {
      onBroadcast(payload);
      return;
    }
    try {
      const value = handle(payload, { setBudget: (timeMs) => reply({ id, kind: 'budget', timeMs }) });
      reply({ id, kind: 'result', value });
    } catch (error) {
      reply({ id, kind: 'error', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
    afterJob();
  });
  reply({ id: 0, kind: 'ready' });
}
