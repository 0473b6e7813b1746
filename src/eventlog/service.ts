import type { Config } from '../config';
import { BkError } from '../bk/errors';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import { checkAccess, type AccessDenial, type Requester } from './access';
import { createIdentityResolver, type EmailLookup } from './identity';
import { RateLimiter, UpstreamCooldown } from './rate-limiter';
import type { EventLog } from './record';
import { Semaphore } from './semaphore';
import type { EventLogSource } from './source';
import { TtlCache } from './ttl-cache';

/** One request for an event log, whatever Slack entry point it came through. */
export interface LookupRequest extends Requester {
  id: string;
  /** Refresh: skip the answer cache (an in-flight call may still be joined). */
  bypassCache: boolean;
}

export type Refusal =
  | { kind: 'access'; denied: AccessDenial }
  | { kind: 'identity'; why: 'unmapped' | 'no_email' }
  | { kind: 'user_rate_limited'; retryAfterSec: number }
  | { kind: 'busy' };

export type LookupOutcome =
  | { kind: 'ok'; log: EventLog; fromCache: boolean }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'failed'; error: BkError };

export interface EventLogService {
  lookup(request: LookupRequest): Promise<LookupOutcome>;
  /** Upstream calls running now (for tests, metrics and shutdown). */
  readonly inFlight: number;
}

export interface ServiceDeps {
  source: EventLogSource;
  now: () => number;
  log: Logger;
  metrics: Metrics;
  lookupEmail: EmailLookup;
}

/**
 * Authorize, rate-limit, cache and coalesce lookups in front of BlueKing.
 * Cache and coalescing keys include the BlueKing username, so one user never
 * sees what another user's identity fetched. When BlueKing answers "rate
 * limited, retry after N s", no call goes out for those N seconds (cached
 * answers are still served).
 */
export function createEventLogService(config: Config, deps: ServiceDeps): EventLogService {
  const { limits } = config;
  // Weighed by records, so a few huge logs cannot hold the memory that 500 small ones would.
  const cache = new TtlCache<EventLog>(limits.cacheTtlMs, limits.cacheMaxEntries, deps.now, recordCount, CACHE_MAX_RECORDS);
  const pending = new Map<string, Promise<EventLog>>();
  const slots = new Semaphore(limits.maxInFlight, Math.max(100, limits.maxInFlight * 25), config.bk?.timeoutMs ?? 10_000);
  const perUser = new RateLimiter(limits.userPerMinute, deps.now);
  const resolveIdentity = createIdentityResolver(config.identity, config.bk?.username ?? null, deps.lookupEmail, deps.now);
  const cooldown = new UpstreamCooldown(deps.now);
  let lastRateLimit: BkError | null = null;

  /** Throws the rate-limit answer again while BlueKing's Retry-After has not passed. */
  const holdBackDuringCooldown = (): void => {
    const waitSec = cooldown.remainingSec();
    if (waitSec === 0) return;
    // The user sees what BlueKing said last time, with the time still to wait; no call, so no request ID.
    throw new BkError({ kind: 'rate_limited', code: lastRateLimit?.code, upstreamMessage: lastRateLimit?.upstreamMessage, retryAfterSec: waitSec });
  };

  const noteRateLimit = (err: unknown): void => {
    if (!(err instanceof BkError) || err.kind !== 'rate_limited' || !err.retryAfterSec) return;
    lastRateLimit = err;
    cooldown.pause(err.retryAfterSec);
    deps.log.warn('upstream.cooldown', { code: err.code, request_id: err.requestId, retry_after_s: err.retryAfterSec });
  };

  /** One call to BlueKing, timed for the latency histogram. */
  const callUpstream = async (id: string, username: string | null): Promise<EventLog> => {
    const started = deps.now();
    try {
      const log = await deps.source.fetchEventLog(id, { username });
      deps.metrics.upstreamLatency((deps.now() - started) / 1000, 'ok');
      return log;
    } catch (err) {
      deps.metrics.upstreamLatency((deps.now() - started) / 1000, err instanceof BkError ? err.kind : 'error');
      noteRateLimit(err);
      throw err;
    }
  };

  const fetchLimited = async (id: string, username: string | null): Promise<EventLog> => {
    holdBackDuringCooldown();
    if (!(await slots.acquire())) throw BUSY;
    try {
      // Checked again: a cooldown may have begun while this call waited for a slot.
      holdBackDuringCooldown();
      return await callUpstream(id, username);
    } finally {
      slots.release();
    }
  };

  const fetchShared = (key: string, id: string, username: string | null): Promise<EventLog> => {
    const joined = pending.get(key);
    if (joined) {
      deps.metrics.coalesced();
      return joined;
    }
    const call = fetchLimited(id, username)
      .then((log) => {
        cache.set(key, log);
        return log;
      })
      .finally(() => pending.delete(key));
    pending.set(key, call);
    return call;
  };

  const lookup = async (request: LookupRequest): Promise<LookupOutcome> => {
    const denied = checkAccess(config.access, request);
    if (denied) return { kind: 'refused', refusal: { kind: 'access', denied } };
    const identity = await resolveIdentity(request.userId);
    if (!identity.ok) return { kind: 'refused', refusal: { kind: 'identity', why: identity.why } };

    const key = `${identity.username ?? ''}\u0000${request.id}`;
    if (!request.bypassCache) {
      const hit = cache.get(key);
      if (hit) {
        deps.metrics.cacheHit();
        return { kind: 'ok', log: hit, fromCache: true };
      }
    }
    // Only lookups that would reach BlueKing count against the per-user limit: paging through a
    // cached log (Older/Newer) costs BlueKing nothing and must not get a user told to slow down.
    const retryAfterSec = perUser.take(request.userId);
    if (retryAfterSec > 0) {
      deps.metrics.rateLimited('user');
      return { kind: 'refused', refusal: { kind: 'user_rate_limited', retryAfterSec } };
    }
    try {
      return { kind: 'ok', log: await fetchShared(key, request.id, identity.username), fromCache: false };
    } catch (err) {
      if (err === BUSY) {
        deps.metrics.rateLimited('busy');
        return { kind: 'refused', refusal: { kind: 'busy' } };
      }
      if (err instanceof BkError) {
        if (err.kind === 'rate_limited') deps.metrics.rateLimited('upstream');
        return { kind: 'failed', error: err };
      }
      // A bug, not an upstream fault: log it whole and say so, rather than blame BlueKing's network.
      deps.log.error('lookup.unexpected', { event_id: request.id, error: err instanceof Error ? err.message : String(err) });
      return { kind: 'failed', error: new BkError({ kind: 'internal' }) };
    }
  };

  return {
    lookup,
    get inFlight() {
      return slots.inFlight;
    },
  };
}

/** Most records held in the answer cache in all (about 50 MB at worst). */
const CACHE_MAX_RECORDS = 100_000;

function recordCount(log: EventLog): number {
  return Math.max(1, log.entries.length);
}

/** Marker for "no upstream slot came free in time". */
const BUSY = new Error('busy');
