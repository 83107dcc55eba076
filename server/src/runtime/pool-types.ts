// The worker pool's types: what a job is, what it comes back with, the pool's options, and its inner records.
import type { Worker } from 'node:worker_threads';

export type JobOutcome<R> =
  | { kind: 'done'; value: R; ms: number }
  /** Ran past its time budget: the worker was stopped. */
  | { kind: 'timeout'; ms: number }
  /** The worker ran out of memory on it. */
  | { kind: 'memory'; limitMb: number }
  /** The worker failed (an exception outside the lint's own guards); retried once on a fresh worker first. */
  | { kind: 'failed'; error: string }
  /** The pool was closed, or the job was cancelled before it started. */
  | { kind: 'cancelled' };

export interface JobSpec {
  /** What the job is about (a document URI or a file path): for affinity and for remembering slow documents. */
  key: string;
  /** Lower runs first; equal priorities run in the order given. */
  priority: number;
  /** What the worker gets; a function is called when the job starts (null: nothing to do any more, cancelled). */
  payload: unknown;
  /** Time budget once the job starts on a worker; the worker may set another with a `budget` message. */
  timeMs: number;
  /** A large document: it may need much memory (see dispatch). */
  heavy?: boolean;
}

export interface PoolOptions {
  /** The worker script (a bundle in dist/). */
  script: string;
  workerData?: unknown;
  /** Workers kept for ordinary work (both cores by default). */
  size: number;
  /** Heap limit of each worker, in MiB. */
  memoryMb: number;
  /** Young generation of each worker, in MiB (small: less resident memory; large: faster on big documents). */
  youngMb?: number;
  /**
   * One more worker may start when every worker has been busy longer than this (ms) while a job waits: a
   * document nobody knew was slow cannot hold back requests for the others. 0 turns it off.
   */
  reserveAfterMs?: number;
  /**
   * Heap of the reserve worker (MiB; default 96): it is there for quick requests, and keeps the process's memory
   * bounded when every worker is busy. A job that runs out of memory there goes back to a regular worker.
   */
  reserveMemoryMb?: number;
  /**
   * Workers kept once the work is done (default: all of them). The others are stopped after `idleMs` without a
   * job, which gives their memory back; a new one starts when work waits again.
   */
  keep?: number;
  /** How long an extra worker may stay idle (ms; default 10 s). */
  idleMs?: number;
  /** Young generation of the extra workers (MiB; default youngMb): larger is faster, and they do not stay. */
  extraYoungMb?: number;
  /**
   * Jobs of this priority or lower (higher numbers) are background work: they run only on extra workers, so the
   * kept workers stay free for the work someone waits for (and small: a burst's memory goes with the extras).
   * Needs `keep` < `size`. Default: none.
   */
  backgroundFrom?: number;
  /** How many heavy jobs may run at once (default: all workers but one, at least one). */
  heavyAtOnce?: number;
  /** Only jobs of this priority or higher (lower numbers) start a reserve worker (default: any job). */
  reserveForPriority?: number;
  /** A document whose last lint took longer than this (ms) is slow: it is scheduled as heavy (see dispatch). */
  slowMs?: number;
}

/** Messages from a worker. */
export type WorkerReply =
  | { id: number; kind: 'result'; value: unknown }
  | { id: number; kind: 'error'; error: string }
  | { id: number; kind: 'budget'; timeMs: number }
  /** The worker has loaded and warmed up: budgets count from here, not from its start-up. */
  | { id: 0; kind: 'ready' };

export interface Running {
  job: QueuedJob;
  started: number;
  timer: NodeJS.Timeout;
}

export interface Slot {
  worker: Worker;
  running: Running | null;
  ready: boolean;
  reserve: boolean;
  /** A regular worker beyond `keep`: stopped when idle. */
  extra: boolean;
  alive: boolean;
  /** Keys whose parse this worker holds. */
  holds: Set<string>;
  idleTimer?: NodeJS.Timeout;
}

export interface QueuedJob extends JobSpec {
  id: number;
  seq: number;
  attempts: number;
  resolve: (outcome: JobOutcome<unknown>) => void;
  cancelled: boolean;
  startedAt?: number;
  /** Ran out of memory on a reserve worker: only regular workers take it now. */
  regularOnly?: boolean;
}

export interface JobHandle<R> {
  outcome: Promise<JobOutcome<R>>;
  /** Drops the job if it has not started (its outcome is `cancelled`); a running job finishes. */
  cancel(): void;
}
