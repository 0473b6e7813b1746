import type { Config } from '../../config';
import { LookupError } from '../model/lookup-error';
import type { Logger } from '../../log';
import type { Metrics } from '../../metrics';
import type { Store } from '../../store/store';
import { checkAccess, type AccessDenial, type Requester } from './access';
import { createIdentityResolver, type EmailLookup, type IdentityRefusal } from './identity';
import { createCoalescer } from './coalesce';
import { RateLimiter } from './rate-limiter';
import type { DeliveryLookup } from '../deliveries/deliveries';
import { fetchLogWithDeliveries } from './fetch-with-deliveries';
import type { EventLog } from '../model/record';
import { answerWeight, CACHE_MAX_RECORDS } from '../answers/answer-weight';
import { createSharedAnswers, type SharedLook } from '../answers/shared-answers';
import type { EventLogSource } from '../model/source';
import { TtlCache } from '../answers/ttl-cache';
import { createUpstreamGate } from './upstream-gate';
import type { AlertLookup } from '../model/alert-context';
import type { FetchedLog, Fetched } from '../answers/answer';

/** One request for an event log, whatever Slack entry point it came through. */
export interface LookupRequest extends Requester {
  id: string;
  /** Refresh: skip the answer cache (an in-flight call may still be joined). */
  bypassCache: boolean;
  /**
   * Who is asking: a person (the default) or a watch polling on the bot's own schedule. A watch's
   * polls run as the person who started it (allowlists and identity re-checked every time) but do
   * not spend that person's per-user limit: their pace is WATCH_INTERVAL_MS, not a person's.
   */
  origin?: 'person' | 'watch';
}

export type Refusal =
  | { kind: 'access'; denied: AccessDenial }
  | { kind: 'identity'; why: IdentityRefusal }
  | { kind: 'user_rate_limited'; retryAfterSec: number }
  | { kind: 'busy' };

export type LookupOutcome =
  | { kind: 'ok'; log: EventLog; deliveries: DeliveryLookup; alert: AlertLookup; fromCache: boolean }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'failed'; error: LookupError };

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
  /** The app's own workspace (auth.test), whose users email identity may name; null until known. */
  homeTeamId?: () => string | null;
  /**
   * Where rate budgets and BlueKing's pause live, and, when the store is shared
   * (Redis), answers and locks across replicas.
   */
  store: Store;
}

/**
 * Authorize, rate-limit, cache and coalesce lookups in front of BlueKing.
 * Cache and coalescing keys include the BlueKing username, so one user never
 * sees what another user's identity fetched. Calls go out through the
 * upstream gate (in-flight cap, BlueKing's own rate-limit pause). A lookup of a
 * new-generation alert also asks search_action for per-receiver results and
 * search_alert for the alert itself, alongside the event log: the three calls share the lookup's
 * cache entry, coalescing (in-process and across replicas), gate slot, rate-limit pause and identity.
 * With a shared store the cache and the single flight span every replica;
 * the in-process coalescer still runs first, so one replica asks the store once per key.
 */
