import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './local-server';

/**
 * A Slack app under load, in a child process of its own so the load generator
 * never shares its event loop: the real bot (dist/main.js, exactly what
 * `npm start` runs) or one of the Bolt floors (dist/bench/floor.js).
 */

export type TargetKind = 'app' | 'ack-only' | 'relay';

export interface Target {
  kind: TargetKind;
  /** Base URL of its HTTP receiver. */
  url: string;
  pid: number;
  /** Resident set size in bytes, read from the app's own /metrics (the real bot only). */
  readRss(): Promise<number>;
  /** The last lines the child wrote (its error-level log lines and any crash), for diagnosing a failed figure. */
  output(): string;
  /** SIGTERM, then wait for exit (so a --cpu-prof profile gets written). */
  stop(): Promise<void>;
}

export interface TargetOptions {
  /** Settings as environment variables (the README's names); PORT is chosen here. */
  env: Record<string, string>;
  /** Write a V8 CPU profile into this directory when the child exits. */
  cpuProfDir?: string;
}

const READY_TIMEOUT_MS = 15_000;
const OUTPUT_KEPT_CHARS = 8_000;
const RSS_LINE = /^eventlog_process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m;

/** Start a target and resolve once its receiver answers HTTP. */
export async function startTarget(kind: TargetKind, options: TargetOptions): Promise<Target> {
  const port = await freePort();
  const script = kind === 'app' ? join(__dirname, '..', 'main.js') : join(__dirname, 'floor.js');
  const args = [...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []), script];
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
    pid: child.pid ?? -1,
    readRss: async () => {
      const metrics = await httpGet(`${url}/metrics`);
      const match = RSS_LINE.exec(metrics);
      if (!match) throw new Error(`${kind}: no eventlog_process_resident_memory_bytes in /metrics`);
      return Number(match[1]);
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
