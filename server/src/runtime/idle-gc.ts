// A full garbage collection once a thread has been idle for a moment after work. V8 otherwise lets the heap grow
// with the garbage of parsing (to several times the live data) and keeps that memory.

import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/**
 * A full garbage collection once the server has been idle for a moment after work. V8 otherwise lets the heap
 * grow with the garbage of parsing (to several times the live data) and keeps that memory.
 */
export function idleCollector(delayMs = 1500): { afterWork: () => void; collectGarbage?: () => void } {
  let gc: () => void;
  try {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  } catch {
    return { afterWork: () => {} };
  }
  let timer: NodeJS.Timeout | undefined;
  return {
    afterWork: () => {
      clearTimeout(timer);
      timer = setTimeout(gc, delayMs);
      timer.unref();
    },
    collectGarbage: gc,
  };
}

