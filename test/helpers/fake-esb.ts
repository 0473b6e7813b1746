import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { onRequest, type RecordedRequest } from './recording-server';

/**
 * A stand-in for the BlueKing ESB / API gateway on a local port. Each test
 * queues the answers it needs, including faults a real network produces:
 * slow headers, a body that trickles, a connection cut mid-body.
 */

export type { RecordedRequest } from './recording-server';

/** One answer. Everything is optional: the default is 200 with an empty JSON body. */
export interface EsbReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait this long before sending anything. */
  delayMs?: number;
  /** Send the body without Content-Length (chunked), as streaming proxies do. */
  chunked?: boolean;
  /** Send the body a slice at a time (implies chunked unless Content-Length is given in headers). */
  trickle?: { bytes: number; everyMs: number };
  /** Cut the connection: before any byte of the answer, or after half of the body. */
  reset?: 'before-headers' | 'mid-body';
}

export type EsbHandler = (request: RecordedRequest) => EsbReply;

export interface FakeEsb {
  /** Base URL to use as BK_API_BASE_URL (no trailing slash). */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** TCP connections accepted so far (keep-alive reuse shows as fewer connections than requests). */
  readonly connectionsOpened: number;
  /** TCP connections open now. */
  readonly connectionsOpen: number;
  /** Resolves once no connection is open (or rejects after `timeoutMs`). */
  waitForNoConnections(timeoutMs?: number): Promise<void>;
  /** Answer the next requests with these, in order; afterwards the fallback answers. */
  enqueue(...replies: EsbReply[]): void;
  /** Answer every request the queue does not (a function can answer by path or query). */
  setFallback(reply: EsbReply | EsbHandler): void;
  close(): Promise<void>;
}

const NO_REPLY_QUEUED: EsbReply = {
  status: 500,
  body: JSON.stringify({ result: false, code: 9999999, message: 'fake ESB: no reply queued for this request', data: null }),
};

/** Start a fake ESB on 127.0.0.1 and a free port (or `port`, to bring back an ESB that was down). */
export async function startFakeEsb(fallback: EsbReply | EsbHandler = NO_REPLY_QUEUED, port = 0): Promise<FakeEsb> {
  const requests: RecordedRequest[] = [];
  const queue: EsbReply[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let answerRest = fallback;

  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, (recorded) => {
      requests.push(recorded);
      const next = queue.shift() ?? (typeof answerRest === 'function' ? answerRest(recorded) : answerRest);
      later(next.delayMs ?? 0, () => send(res, next, later));
    });
  });
  const sockets = new Set<Socket>();
  let connectionsOpened = 0;
  const onIdle: Array<() => void> = [];
  server.on('connection', (socket: Socket) => {
    connectionsOpened += 1;
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) onIdle.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    get connectionsOpened() {
      return connectionsOpened;
    },
    get connectionsOpen() {
      return sockets.size;
    },
    waitForNoConnections: (timeoutMs = 5000) =>
      new Promise<void>((resolve, reject) => {
        if (sockets.size === 0) return resolve();
        const deadline = setTimeout(() => reject(new Error(`${sockets.size} connection(s) still open`)), timeoutMs);
        onIdle.push(() => {
          clearTimeout(deadline);
          resolve();
        });
      }),
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    setFallback: (reply) => {
      answerRest = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach((t) => clearTimeout(t));
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, reply: EsbReply, later: (ms: number, run: () => void) => void): void {
  const socket: Socket = res.socket as Socket;
  if (reply.reset === 'before-headers') {
    socket.destroy();
    return;
  }
  const body = Buffer.from(reply.body ?? '');
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers };
  const streamed = reply.chunked === true || reply.trickle !== undefined;
  if (!streamed) headers['Content-Length'] = String(body.length);
  res.writeHead(reply.status ?? 200, headers);

  if (reply.reset === 'mid-body') {
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => socket.destroy());
    return;
  }
  if (reply.trickle) {
    trickle(res, body, reply.trickle, later);
    return;
  }
  if (streamed) res.write(body);
  res.end(streamed ? undefined : body);
}

/** Write `body` a slice at a time until it is sent or the client goes away. */
function trickle(res: ServerResponse, body: Buffer, pace: { bytes: number; everyMs: number }, later: (ms: number, run: () => void) => void): void {
  let offset = 0;
  const step = (): void => {
    if (res.destroyed || res.writableEnded) return;
    if (offset >= body.length) {
      res.end();
      return;
    }
    res.write(body.subarray(offset, offset + pace.bytes));
    offset += pace.bytes;
    later(pace.everyMs, step);
  };
  step();
}
