import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { LogJob, LogJobResult } from './log-jobs';
import { handOver } from './hand-over';
import { spawnLogWorker } from './spawn-worker';

/**
 * A small pool of log workers: one per core but one, so the main thread
 * always has a core for acks (at least one worker). At most `size` big
 * bodies are worked on at once (the cap on big-body work); the rest wait in
 * order. Bodies in shared memory are shared; others are transferred, never copied. A worker that dies fails only
 * the job it had and is replaced on the next job.
 */

interface Waiting {
  job: LogJob;
  resolve(result: unknown): void;
  reject(err: Error): void;
}

type Reply = { ok: true; result: unknown } | { ok: false; error: string };

export class LogWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Waiting>();
  private readonly queue: Waiting[] = [];
  private closed = false;

  constructor(
    readonly size = Math.max(1, availableParallelism() - 1),
    private readonly spawn: () => Worker = spawnLogWorker,
  ) {}

  /** Run `job` on a worker; bytes not in shared memory are moved there (see hand-over.ts: the caller must not use them afterwards). */
  run<J extends LogJob>(job: J): Promise<LogJobResult<J>> {
    if (this.closed) return Promise.reject(new Error('log workers are closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (result: unknown) => void, reject });
      this.dispatch();
    });
  }

  /**
   * Start one worker now, before any job needs it: starting a thread holds the
   * main thread for 7–15 ms, which is fine at start-up but not beside the acks
   * of the first big log. One only: each idle worker costs ~28 MB, and more
   * than one is needed only when big logs arrive together.
   */
  warm(): void {
    if (!this.closed && this.idle.length + this.busy.size === 0) this.idle.push(this.start());
  }

  /** Jobs running or waiting (for tests and metrics). */
  get pending(): number {
    return this.busy.size + this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.reject(new Error('log workers are closed'));
    const all = [...this.idle.splice(0), ...this.busy.keys()];
    for (const [, waiting] of this.busy) waiting.reject(new Error('log workers are closed'));
    this.busy.clear();
    await Promise.all(all.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.start() : null);
      if (worker === null) return;
      const waiting = this.queue.shift() as Waiting;
      this.busy.set(worker, waiting);
      const { message, transfer } = handOver(waiting.job);
      worker.postMessage(message, transfer);
    }
  }

  private start(): Worker {
    const worker = this.spawn();
    // Idle workers must not keep the process alive; close() ends them on shutdown.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.busy.get(worker);
      this.busy.delete(worker);
      if (!this.closed) this.idle.push(worker);
      if (waiting) {
        if (reply.ok) waiting.resolve(reply.result);
        else waiting.reject(new Error(`log worker: ${reply.error}`));
      }
      this.dispatch();
    });
    const lost = (why: string): void => {
      const waiting = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      waiting?.reject(new Error(`log worker ${why}`));
      if (!this.closed) this.dispatch();
    };
    worker.on('error', (err) => lost(`failed: ${err.message}`));
    worker.on('exit', (code) => lost(`exited (${code})`));
    return worker;
  }
}
