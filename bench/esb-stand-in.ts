import { listenLocal, type LocalServer } from './local-server';

/**
 * The BlueKing ESB stand-in: answers every get_event_log call with one
 * prebuilt body, after a settable delay, and counts what the bot asked:
 * calls per ID and how many were open at once (the in-flight cap check).
 */
export interface EsbStandIn {
  url: string;
  /** Wait this long before answering (0 = at once); read per request, so it can change between rounds. */
  delayMs: number;
  readonly calls: number;
  /** Most requests open at the same moment since the last reset. */
  readonly maxConcurrent: number;
  callsFor(id: string): number;
  resetCounters(): void;
  close(): Promise<void>;
}

const ID_PARAM = /[?&]id=(\d+)/;

/** Start the ESB stand-in serving `body` (raw JSON text, as the ESB sends it). */
export async function startEsbStandIn(body: string): Promise<EsbStandIn> {
  const bytes = Buffer.from(body, 'utf8');
  const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.length) };
  const perId = new Map<string, number>();
  let calls = 0;
  let open = 0;
  let maxOpen = 0;
  const timers = new Set<NodeJS.Timeout>();

  let local: LocalServer | undefined;
  const stand: EsbStandIn = {
    url: '',
    delayMs: 0,
    get calls() {
      return calls;
    },
    get maxConcurrent() {
      return maxOpen;
    },
    callsFor: (id) => perId.get(id) ?? 0,
    resetCounters: () => {
      perId.clear();
      calls = 0;
      maxOpen = open;
    },
    close: async () => {
      timers.forEach((t) => clearTimeout(t));
      await local?.close();
    },
  };

  local = await listenLocal((req, res) => {
    calls++;
    open++;
    maxOpen = Math.max(maxOpen, open);
    const id = ID_PARAM.exec(req.url ?? '')?.[1];
    if (id !== undefined) perId.set(id, (perId.get(id) ?? 0) + 1);
    // Open = received and not yet answered (or abandoned by the client).
    let settled = false;
    const settle = (): void => {
      if (!settled) open--;
      settled = true;
    };
    res.on('close', settle);
    req.resume();
    const answer = (): void => {
      settle();
      res.writeHead(200, headers);
      res.end(bytes);
    };
    if (stand.delayMs <= 0) {
      answer();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, stand.delayMs);
    timers.add(timer);
  });
  stand.url = local.url;
  return stand;
}
