// pmmLint/serverStatus: the server process, its memory and its lint workers (after a full garbage collection when
// asked and possible). For diagnosing the server and for the tests that measure it.

import type { ServerStatus, ServerStatusParams } from '../../protocol';
import type { RequestContext } from './common';

export interface ServerStatusContext extends RequestContext {
  version: string;
  /** A full garbage collection of this thread, when the process can. */
  collectGarbage?: () => void;
}

export const serverStatusHandler =
  (ctx: ServerStatusContext) =>
  async (params: ServerStatusParams | null): Promise<ServerStatus> => {
    const collect = params?.collectGarbage === true && ctx.collectGarbage !== undefined;
    if (collect) {
      ctx.collectGarbage!();
      ctx.jobs.collectGarbage();
    }
    const m = process.memoryUsage();
    return {
      pid: process.pid,
      version: ctx.version,
      documents: ctx.documents.all().length,
      collected: collect,
      memory: { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers },
      work: ctx.jobs.load,
    };
  };
