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
      // Twice: the first collection frees the garbage, the second (still idle) gives back the pages the first
      // left empty, and whatever was freed meanwhile (documents packed after the work).
      timer = setTimeout(() => {
        gc();
        timer = setTimeout(gc, 2 * delayMs);
        timer.unref();
      }, delayMs);
      timer.unref();
    },
    collectGarbage: gc,
  };
}

