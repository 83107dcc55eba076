// Worker threads that lint within a budget. The CLI and the language server hand their documents to this pool:
// each job runs on a worker with a time limit (a worker past it is terminated and replaced) and a memory limit (a
// worker past it dies and is replaced); either way the job gets an outcome that says so, and every other job goes
// on. The pool schedules by priority, keeps a document on the worker that already holds its parse (affinity), and
// keeps one worker free of documents known to be slow, so a slow document never holds back the others.

import { Worker } from 'node:worker_threads';

import type { JobHandle, JobOutcome, JobSpec, PoolOptions, QueuedJob, Slot, WorkerReply } from './pool-types';

export type { JobHandle, JobOutcome, JobSpec, PoolOptions, WorkerReply } from './pool-types';

const RESERVE_IDLE_MS = 10_000;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: QueuedJob[] = [];
  private readonly slowKeys = new Set<string>();
  /** Keys whose last job finished within `slowMs`. */
  private readonly fastKeys = new Set<string>();
  private nextId = 1;
  private closed = false;
  private reserveTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PoolOptions) {}

  /** Jobs waiting and running, for status reports and tests. */
  get load(): { queued: number; running: number; workers: number } {
    return { queued: this.queue.length, running: this.slots.filter((s) => s.running).length, workers: this.slots.length };
  }

  run<R>(spec: JobSpec): JobHandle<R> {
    let job!: QueuedJob;
    const outcome = new Promise<JobOutcome<R>>((resolve) => {
      job = { ...spec, id: this.nextId++, seq: this.nextId, attempts: 0, resolve: resolve as (o: JobOutcome<unknown>) => void, cancelled: false };
    });
    if (this.closed) job.resolve({ kind: 'cancelled' });
    else {
      this.enqueue(job);
      this.dispatch();
    }
    return {
      outcome,
      cancel: () => {
        const i = this.queue.indexOf(job);
        if (i >= 0) {
          this.queue.splice(i, 1);
          job.resolve({ kind: 'cancelled' });
        }
      },
    };
  }

  /** Tells every worker something (a setting or cache change); not a job. */
  broadcast(message: unknown): void {
    for (const s of this.slots) if (s.alive) s.worker.postMessage({ id: 0, payload: message });
  }

  /** Forgets what the pool knows about a key (a closed document). */
  forget(key: string): void {
    this.slowKeys.delete(key);
    this.fastKeys.delete(key);
    for (const s of this.slots) s.holds.delete(key);
  }

  isSlow(key: string): boolean {
    return this.slowKeys.has(key);
  }

  private isHeavy(job: QueuedJob): boolean {
    return job.heavy === true || this.slowKeys.has(job.key);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reserveTimer);
    for (const job of this.queue.splice(0)) job.resolve({ kind: 'cancelled' });
    await Promise.all(
      this.slots.splice(0).map((s) => {
        s.alive = false;
        clearTimeout(s.idleTimer);
        if (s.running) {
          clearTimeout(s.running.timer);
          s.running.job.resolve({ kind: 'cancelled' });
        }
        return s.worker.terminate();
      }),
    );
  }

  private enqueue(job: QueuedJob): void {
    // Sorted by priority, then by arrival: binary search for the place after every job that goes first.
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const q = this.queue[mid];
      if (q.priority < job.priority || (q.priority === job.priority && q.seq < job.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, job);
  }

  private spawn(reserve: boolean): Slot {
    const extra = !reserve && this.slots.filter((s) => !s.reserve && !s.extra).length >= (this.options.keep ?? this.options.size);
    const youngMb = this.options.youngMb ?? 32;
    const worker = new Worker(this.options.script, {
      workerData: this.options.workerData,
      resourceLimits: {
        maxOldGenerationSizeMb: reserve ? Math.min(this.options.memoryMb, this.options.reserveMemoryMb ?? 96) : this.options.memoryMb,
        maxYoungGenerationSizeMb: extra ? this.options.extraYoungMb ?? youngMb : youngMb,
      },
      // A worker's console must never reach the parent's stdout: over stdio that is the LSP channel.
      stdout: true,
      stderr: true,
    });
    worker.stdout.pipe(process.stderr, { end: false });
    worker.stderr.pipe(process.stderr, { end: false });
    const slot: Slot = { worker, running: null, ready: false, reserve, extra, alive: true, holds: new Set() };
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (error: Error & { code?: string }) => this.onWorkerDeath(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : error.stack ?? String(error)));
    worker.on('exit', (code) => this.onWorkerDeath(slot, `the worker exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.kind === 'ready') {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const running = slot.running;
    if (!running || running.job.id !== reply.id) return;
    if (reply.kind === 'budget') {
      clearTimeout(running.timer);
      running.timer = this.arm(slot, running.job, Math.max(0, running.started + reply.timeMs - Date.now()));
      return;
    }
    clearTimeout(running.timer);
    slot.running = null;
    const ms = Date.now() - running.started;
    const { job } = running;
    slot.holds.add(job.key);
    if (ms > (this.options.slowMs ?? 1000)) {
      this.slowKeys.add(job.key);
      this.fastKeys.delete(job.key);
    } else {
      this.slowKeys.delete(job.key);
      this.fastKeys.add(job.key);
    }
    if (reply.kind === 'result') job.resolve({ kind: 'done', value: reply.value, ms });
    else job.resolve({ kind: 'failed', error: reply.error });
    this.afterJob(slot);
    this.dispatch();
  }

  private arm(slot: Slot, job: QueuedJob, ms: number): NodeJS.Timeout {
    return setTimeout(() => {
      if (slot.running?.job !== job) return;
      this.slowKeys.add(job.key);
      this.fastKeys.delete(job.key);
      slot.running = null;
      this.retire(slot);
      job.resolve({ kind: 'timeout', ms: Date.now() - (job.startedAt ?? Date.now()) });
      this.dispatch();
    }, ms);
  }

  private onWorkerDeath(slot: Slot, reason: string): void {
    if (!slot.alive) return;
    this.retire(slot);
    const running = slot.running;
    slot.running = null;
    if (running) {
      clearTimeout(running.timer);
      const { job } = running;
      if (reason === 'memory' && slot.reserve && !this.closed) {
        job.regularOnly = true;
        this.enqueue(job);
      } else if (reason === 'memory') {
        this.slowKeys.add(job.key);
        job.resolve({ kind: 'memory', limitMb: this.options.memoryMb });
      } else if (job.attempts < 2 && !this.closed) {
        this.enqueue(job); // once more, on a fresh worker
      } else {
        job.resolve({ kind: 'failed', error: reason });
      }
    }
    this.dispatch();
  }

  /** Takes a worker out of the pool (it is terminated; a new one starts when there is work). */
  private retire(slot: Slot): void {
    slot.alive = false;
    clearTimeout(slot.idleTimer);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate().catch(() => {});
  }

  /** A reserve or extra worker is stopped once it has been idle for a while. */
  private afterJob(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    if (!slot.reserve && !slot.extra) return;
    slot.idleTimer = setTimeout(() => {
      if (!slot.running && slot.alive) this.retire(slot);
    }, slot.reserve ? RESERVE_IDLE_MS : this.options.idleMs ?? RESERVE_IDLE_MS);
    slot.idleTimer.unref();
  }

  /** Background work (see `backgroundFrom`): runs on extra workers only. */
  private isBackground(job: QueuedJob): boolean {
    return this.hasExtras() && job.priority >= this.options.backgroundFrom!;
  }

  /**
   * Whether a slot may take a job (ignoring the heavy limit). With extra workers, the kept ones take neither
   * background work nor heavy documents, nor documents not yet seen to be quick (unless someone waits for the
   * answer): they stay free for the documents someone is working on.
   */
  private fits(slot: Slot, job: QueuedJob): boolean {
    if (slot.reserve) return !this.isHeavy(job) && !job.regularOnly && !this.isBackground(job);
    return slot.extra || !this.needsExtra(job);
  }

  private needsExtra(job: QueuedJob): boolean {
    if (!this.hasExtras()) return false;
    const urgent = job.priority <= (this.options.reserveForPriority ?? -Infinity);
    return this.isBackground(job) || this.isHeavy(job) || (!urgent && !this.fastKeys.has(job.key));
  }

  private hasExtras(): boolean {
    return this.options.backgroundFrom !== undefined && (this.options.keep ?? this.options.size) < this.options.size;
  }

  private dispatch(): void {
    if (this.closed) return;
    while (this.queue.length) {
      this.spawnIfNeeded();
      const idle = this.slots.filter((s) => s.alive && s.ready && !s.running);
      if (idle.length === 0) break;
      // The first job that may run now. Heavy jobs (large, or a document known to be slow) run on at most all
      // workers but one, so one stays free for the others and only one heavy job holds memory at a time on two
      // cores; they never go to the reserve worker. The queue is sorted, so once background jobs cannot run,
      // none after them can.
      const heavyRunning = this.slots.filter((s) => s.running && this.isHeavy(s.running.job)).length;
      const heavyAllowed = heavyRunning < (this.options.heavyAtOnce ?? Math.max(1, this.options.size - 1));
      const backgroundIdle = idle.some((s) => s.extra) || this.options.backgroundFrom === undefined;
      // One job per document at a time: the next waits for what the running one learns (its parse, whether
      // the document is slow).
      const runningKeys = new Set(this.slots.map((s) => s.running?.job.key));
      let job: QueuedJob | undefined;
      let slot: Slot | undefined;
      for (let i = 0; i < this.queue.length; i++) {
        const j = this.queue[i];
        if (this.isBackground(j) && !backgroundIdle) break;
        if ((this.isHeavy(j) && !heavyAllowed) || (j.key !== '' && runningKeys.has(j.key))) continue;
        const fits = idle.filter((s) => this.fits(s, j));
        if (!fits.length) continue;
        // Where its parse is; else a kept worker for work someone waits for; else any.
        slot = fits.find((s) => s.holds.has(j.key)) ?? fits.find((s) => !s.reserve && !s.extra) ?? fits.find((s) => !s.reserve) ?? fits[0];
        job = j;
        this.queue.splice(i, 1);
        break;
      }
      if (!job || !slot) break;
      this.start(slot, job);
    }
    this.considerReserve();
  }

  /** Workers start as work needs them: one more when a waiting job has no worker that could take it. */
  private spawnIfNeeded(): void {
    const regular = this.slots.filter((s) => !s.reserve);
    if (regular.length >= this.options.size) return;
    if (regular.filter((s) => !s.extra).length < (this.options.keep ?? this.options.size)) {
      this.spawn(false);
      return;
    }
    // Only extra workers take background work and heavy documents (see fits); the queue is sorted, so the
    // first and last jobs tell what waits.
    const free = regular.filter((s) => !s.running);
    if (free.some((s) => s.extra)) return;
    if (this.needsExtra(this.queue[0]) || this.needsExtra(this.queue[this.queue.length - 1]) || free.length === 0) this.spawn(false);
  }

  private start(slot: Slot, job: QueuedJob): void {
    clearTimeout(slot.idleTimer);
    job.attempts++;
    const started = Date.now();
    job.startedAt = started;
    for (const s of this.slots) if (s !== slot) s.holds.delete(job.key);
    const payload = typeof job.payload === 'function' ? (job.payload as () => unknown)() : job.payload;
    if (payload === null) {
      job.resolve({ kind: 'cancelled' });
      queueMicrotask(() => this.dispatch());
      return;
    }
    slot.running = { job, started, timer: this.arm(slot, job, job.timeMs) };
    slot.worker.postMessage({ id: job.id, payload });
  }

  /** Whether a job of this priority or higher waits that a reserve worker could take (the queue is sorted). */
  private waitingFor(priority: number): boolean {
    for (const j of this.queue) {
      if (j.priority > priority) return false;
      if (!this.isHeavy(j) && !j.regularOnly) return true;
    }
    return false;
  }

  /** Starts a reserve worker when jobs wait and every worker has been busy for a while. */
  private considerReserve(): void {
    const after = this.options.reserveAfterMs ?? 0;
    clearTimeout(this.reserveTimer);
    const urgent = this.options.reserveForPriority ?? Infinity;
    if (after <= 0 || this.slots.some((s) => s.reserve || !s.running) || !this.waitingFor(urgent)) return;
    let newest = 0;
    for (const s of this.slots) newest = Math.max(newest, s.running!.started);
    const wait = newest + after - Date.now();
    if (wait > 0) {
      this.reserveTimer = setTimeout(() => this.considerReserve(), wait);
      this.reserveTimer.unref();
      return;
    }
    this.spawn(true); // takes the first job when it is ready
  }
}
