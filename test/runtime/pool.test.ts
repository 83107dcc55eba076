// The worker pool on its own, with a small worker script written here that speaks its protocol: jobs past their
// time budget are stopped, a worker out of memory or dying is replaced, priorities and the slow lane hold.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WorkerPool } from '../../server/src/runtime/pool';

/** A job: work for `ms` milliseconds (busy, as a parse is), allocate `allocMb`, or exit the worker once. */
interface TestJob {
  name: string;
  ms?: number;
  allocMb?: number;
  exitOnceFlag?: string;
}

const WORKER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const kept = [];
parentPort.on('message', ({ id, payload }) => {
  if (id === 0) return;
  if (payload.exitOnceFlag && !fs.existsSync(payload.exitOnceFlag)) { fs.writeFileSync(payload.exitOnceFlag, ''); process.exit(1); }
  const end = Date.now() + (payload.ms || 0);
  while (Date.now() < end) {}
  for (let i = 0; i < (payload.allocMb || 0); i++) kept.push(new Array(1024 * 128).fill(i));
  parentPort.postMessage({ id, kind: 'result', value: payload.name });
});
parentPort.postMessage({ id: 0, kind: 'ready' });
`;

describe('worker pool', () => {
  let dir: string;
  let script: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmm-lint-pool-'));
    script = path.join(dir, 'worker.js');
    fs.writeFileSync(script, WORKER);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (pool: WorkerPool, job: TestJob, timeMs = 10_000, priority = 0) => pool.run<string>({ key: job.name, priority, timeMs, payload: job }).outcome;

  it('stops a job past its time budget, reports it, and runs the next job on a fresh worker', async () => {
    const pool = new WorkerPool({ script, size: 1, memoryMb: 128 });
    try {
      const t0 = Date.now();
      const [slow, next] = await Promise.all([run(pool, { name: 'slow', ms: 60_000 }, 300), run(pool, { name: 'next' })]);
      assert.equal(slow.kind, 'timeout');
      assert.ok(slow.kind === 'timeout' && slow.ms >= 300 && slow.ms < 2000, JSON.stringify(slow));
      assert.deepEqual(next.kind === 'done' && next.value, 'next');
      assert.ok(Date.now() - t0 < 10_000);
    } finally {
      await pool.close();
    }
  });

  it('reports a worker that runs out of memory and goes on', async () => {
    const pool = new WorkerPool({ script, size: 1, memoryMb: 64 });
    try {
      const [hungry, next] = await Promise.all([run(pool, { name: 'hungry', allocMb: 2000 }), run(pool, { name: 'next' })]);
      assert.deepEqual(hungry, { kind: 'memory', limitMb: 64 });
      assert.equal(next.kind === 'done' && next.value, 'next');
    } finally {
      await pool.close();
    }
  });

  it('retries a job once when its worker dies, then reports it', async () => {
    const pool = new WorkerPool({ script, size: 1, memoryMb: 64 });
    try {
      const flag = path.join(dir, 'exited-once');
      const retried = await run(pool, { name: 'retried', exitOnceFlag: flag });
      assert.equal(retried.kind === 'done' && retried.value, 'retried');
    } finally {
      await pool.close();
    }
  });

  it('runs higher priorities first, and equal ones in the order given', async () => {
    const pool = new WorkerPool({ script, size: 1, memoryMb: 64 });
    try {
      const order: string[] = [];
      const track = (p: Promise<unknown>, name: string) => p.then(() => order.push(name));
      await Promise.all([
        // All wait for the worker to start.
        track(run(pool, { name: 'first', ms: 10 }, 10_000, 5), 'first'),
        track(run(pool, { name: 'low', ms: 10 }, 10_000, 5), 'low'),
        track(run(pool, { name: 'high', ms: 10 }, 10_000, 0), 'high'),
      ]);
      assert.deepEqual(order, ['high', 'first', 'low']);
    } finally {
      await pool.close();
    }
  });

  it('keeps one worker free of documents known to be slow', async () => {
    const pool = new WorkerPool({ script, size: 2, memoryMb: 64, slowMs: 200 });
    try {
      await run(pool, { name: 'slow', ms: 300 }); // now known slow
      assert.ok(pool.isSlow('slow'));
      const t0 = Date.now();
      const slowAgain = run(pool, { name: 'slow', ms: 1500 });
      const slowToo = run(pool, { name: 'slow', ms: 1500 });
      await new Promise((resolve) => setImmediate(resolve));
      const quick = await run(pool, { name: 'quick', ms: 10 });
      assert.equal(quick.kind, 'done');
      assert.ok(Date.now() - t0 < 1000, `the quick job waited ${Date.now() - t0} ms`);
      await Promise.all([slowAgain, slowToo]);
    } finally {
      await pool.close();
    }
  });

  it('keeps its kept worker for work someone waits for; background work runs on extra workers that stop when idle', async () => {
    const pool = new WorkerPool({ script, size: 3, keep: 1, backgroundFrom: 2, idleMs: 300, slowMs: 200, memoryMb: 64, reserveForPriority: 0 });
    try {
      // The active document, asked about (urgent), on the kept worker: now known quick.
      assert.equal((await run(pool, { name: 'active', ms: 5 }, 10_000, 0)).kind, 'done');
      assert.equal(pool.load.workers, 1);
      // A burst of background work: it takes the extra workers, never the kept one.
      const burst = Array.from({ length: 8 }, (_, i) => run(pool, { name: `opened-${i}`, ms: 400 }, 10_000, 2));
      // The most workers alive during the burst (an extra one may stop, idle, before the last job of the other ends).
      let most = pool.load.workers;
      const sample = setInterval(() => (most = Math.max(most, pool.load.workers)), 20);
      await new Promise((resolve) => setImmediate(resolve));
      const t0 = Date.now();
      for (let i = 0; i < 5; i++) assert.equal((await run(pool, { name: 'active', ms: 5 }, 10_000, 1)).kind, 'done');
      assert.ok(Date.now() - t0 < 350, `the active document waited ${Date.now() - t0} ms behind background work`);
      assert.ok((await Promise.all(burst)).every((o) => o.kind === 'done'));
      clearInterval(sample);
      assert.equal(most, 3, 'two extra workers took the burst');
      // Idle: the extra workers stop, the kept one stays.
      const deadline = Date.now() + 5000;
      while (pool.load.workers > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(pool.load.workers, 1);
    } finally {
      await pool.close();
    }
  });

  it('runs one job per key at a time, so the next one knows whether the key is slow', async () => {
    const pool = new WorkerPool({ script, size: 3, keep: 1, backgroundFrom: 2, slowMs: 200, memoryMb: 64, reserveForPriority: 0 });
    try {
      assert.equal((await run(pool, { name: 'active', ms: 5 }, 10_000, 0)).kind, 'done');
      // A document opened (background) and edited at once; it turns out slow.
      const opened = run(pool, { name: 'big', ms: 600 }, 10_000, 2);
      await new Promise((resolve) => setImmediate(resolve));
      const edited = run(pool, { name: 'big', ms: 600 }, 10_000, 1);
      await new Promise((resolve) => setImmediate(resolve));
      // The edit waits for the first lint and then runs as a slow document, not on the kept worker.
      const t0 = Date.now();
      assert.equal((await run(pool, { name: 'active', ms: 5 }, 10_000, 1)).kind, 'done');
      assert.ok(Date.now() - t0 < 300, `the active document waited ${Date.now() - t0} ms`);
      const [a, b] = await Promise.all([opened, edited]);
      assert.equal(a.kind, 'done');
      assert.equal(b.kind, 'done');
      assert.ok(pool.isSlow('big'));
      const t1 = Date.now();
      const again = run(pool, { name: 'big', ms: 600 }, 10_000, 1);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal((await run(pool, { name: 'active', ms: 5 }, 10_000, 1)).kind, 'done');
      assert.ok(Date.now() - t1 < 300, `the active document waited ${Date.now() - t1} ms behind a slow one`);
      await again;
    } finally {
      await pool.close();
    }
  });

  it('starts a reserve worker when every worker has been busy for a while', async () => {
    const pool = new WorkerPool({ script, size: 1, memoryMb: 64, reserveAfterMs: 200 });
    try {
      const busy = run(pool, { name: 'unknown-slow', ms: 3000 });
      await new Promise((resolve) => setImmediate(resolve));
      const t0 = Date.now();
      const quick = await run(pool, { name: 'quick', ms: 10 });
      assert.equal(quick.kind, 'done');
      assert.ok(Date.now() - t0 < 2500, `the quick job waited ${Date.now() - t0} ms`);
      await busy;
    } finally {
      await pool.close();
    }
  });
});
