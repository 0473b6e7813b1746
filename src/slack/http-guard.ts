import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseForm, type ParsedUrlQuery } from 'node:querystring';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { verifySlackSignature } from './slack-signature';

/**
 * A check in front of Bolt's HTTP receiver for every POST to Slack's endpoint.
 * It verifies the signature (slack-signature.ts) — the only check: Bolt's own
 * is turned off (receiver.ts), so each request costs one HMAC — and answers
 * what Bolt 5.1 (the newest release) would mishandle:
 *  - no valid signature (missing, stale, wrong) → 401 here, as Bolt would;
 *  - a body that parses to something other than an object (`payload=null`):
 *    Bolt throws outside its error handling and never answers → 400 here;
 *  - a timestamp far in the future: Bolt checks only staleness → 401 here;
 *  - the same signed request again (a replay): answered once only → an empty 200 here;
 *  - a response_url that is not Slack's (see response-url-hosts.ts) → 400 here;
 *  - an `actions` field that is not a list (Bolt throws taking its first) → an empty 200 here.
 * Slack's unsigned `ssl_check=1` goes on with nothing else in its body, as Bolt handles it.
 * The buffered body is handed to Bolt as `rawBody`, which Bolt reads instead of the stream.
 */

export interface HttpGuardDeps {
  signingSecret: string;
  /** The paths Bolt takes Slack's requests on (its `endpoints`); other POSTs go to Bolt untouched. */
  endpoints: readonly string[];
  /** Signatures already answered; a shared store makes a replay to another replica a repeat too. */
  seen: Pick<Store, 'seen'>;
  log: Logger;
  now: () => number;
  /** Largest body read (Bolt's own limit, 4 MB); a larger one is answered 413. */
  bodyLimit: number;
  /** Whether a response_url is one of Slack's. */
  responseUrlAllowed(url: string): boolean;
  /** Told how long each request to Slack's endpoint took to answer, from its arrival to the answer written. */
  answered(seconds: number): void;
}

/** Slack's signature window: a timestamp may differ from now by this much, either way. */
export const SIGNATURE_WINDOW_SEC = 5 * 60;
const FORM = 'application/x-www-form-urlencoded';
const SSL_CHECK_BODY = 'ssl_check=1';

/** `inner` (Bolt's request listener) behind the guard. */
export function guardSlackRequests(inner: RequestListener, deps: HttpGuardDeps): RequestListener {
  return (req, res) => {
    if (req.method !== 'POST' || !deps.endpoints.includes(pathOf(req))) {
      inner(req, res);
      return;
    }
    const arrived = performance.now();
    res.once('finish', () => deps.answered((performance.now() - arrived) / 1000));
    readBody(req, deps.bodyLimit).then(
      async (raw) => {
        if (raw === null) return answer(res, 413);
        const body = raw.toString('utf8');
        // Parsed once: for the SSL check, then for the checks on the payload.
        const form = header(req, 'content-type') === FORM ? parseForm(body) : null;
        // Slack's SSL check carries no signature; Bolt answers it, and is handed nothing else of the body.
        const sslCheck = form?.ssl_check === '1';
        Object.assign(req, { rawBody: sslCheck ? Buffer.from(SSL_CHECK_BODY) : raw });
        const verdict = sslCheck ? 'pass' : await judge(req, body, form, deps);
        if (verdict === 'pass') return inner(req, res);
        deps.log.warn(verdict.log, { reason: verdict.reason, status: verdict.status });
        answer(res, verdict.status);
      },
      () => answer(res, 400),
    );
  };
}

type Verdict = 'pass' | { status: number; log: 'request.refused' | 'request.malformed' | 'request.replayed' | 'interaction.unknown'; reason: string };