export function createEventLogService(config: Config, deps: ServiceDeps): EventLogService {
  const { limits } = config;
  const { store } = deps;
  // Weighed by records, so a few huge logs cannot hold the memory that 500 small ones would.
  const cache = new TtlCache<FetchedLog>(limits.cacheTtlMs, limits.cacheMaxEntries, deps.now, answerWeight, CACHE_MAX_RECORDS);
  const callTimeoutMs = config.bk?.timeoutMs ?? 10_000;
  const gate = createUpstreamGate({
    maxInFlight: limits.maxInFlight,
    maxQueue: Math.max(100, limits.maxInFlight * 25),
    maxWaitMs: callTimeoutMs,
    store,
    log: deps.log,
  });
  const shared = store.shared
    ? createSharedAnswers({
        store,
        cacheTtlMs: limits.cacheTtlMs,
        cacheMaxEntries: limits.cacheMaxEntries,
        // A slot may take maxWaitMs to come free, then the call itself up to its timeout.
        callLimitMs: 2 * callTimeoutMs,
        onJoin: () => deps.metrics.coalescedAcrossReplicas(),
        rawLog: deps.source.rawLog?.bind(deps.source),
      })
    : null;
  const inFlightCalls = createCoalescer<Fetched>(() => deps.metrics.coalesced());
  const perUser = new RateLimiter(store, limits.userPerMinute);
  const resolveIdentity = createIdentityResolver(config.identity, config.bk?.username ?? null, deps.lookupEmail, deps.now, {
    home: deps.homeTeamId ?? (() => null),
    allowed: config.access.teamIds,
  });

  /**
   * One lookup's calls to BlueKing (the event log, and search_action and search_alert beside it), timed for the
   * latency histogram. Anything but a LookupError is a bug and is thrown on.
   */
  const callUpstream = async (id: string, username: string | null): Promise<Fetched> => {
    const started = deps.now();
    const seconds = (): number => (deps.now() - started) / 1000;
    try {
      // One deadline owned by the lookup, for every call it makes: a slow search_action cannot hold the in-flight slot page after page.
      const fetched = await fetchLogWithDeliveries(deps.source, id, { username }, config, AbortSignal.timeout(config.limits.lookupTimeoutMs));
      deps.metrics.upstreamLatency(seconds(), 'ok');
      return { kind: 'ok', ...fetched };
    } catch (err) {
      deps.metrics.upstreamLatency(seconds(), err instanceof LookupError ? err.kind : 'error');
      if (err instanceof LookupError) return { kind: 'failed', error: err };
      throw err;
    }
  };

  /**
   * BlueKing's answer for `key`, shared with every caller asking for it at the same time, and cached.
   * With a shared store, `look` is what the lookup's first step found: the lock it took (then no second
   * round trip takes it) and BlueKing's pause (then the gate does not read it again).
   */
  const fetchShared = async (key: string, id: string, username: string | null, look: SharedLook | null): Promise<Fetched> => {
    let ran = false;
    const fetched = await inFlightCalls.run(key, async () => {
      ran = true;
      const callOnce = (): Promise<Fetched> => gate.pass(() => callUpstream(id, username), look?.pause);
      if (shared) return look?.lock ? shared.fetchHolding(key, look.lock, callOnce) : shared.fetchOnce(key, callOnce);
      const own = await callOnce();
      if (own.kind === 'ok') cache.set(key, { log: own.log, deliveries: own.deliveries, alert: own.alert });
      return own;
    });
    // Joined a call already running here: the lock taken for this lookup is not needed.
    if (!ran && look?.lock) shared?.letGo(key, look.lock);
    return fetched;
  };

  /** An answer that needs no call: the in-process cache, or with a shared store, its cache and recent failures. */
  const cachedOutcome = (key: string, look: SharedLook | null): LookupOutcome | null => {
    if (!shared) {
      const hit = cache.get(key);
      return hit ? { kind: 'ok', ...hit, fromCache: true } : null;
    }
    const fetched = look?.cached;
    if (!fetched) return null;
    return fetched.kind === 'ok' ? { kind: 'ok', log: fetched.log, deliveries: fetched.deliveries, alert: fetched.alert, fromCache: true } : outcomeOf(fetched, deps.metrics);
  };

  const lookup = async (request: LookupRequest): Promise<LookupOutcome> => {
    const denied = checkAccess(config.access, request);
    if (denied) return { kind: 'refused', refusal: { kind: 'access', denied } };
    const identity = await resolveIdentity(request.userId);
    if (!identity.ok) return { kind: 'refused', refusal: { kind: 'identity', why: identity.why } };

    // Readable as a Redis key; the username is encoded so no name can run into the ID.
    const key = `${encodeURIComponent(identity.username ?? '')}/${request.id}`;
    // With a shared store, one round trip reads the cached answer, takes the call's lock and reads the pause.
    const look = shared ? await shared.look(key, !request.bypassCache) : null;
    if (!request.bypassCache) {
      const hit = cachedOutcome(key, look);
      if (hit) {
        deps.metrics.cacheHit();
        return hit;
      }
    }
    // Only lookups that would reach BlueKing count against the per-user limit: paging through a
    // cached log (Older/Newer) costs BlueKing nothing and must not get a user told to slow down.
    const retryAfterSec = request.origin === 'watch' ? 0 : await perUser.take(request.userId);
    if (retryAfterSec > 0) {
      if (look?.lock) shared?.letGo(key, look.lock);
      deps.metrics.rateLimited('user');
      return { kind: 'refused', refusal: { kind: 'user_rate_limited', retryAfterSec } };
    }
    let fetched: Fetched;
    try {
      fetched = await fetchShared(key, request.id, identity.username, look);
    } catch (err) {
      // A bug, not an upstream fault: log it whole and say so, rather than blame BlueKing's network.
      deps.log.error('lookup.unexpected', { event_id: request.id, error: err instanceof Error ? err.message : String(err) });
      return { kind: 'failed', error: new LookupError({ kind: 'internal' }) };
    }
    return outcomeOf(fetched, deps.metrics);
  };

  return {
    lookup,
    get inFlight() {
      return gate.inFlight;
    },
  };
}

/** What the caller is told about BlueKing's answer (or the gate's), counted in the metrics. */
function outcomeOf(fetched: Fetched, metrics: Metrics): LookupOutcome {
  switch (fetched.kind) {
    case 'ok':
      return { kind: 'ok', log: fetched.log, deliveries: fetched.deliveries, alert: fetched.alert, fromCache: false };
    case 'busy':
      metrics.rateLimited('busy');
      return { kind: 'refused', refusal: { kind: 'busy' } };
    case 'failed':
      if (fetched.error.kind === 'rate_limited') metrics.rateLimited('upstream');
      return { kind: 'failed', error: fetched.error };
  }
}

/** A short label per outcome, for the log line and the lookups metric. */
export function outcomeLabel(outcome: LookupOutcome): string {
  if (outcome.kind === 'ok') return 'ok';
  if (outcome.kind === 'failed') return outcome.error.kind;
  return outcome.refusal.kind === 'access' ? `refused_${outcome.refusal.denied}` : `refused_${outcome.refusal.kind}`;
}
