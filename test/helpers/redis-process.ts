import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';

/**
 * A real redis-server for the tests and the bench: loopback only, a free
 * port, no persistence, stopped by its caller. Plain code (no Jest).
 */

export interface RedisServer {
  url: string;
  port: number;
  /** Kill the server (SIGKILL: a crash, not a shutdown). */
  kill(): Promise<void>;
  /** Start it again on the same port, empty. */
  restart(): Promise<void>;
  /** Freeze the server (SIGSTOP): connections stay open, commands get no answer, as with a hung Redis. */
  pause(): void;
  /** Let a paused server go on (SIGCONT). */
  resume(): void;
  stop(): Promise<void>;
}

/** Where redis-server is, or null when it is not installed. */
export function redisServerPath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':').concat('/usr/bin', '/usr/local/bin')) {
    const candidate = join(dir, 'redis-server');
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export const REDIS_SKIP_REASON = 'redis-server is not installed (apt-get install -y redis-server)';

/** Start redis-server on a free loopback port; `password` turns on requirepass (for URL tests). */
export async function startRedisServer(options: { password?: string } = {}): Promise<RedisServer> {
  const binary = redisServerPath();
  if (!binary) throw new Error(REDIS_SKIP_REASON);
  const port = await freeLoopbackPort();
  let child: ChildProcess | null = null;

  const launch = async (): Promise<void> => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'];
    if (options.password) args.push('--requirepass', options.password);
    const started = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    await waitForPort(started, port);
  };
  const kill = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };

  await launch();
  const signal = (name: NodeJS.Signals): void => {
    child?.kill(name);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: launch,
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    stop: async () => {
      signal('SIGCONT'); // a stopped process does not act on SIGKILL until continued on every platform
      await kill();
    },
  };
}

/** Resolve once the server accepts a PING on `port`; reject if it exits first. */
async function waitForPort(child: ChildProcess, port: number, timeoutMs = 10_000): Promise<void> {
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${output.trim()}`);
    if (await pings(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`redis-server did not answer on port ${port}: ${output.trim()}`);
}

async function pings(port: number): Promise<boolean> {
  const { createConnection } = await import('node:net');
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
    socket.once('data', (d: Buffer) => {
      socket.destroy();
      // With requirepass, NOAUTH still proves the server is up and answering.
      resolve(/^(\+PONG|-NOAUTH)/.test(d.toString()));
    });
    socket.once('error', () => resolve(false));
  });
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
