import { performance } from 'node:perf_hooks';
import { listenLocal } from './local-server';

/** One POST to a response_url, as the stand-in received it. */
export interface Answer {
  /** performance.now() when the whole POST had arrived. */
  atMs: number;
  body: string;
}

/**
 * The response_url stand-in: each command gets its own path (/r/<key>), and
 * the load generator can wait for the answer to one command or for a count.
 */
export interface ResponseStandIn {
  url: string;
  /** POSTs received since start. */
  readonly received: number;
  /** The URL to put in a command's payload. */
  urlFor(key: string): string;
  /** Resolves with the first POST to `key`'s URL; rejects after `timeoutMs`. Call before sending the command. */
  expect(key: string, timeoutMs: number): Promise<Answer>;
  /** Resolves once `count` POSTs in all have arrived; rejects after `timeoutMs`. */
  waitForCount(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Start the response_url stand-in. */
export async function startResponseStandIn(): Promise<ResponseStandIn> {
  const waiting = new Map<string, (answer: Answer) => void>();
  const countWaiters = new Set<() => void>();
  let received = 0;

  const local = await listenLocal((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const atMs = performance.now();
      received++;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      const key = (req.url ?? '').slice('/r/'.length);
      const resolve = waiting.get(key);
      if (resolve) {
        waiting.delete(key);
        resolve({ atMs, body: Buffer.concat(chunks).toString('utf8') });
      }
      countWaiters.forEach((check) => check());
    });
  });

  return {
    url: local.url,
    get received() {
      return received;
    },
    urlFor: (key) => `${local.url}/r/${key}`,
    expect: (key, timeoutMs) =>
      new Promise<Answer>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(key);
          reject(new Error(`no answer for ${key} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(key, (answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
      }),
    waitForCount: (count, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          countWaiters.delete(check);
          reject(new Error(`expected ${count} answers, got ${received}`));
        }, timeoutMs);
        const check = (): void => {
          if (received < count) return;
          clearTimeout(timer);
          countWaiters.delete(check);
          resolve();
        };
        countWaiters.add(check);
        check();
      }),
    close: () => local.close(),
  };
}
