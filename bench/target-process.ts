import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './local-server';

/**
 * A Slack app under load, in a child process of its own so the load generator
 * never shares its event loop: the real bot (dist/main.js, exactly what
 * `npm start` runs) or one of the Bolt floors (dist-bench/bench/floor.js).
 */

export type TargetKind = 'app' | 'ack-only' | 'relay';

export interface Target {
  kind: TargetKind;
  /** Base URL of its HTTP receiver. */
  url: string;
  /** Resident set size in bytes: the bot's own /metrics figure; for a floor, /proc (Linux; NaN elsewhere). */
  readRss(): Promise<number>;
  /** The most resident memory the process has had since it started (VmHWM, all its threads), bytes, from /proc (Linux; NaN elsewhere). */
  readPeakRss(): number;
  /** One unlabelled sample of the bot's own /metrics (NaN for a floor). */
  readMetric(name: string): Promise<number>;
  /** V8 heap in use, in bytes, from the bot's own /metrics (NaN for a floor, which has no /metrics). */
  readHeapUsed(): Promise<number>;
  /** CPU time the process has used so far (user + system, all its threads), in ms, from /proc (Linux; NaN elsewhere). */
  readCpuMs(): number;
  /**
   * The longest the bot's event loop was held since the last call (seconds → ms), from its own
   * /metrics (prom-client's monitorEventLoopDelay, reset on every scrape); NaN for a floor.
   */
  readEventLoopLagMaxMs(): Promise<number>;
  /** The bot's own ack times so far (its eventlog_slack_ack_seconds histogram): cumulative count per bucket bound, seconds. */
  readAckBuckets(): Promise<AckBuckets>;
  /** Run a full GC in the child (needs `collectableGarbage`), then give it a moment to finish. */
  collectGarbage(): Promise<void>;
  /** The last lines the child wrote (its error-level log lines and any crash), for diagnosing a failed figure. */
  output(): string;
  /** SIGTERM, then wait for exit (so a --cpu-prof profile gets written). */
  stop(): Promise<void>;
}

export interface TargetOptions {
  /** Settings as environment variables (the README's names); PORT is chosen here. */
  env: Record<string, string>;
  /** Node flags before the script, as `npm start` gives them (some, like --single-threaded-gc, NODE_OPTIONS refuses). */
  nodeFlags?: readonly string[];
  /** Write a V8 CPU profile into this directory when the child exits. */
  cpuProfDir?: string;
  /** Preload a SIGUSR2 handler that runs a full GC (bench instrumentation; the app is unchanged). */
  collectableGarbage?: boolean;
}

const READY_TIMEOUT_MS = 15_000;
const OUTPUT_KEPT_CHARS = 8_000;
const GC_SETTLE_MS = 300;

/** Start a target and resolve once its receiver answers HTTP. */
export async function startTarget(kind: TargetKind, options: TargetOptions): Promise<Target> {
  const port = await freePort();
  const script = kind === 'app' ? join(__dirname, '..', '..', 'dist', 'main.js') : join(__dirname, 'floor.js');
  const args = [
    ...(options.nodeFlags ?? []),
    ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []),
    ...(options.collectableGarbage ? ['--expose-gc', '--require', join(__dirname, 'gc-on-signal.js')] : []),
    script,
  ];
  if (kind !== 'app') args.push(kind);
  // Only the settings given: nothing from the caller's shell (a stray ALLOWED_* or SLACK_APP_TOKEN would change
  // what is measured), and a fresh working directory, so no .env is picked up either.
  const cwd = mkdtempSync(join(tmpdir(), 'eventlog-bench-'));
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...options.env, PORT: String(port) },
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(url, child, () => output);
  return {
    kind,
    url,
    readRss: async () => (kind === 'app' ? metricOf(url, 'eventlog_process_resident_memory_bytes') : procStatusKb(child.pid, 'VmRSS') * 1024),
    readMetric: async (name) => (kind === 'app' ? metricOf(url, name) : NaN),
    readPeakRss: () => procStatusKb(child.pid, 'VmHWM') * 1024,
    readHeapUsed: async () => (kind === 'app' ? metricOf(url, 'eventlog_nodejs_heap_size_used_bytes') : NaN),
    readCpuMs: () => procCpuMs(child.pid),
    readAckBuckets: async () => (kind === 'app' ? bucketsOf(url, 'eventlog_slack_ack_seconds') : []),
    readEventLoopLagMaxMs: async () => (kind === 'app' ? (await metricOf(url, 'eventlog_nodejs_eventloop_lag_max_seconds')) * 1000 : NaN),
    collectGarbage: async () => {
      if (!options.collectableGarbage) throw new Error(`${kind} was started without collectableGarbage`);
      child.kill('SIGUSR2');
      await new Promise((resolve) => setTimeout(resolve, GC_SETTLE_MS));
    },
    output: () => output,
    stop: async () => {
      await stopChild(child);
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** Poll until the receiver answers anything (the bot's /readyz says 200; a floor's 404 is an answer too). */
async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`target exited with code ${child.exitCode}: ${output().trim()}`);
    try {
      await httpGet(`${url}/readyz`);
      return;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`target did not answer within ${READY_TIMEOUT_MS} ms: ${output().trim()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A histogram as cumulative counts, by upper bound in seconds (the last is Infinity), in order. */
export type AckBuckets = ReadonlyArray<{ le: number; count: number }>;

/** A histogram's `_bucket` samples from the bot's Prometheus text. */
async function bucketsOf(url: string, name: string): Promise<AckBuckets> {
  const text = await httpGet(`${url}/metrics`);
  const line = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\S+)$`, 'gm');
  return [...text.matchAll(line)].map((m) => ({ le: m[1] === '+Inf' ? Infinity : Number(m[1]), count: Number(m[2]) }));
}

/** One unlabelled sample from the bot's Prometheus text. */
async function metricOf(url: string, name: string): Promise<number> {
  const text = await httpGet(`${url}/metrics`);
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (line === undefined) throw new Error(`no ${name} in /metrics`);
  return Number(line.slice(name.length + 1));
}

/** One kB figure of a process's /proc status (VmRSS, VmHWM; Linux only). */
function procStatusKb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const PROC_TICKS_PER_SEC = 100;

/** utime + stime of a process, from /proc (Linux only). */
function procCpuMs(pid: number | undefined): number {
  try {
    // Fields after the command name, which may hold spaces: state is the first, utime the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / PROC_TICKS_PER_SEC;
  } catch {
    return NaN;
  }
}

function httpGet(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
