// How much time and memory one document may take. Past either, linting it stops and the document gets a notice
// that names the limit; everything else is still linted and reported.

import * as os from 'node:os';

export interface Budget {
  /** Wall-clock time for one document, from when a worker starts on it (ms). */
  timeMs: number;
  /** Heap of each worker thread (MiB); a document that needs more stops with a notice. */
  memoryMb: number;
}

/**
 * A 1 MB brief lints in about 1.5 s on this project's 2-core test machine and needs about 200 MiB of heap, so real
 * documents stay well inside; Markdown built to make the parser work in quadratic time does not.
 */
export const DEFAULT_BUDGET: Readonly<Budget> = Object.freeze({ timeMs: 5000, memoryMb: 256 });

export const BUDGET_LIMITS = { timeMs: { min: 1000, max: 600_000 }, memoryMb: { min: 64, max: 4096 } } as const;

/**
 * A document this large may need a large share of its memory budget (a 1 MB brief: about 200 MiB of heap): the
 * pool runs such documents on all workers but one, so the others stay free and memory stays bounded.
 */
export const HEAVY_CHARS = 256 * 1024;

/** The budget a config sets (`budget: { timeMs, memoryMb }`), over the defaults. */
export function budgetOf(config: { budget?: Partial<Budget> } | null | undefined): Budget {
  return { ...DEFAULT_BUDGET, ...(config?.budget ?? {}) };
}

/** Worker threads for linting: one per core, at least 1 and at most `max`. */
export function threadCount(max: number): number {
  return Math.max(1, Math.min(max, os.availableParallelism?.() ?? os.cpus().length));
}
