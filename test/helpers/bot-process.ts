import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port';

/**
 * The built bot as separate processes (`node main.js`, as `npm start` runs
 * it), for tests that need several replicas or a real process boundary.
 */

const root = join(__dirname, '..', '..');

/** One running bot process: its HTTP port and everything it printed. */
export interface BotProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Compile src/ into a directory of this suite's own (inside the repo, so node_modules resolves),
 * so suites building in parallel never write over each other's files. Returns the path of main.js.
 */
export function buildBot(name: string): string {
  const outDir = join(root, 'dist-test', name);
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, '--tsBuildInfoFile', join(outDir, '.tsbuildinfo')], { cwd: root });
  return join(outDir, 'main.js');
}

/** Start `mainJs` on a free port with `env` (PATH only besides), and wait for its `started` line. */
export async function startBot(mainJs: string, env: Record<string, string>, timeoutMs = 20_000): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [mainJs], { cwd: root, env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (!output.includes('"msg":"started"')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bot did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Poll until `check()` holds; rejects after `timeoutMs` with `what`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