async function judge(req: IncomingMessage, body: string, form: ParsedUrlQuery | null, deps: HttpGuardDeps): Promise<Verdict> {
  const signature = header(req, 'x-slack-signature');
  const timestamp = header(req, 'x-slack-request-timestamp');
  const signed = verifySlackSignature(deps.signingSecret, { body, signature, timestamp }, deps.now());
  if (signed !== 'valid' || signature === null) return { status: 401, log: 'request.refused', reason: signed };
  const timestampSec = Number(timestamp);
  const nowSec = Math.floor(deps.now() / 1000);
  if (timestampSec > nowSec + SIGNATURE_WINDOW_SEC) return { status: 401, log: 'request.refused', reason: 'timestamp_in_future' };
  const parsed = parseLikeBolt(body, form);
  if (typeof parsed === 'string') return { status: 400, log: 'request.malformed', reason: parsed };
  if (!responseUrlsOf(parsed).every((url) => deps.responseUrlAllowed(url))) {
    return { status: 400, log: 'request.refused', reason: 'response_url_not_slack' };
  }
  // Bolt throws on an `actions` it cannot take the first of (a 500 for Slack): acked here, as any unknown interaction.
  if ('actions' in parsed && !Array.isArray(parsed.actions)) return { status: 200, log: 'interaction.unknown', reason: 'actions_not_a_list' };
  // Slack's own redelivery of an event (X-Slack-Retry-Num) goes on: the listeners dedupe events by
  // message and log the retry. Commands and interactions are never redelivered, so a repeat is a replay.
  if (header(req, 'x-slack-retry-num') !== null && parsed.type === 'event_callback') return 'pass';
  // The signature is unique per body and timestamp, and valid until the timestamp is stale.
  const ttlMs = (timestampSec + SIGNATURE_WINDOW_SEC - nowSec + 1) * 1000;
  if (await seenBefore(`slack-signature:${signature}`, ttlMs, deps)) return { status: 200, log: 'request.replayed', reason: 'same_signature' };
  return 'pass';
}

/** How long the ack may wait for the store's answer; a store slower than this (a hung Redis) never holds an ack up. */
const REPLAY_CHECK_BUDGET_MS = 50;

/**
 * Whether the store has seen `key`. A store that cannot answer (Redis down) or
 * answers late lets the request through: the ack comes first, and the store's
 * own fallback reports the outage.
 */
async function seenBefore(key: string, ttlMs: number, deps: HttpGuardDeps): Promise<boolean> {
  const check = deps.seen.seen(key, ttlMs).catch((err: unknown) => {
    deps.log.warn('request.replay_check_failed', { error: err instanceof Error ? err.message : String(err) });
    return false;
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), REPLAY_CHECK_BUDGET_MS);
  });
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}

type Body = Record<string, unknown>;

/** The body as Bolt will parse it (an object), or what is wrong with it; `form` is the body parsed as a form when it is one. */
export function parseLikeBolt(body: string, form: ParsedUrlQuery | null): Body | 'not_json' | 'not_an_object' {
  let parsed: unknown;
  try {
    if (form !== null) {
      // A form is an object; its `payload`, when present as one value, is JSON that must be one too.
      if (typeof form.payload !== 'string') return form;
      parsed = JSON.parse(form.payload);
    } else {
      parsed = JSON.parse(body);
    }
  } catch {
    return 'not_json';
  }
  return isBody(parsed) ? parsed : 'not_an_object';
}

/** Every response URL a request carries: `response_url` (commands, shortcuts, buttons), `response_urls` (modals). */
function responseUrlsOf(body: Body): string[] {
  const urls: unknown[] = [];
  if ('response_url' in body) urls.push(...[body.response_url].flat());
  if (Array.isArray(body.response_urls)) {
    for (const entry of body.response_urls) urls.push(isBody(entry) ? entry.response_url : entry);
  }
  // Anything that is not a string is not a URL Slack would send.
  return urls.map((url) => (typeof url === 'string' ? url : ''));
}

function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request's path, read as Bolt reads it to route. */
function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '', 'http://localhost').pathname;
  } catch {
    return '';
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

/** The whole body, or null once it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function answer(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-length': '0' });
  res.end();
}
