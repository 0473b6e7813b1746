import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a stand-in server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StandInReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export type StandInHandler = (request: RecordedRequest) => StandInReply | Promise<StandInReply>;

export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  setHandler(handler: StandInHandler): void;
  /** Resolves once `count` requests have been recorded (or rejects after `timeoutMs`). */
  waitForRequests(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

/** Read a whole request into a RecordedRequest, then hand it on. */
export function onRequest(req: IncomingMessage, handle: (recorded: RecordedRequest) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    handle({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
  });
}

/**
 * A small local HTTP server that records every request and answers with what
 * the test's handler says: the stand-in for Slack's Web API and response_url.
 */
export async function startRecordingServer(handler: StandInHandler = () => ({ status: 200, body: 'ok' })): Promise<RecordingServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, (recorded) => {
      requests.push(recorded);
      waiters.splice(0).forEach((wake) => wake());
      Promise.resolve(current(recorded)).then(
        (reply) => {
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
          res.end(reply.body ?? '');
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setHandler: (next) => {
      current = next;
    },
    waitForRequests: (count, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`expected ${count} requests, got ${requests.length}`)), timeoutMs);
        const check = (): void => {
          if (requests.length >= count) {
            clearTimeout(deadline);
            resolve(requests.slice());
          } else waiters.push(check);
        };
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
