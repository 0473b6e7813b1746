import { LookupError, DEFAULT_RATE_LIMIT_RETRY_SEC } from '../../../src/eventlog/model/lookup-error';
import { loadConfig, type Config } from '../../../src/config';
import type { EventLog } from '../../../src/eventlog/model/record';
import { createEventLogService, type EventLogService, type LookupOutcome, type LookupRequest } from '../../../src/eventlog/service/service';
import type { BkIdentity, EventLogSource } from '../../../src/eventlog/model/source';
import { createLogger } from '../../../src/log';
import type { Metrics } from '../../../src/metrics';
import { noopMetrics } from '../../helpers/silent';
import { manualClock, type ManualClock } from '../../helpers/manual-clock';
import { MemoryStore } from '../../../src/store/memory-store';

/** The service in front of BlueKing, with a stand-in source, a hand-moved clock and recorded metrics. */

function configFor(env: Record<string, string> = {}, userMap: Record<string, string> = {}): Config {
  return loadConfig(
    { BK_API_BASE_URL: 'https://paas.example.com', BK_APP_CODE: 'eventlog-bot', BK_APP_SECRET: 'app-secret-123456', BK_USERNAME: 'oncall-bot', ...env },
    () => JSON.stringify(userMap),
  );
}

function logOf(id: string, requestId = `req-${id}`): EventLog {
  return { id, entries: [], generation: 'old', requestId };
}

interface Call {
  id: string;
  username: string | null;
  resolve(log: EventLog): void;
  reject(err: unknown): void;
}

/** A source whose calls the test answers one by one (or at once, with `answerAll`). */
function controlledSource(): EventLogSource & { calls: Call[]; answerAll: ((id: string) => EventLog | Error) | null } {
  const calls: Call[] = [];
  const source = {
    calls,
    answerAll: null as ((id: string) => EventLog | Error) | null,
    fetchEventLog: (id: string, identity: BkIdentity): Promise<EventLog> =>
      new Promise<EventLog>((resolve, reject) => {
        calls.push({ id, username: identity.username, resolve, reject });
        const answer = source.answerAll?.(id);
        if (answer instanceof Error) reject(answer);
        else if (answer) resolve(answer);
      }),
  };
  return source;
}

const { watchesActive, watchPoll, watchUpdate, watchReply, watchStop } = noopMetrics;
const watchNoops = { watchesActive, watchPoll, watchUpdate, watchReply, watchStop };

function recordingMetrics(): Metrics & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    lookup: (outcome) => seen.push(`lookup:${outcome}`),
    upstreamLatency: (seconds, outcome) => seen.push(`latency:${outcome}:${seconds}`),
    cacheHit: () => seen.push('cache_hit'),
    coalesced: () => seen.push('coalesced'),
    rateLimited: (kind) => seen.push(`rate_limited:${kind}`),
    ...watchNoops,
    coalescedAcrossReplicas: () => seen.push('coalesced_across_replicas'),
    storeOperation: () => 0,
    storeError: (kind) => seen.push(`store_error:${kind}`),
    duplicateDelivery: (kind) => seen.push(`duplicate:${kind}`),
    ackTime: () => undefined,
    triage: (act, result) => seen.push(`triage:${act}:${result}`),
  };
}

interface Setup {
  service: EventLogService;
  source: ReturnType<typeof controlledSource>;
  metrics: ReturnType<typeof recordingMetrics>;
  clock: ManualClock;
  logs: Array<Record<string, unknown>>;
  emailLookups: string[];
}

function setUp(config: Config, emails: Record<string, string | null> = {}): Setup {
  const source = controlledSource();
  const metrics = recordingMetrics();
  const clock = manualClock(1_700_000_000_000);
  const logs: Array<Record<string, unknown>> = [];
  const emailLookups: string[] = [];
  const service = createEventLogService(config, {
    source,
    now: clock.now,
    metrics,
    store: new MemoryStore(clock.now),
    log: createLogger({ level: 'debug', secrets: [], write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) }),
    lookupEmail: async (userId) => {
      emailLookups.push(userId);
      return { email: emails[userId] ?? null, teamId: 'T0001' };
    },
    homeTeamId: () => 'T0001',
  });
  return { service, source, metrics, clock, logs, emailLookups };
}

function ask(id: string, who: Partial<LookupRequest> = {}): LookupRequest {
  return { id, userId: 'U0ALICE', channelId: 'C0INCIDENT', teamId: 'T0001', bypassCache: false, ...who };
}

/** Let pending promise callbacks run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('EventLogService', () => {
  it('asks BlueKing as the service account, then answers from the cache until the TTL passes', async () => {
    const { service, source, metrics, clock } = setUp(configFor({ BK_CACHE_TTL_MS: '15000' }));
    source.answerAll = (id) => logOf(id);

    const notAsked = { kind: 'absent', absence: { kind: 'not_asked' } };
    expect(await service.lookup(ask('5310'))).toEqual({ kind: 'ok', log: logOf('5310'), deliveries: notAsked, alert: notAsked, fromCache: false });
    clock.advance(14_999);
    expect(await service.lookup(ask('5310', { userId: 'U0BOB' }))).toEqual({ kind: 'ok', log: logOf('5310'), deliveries: notAsked, alert: notAsked, fromCache: true });
    expect(source.calls.map((c) => [c.id, c.username])).toEqual([['5310', 'oncall-bot']]);
    expect(metrics.seen).toEqual(['latency:ok:0', 'cache_hit']);

    clock.advance(1);
    expect(await service.lookup(ask('5310'))).toMatchObject({ kind: 'ok', fromCache: false });
    expect(source.calls).toHaveLength(2);
  });

  it('reports upstream latency in seconds by the injected clock', async () => {
    const { service, source, metrics, clock } = setUp(configFor());
    const pending = service.lookup(ask('5310'));
    await settle();
    clock.advance(250);
    source.calls[0].resolve(logOf('5310'));
    await pending;
    expect(metrics.seen).toEqual(['latency:ok:0.25']);
  });

  it('shares one upstream call among concurrent lookups of the same ID', async () => {
    const { service, source, metrics } = setUp(configFor());
    const lookups = Array.from({ length: 5 }, (_, i) => service.lookup(ask('5310', { userId: `U0USER${i}` })));
    await settle();
    expect(source.calls).toHaveLength(1);
    source.calls[0].resolve(logOf('5310'));
    const outcomes = await Promise.all(lookups);
    const shared = outcomes[0].kind === 'ok' ? outcomes[0].log : null;
    expect(shared).toEqual(logOf('5310'));
    expect(outcomes.every((o) => o.kind === 'ok' && o.log === shared && !o.fromCache)).toBe(true);
    expect(metrics.seen.filter((m) => m === 'coalesced')).toHaveLength(4);
  });

  it('lets Refresh skip the cache, but join a call already in flight', async () => {
    const { service, source } = setUp(configFor());
    source.answerAll = (id) => logOf(id, `req-${source.calls.length}`);
    await service.lookup(ask('5310'));
    expect(await service.lookup(ask('5310', { bypassCache: true }))).toMatchObject({ kind: 'ok', fromCache: false, log: { requestId: 'req-2' } });
    expect(source.calls).toHaveLength(2);

    source.answerAll = null;
    const first = service.lookup(ask('4821', { bypassCache: true }));
    const second = service.lookup(ask('4821', { bypassCache: true }));
    await settle();
    expect(source.calls).toHaveLength(3);
    source.calls[2].resolve(logOf('4821'));
    expect((await first).kind).toBe('ok');
    expect((await second).kind).toBe('ok');
  });

  it('keeps BlueKing users apart: the same ID is fetched and cached per username', async () => {
    const { service, source } = setUp(configFor({ BK_IDENTITY: 'map', BK_USER_MAP_FILE: 'users.json' }, { U0ALICE: 'alice_bk', U0BOB: 'bob_bk' }));
    source.answerAll = (id) => logOf(id, `req-${source.calls.length}`);
    await service.lookup(ask('5310', { userId: 'U0ALICE' }));
    const bobs = await service.lookup(ask('5310', { userId: 'U0BOB' }));
    const alicesAgain = await service.lookup(ask('5310', { userId: 'U0ALICE' }));
    expect(source.calls.map((c) => c.username)).toEqual(['alice_bk', 'bob_bk']);
    expect(bobs).toMatchObject({ fromCache: false, log: { requestId: 'req-2' } });
    expect(alicesAgain).toMatchObject({ fromCache: true, log: { requestId: 'req-1' } });
  });

  it('never caches a failure, and every lookup sharing the failed call gets it', async () => {
    const { service, source, metrics } = setUp(configFor());
    const timeout = new LookupError({ kind: 'timeout' });
    const a = service.lookup(ask('5310'));
    const b = service.lookup(ask('5310', { userId: 'U0BOB' }));
    await settle();
    source.calls[0].reject(timeout);
    expect(await a).toEqual({ kind: 'failed', error: timeout });
    expect(await b).toEqual({ kind: 'failed', error: timeout });
    expect(metrics.seen).toContain('latency:timeout:0');

    source.answerAll = (id) => logOf(id);
    expect(await service.lookup(ask('5310'))).toMatchObject({ kind: 'ok', fromCache: false });
    expect(source.calls).toHaveLength(2);
  });

  it('refuses requesters outside the allowlists before doing anything else', async () => {
    const { service, source, emailLookups, metrics } = setUp(configFor({ ALLOWED_CHANNEL_IDS: 'C0SRE', BK_IDENTITY: 'email', BK_EMAIL_DOMAINS: 'corp.example', USER_RATE_LIMIT_PER_MIN: '1' }));
    expect(await service.lookup(ask('5310'))).toEqual({ kind: 'refused', refusal: { kind: 'access', denied: 'channel' } });
    expect(await service.lookup(ask('5310'))).toEqual({ kind: 'refused', refusal: { kind: 'access', denied: 'channel' } });
    expect(source.calls).toHaveLength(0);
    expect(emailLookups).toHaveLength(0);
    expect(metrics.seen).toEqual([]);
  });

  it('asks a user past the per-minute limit to wait, without calling BlueKing', async () => {
    const { service, source, metrics, clock } = setUp(configFor({ USER_RATE_LIMIT_PER_MIN: '2' }));
    source.answerAll = (id) => logOf(id);
    await service.lookup(ask('1'));
    await service.lookup(ask('2'));
    clock.advance(15_000);
    expect(await service.lookup(ask('3'))).toEqual({ kind: 'refused', refusal: { kind: 'user_rate_limited', retryAfterSec: 45 } });
    expect(source.calls.map((c) => c.id)).toEqual(['1', '2']);
    expect(metrics.seen.filter((m) => m.startsWith('rate_limited'))).toEqual(['rate_limited:user']);
  });

  it('does not count answers from the cache against the per-user limit (paging a cached log is free)', async () => {
    const { service, source } = setUp(configFor({ USER_RATE_LIMIT_PER_MIN: '1' }));
    source.answerAll = (id) => logOf(id);
    await service.lookup(ask('5310'));
    for (let page = 0; page < 5; page++) expect(await service.lookup(ask('5310'))).toMatchObject({ kind: 'ok', fromCache: true });
    expect(await service.lookup(ask('4821'))).toMatchObject({ kind: 'refused', refusal: { kind: 'user_rate_limited' } });
    expect(source.calls.map((c) => c.id)).toEqual(['5310']);
  });

  it('refuses an unmapped user in map mode, never asking as the service account', async () => {
    const { service, source } = setUp(configFor({ BK_IDENTITY: 'map', BK_USER_MAP_FILE: 'users.json' }, { U0ALICE: 'alice_bk' }));
    expect(await service.lookup(ask('5310', { userId: 'U0BOB' }))).toEqual({ kind: 'refused', refusal: { kind: 'identity', why: 'unmapped' } });
    expect(source.calls).toHaveLength(0);
  });

  it('asks as the email local part in email mode, and refuses a user without a usable email', async () => {
    const { service, source } = setUp(configFor({ BK_IDENTITY: 'email', BK_EMAIL_DOMAINS: 'corp.example' }), { U0ALICE: 'alice@corp.example', U0BOB: null });
    source.answerAll = (id) => logOf(id);
    await service.lookup(ask('5310'));
    expect(await service.lookup(ask('5310', { userId: 'U0BOB' }))).toEqual({ kind: 'refused', refusal: { kind: 'identity', why: 'no_email' } });
    expect(source.calls.map((c) => c.username)).toEqual(['alice']);
  });

  it('keeps at most BK_MAX_IN_FLIGHT calls at BlueKing, starting the next as one finishes', async () => {
    const { service, source } = setUp(configFor({ BK_MAX_IN_FLIGHT: '2' }));
    const lookups = ['1', '2', '3', '4', '5'].map((id, i) => service.lookup(ask(id, { userId: `U0USER${i}` })));
    await settle();
    expect(source.calls.map((c) => c.id)).toEqual(['1', '2']);
    expect(service.inFlight).toBe(2);
    source.calls[0].resolve(logOf('1'));
    await settle();
    expect(source.calls.map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(service.inFlight).toBe(2);
    for (let i = 1; i < 5; i++) {
      source.calls[i].resolve(logOf(source.calls[i].id));
      await settle();
    }
    expect((await Promise.all(lookups)).map((o) => o.kind)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(service.inFlight).toBe(0);
  });

  describe('with fake timers', () => {
    afterEach(() => {
      jest.useRealTimers();
    });

    it('answers "busy" when no upstream slot comes free within BK_TIMEOUT_MS', async () => {
      jest.useFakeTimers();
      const { service, source, metrics } = setUp(configFor({ BK_MAX_IN_FLIGHT: '1', BK_TIMEOUT_MS: '2000' }));
      const holding = service.lookup(ask('1'));
      const waiting = service.lookup(ask('2', { userId: 'U0BOB' }));
      await jest.advanceTimersByTimeAsync(2000);
      expect(await waiting).toEqual({ kind: 'refused', refusal: { kind: 'busy' } });
      expect(metrics.seen).toContain('rate_limited:busy');
      source.calls[0].resolve(logOf('1'));
      expect((await holding).kind).toBe('ok');
      expect(source.calls.map((c) => c.id)).toEqual(['1']);
    });
  });

  it("honours BlueKing's Retry-After: no call until it passes, cached answers still served", async () => {
    const { service, source, metrics, clock, logs } = setUp(configFor());
    const limited = new LookupError({ kind: 'rate_limited', code: '1642902', upstreamMessage: 'API rate limit exceeded', requestId: 'r-429', retryAfterSec: 30 });
    source.answerAll = (id) => (id === '4821' ? limited : logOf(id));
    await service.lookup(ask('5310'));
    expect(await service.lookup(ask('4821'))).toEqual({ kind: 'failed', error: limited });
    expect(logs.filter((l) => l.msg === 'upstream.cooldown')).toEqual([
      expect.objectContaining({ level: 'warn', code: '1642902', request_id: 'r-429', retry_after_s: 30 }),
    ]);

    clock.advance(10_000);
    const heldBack = await service.lookup(ask('1', { userId: 'U0BOB' }));
    expect(heldBack).toMatchObject({
      kind: 'failed',
      error: { kind: 'rate_limited', code: '1642902', upstreamMessage: 'API rate limit exceeded', requestId: null, retryAfterSec: 20 },
    });
    expect(await service.lookup(ask('5310', { userId: 'U0BOB' }))).toMatchObject({ kind: 'ok', fromCache: true });
    expect(source.calls.map((c) => c.id)).toEqual(['5310', '4821']);
    expect(metrics.seen.filter((m) => m === 'rate_limited:upstream')).toHaveLength(2);

    clock.advance(20_000);
    expect(await service.lookup(ask('1', { userId: 'U0CAROL' }))).toMatchObject({ kind: 'ok' });
    expect(source.calls.map((c) => c.id)).toEqual(['5310', '4821', '1']);
  });

  it('pauses calls for the default wait after a rate limit that named none', async () => {
    const { service, source } = setUp(configFor());
    source.answerAll = (id) => (id === '4821' ? new LookupError({ kind: 'rate_limited', code: '1306429' }) : logOf(id));
    await service.lookup(ask('4821'));
    expect(await service.lookup(ask('1'))).toMatchObject({ kind: 'failed', error: { kind: 'rate_limited', retryAfterSec: DEFAULT_RATE_LIMIT_RETRY_SEC } });
    expect(source.calls).toHaveLength(1);
  });

  it('answers a bug in the source as an internal error and logs it, instead of throwing', async () => {
    const { service, source, logs } = setUp(configFor());
    source.answerAll = () => new TypeError('cannot read properties of undefined');
    const outcome: LookupOutcome = await service.lookup(ask('5310'));
    expect(outcome).toMatchObject({ kind: 'failed', error: { kind: 'internal' } });
    expect(logs.filter((l) => l.msg === 'lookup.unexpected')).toEqual([
      expect.objectContaining({ level: 'error', event_id: '5310', error: 'cannot read properties of undefined' }),
    ]);
  });
  it('asks search_action and search_alert beside a new-generation log: one coalesced call each, one cache entry, the alert in the answer', async () => {
    const config = configFor({ BK_CACHE_TTL_MS: '15000' });
    const ALERT_ID = '164239028644167';
    const sideCalls: string[] = [];
    const alert = { kind: 'absent', absence: { kind: 'not_found' } } as const;
    const source: EventLogSource = {
      fetchEventLog: async (id) => ({ id, entries: [], generation: 'new', requestId: 'req-new' }),
      fetchActions: async (id) => {
        sideCalls.push(`actions ${id}`);
        return { actions: [], total: 0, unreadable: 0, requestId: null };
      },
      fetchAlert: async (id) => {
        sideCalls.push(`alert ${id}`);
        return null;
      },
    };
    const service = createEventLogService(config, { source, now: () => 1_700_000_000_000, metrics: noopMetrics, log: createLogger({ level: 'error', secrets: [], write: () => undefined }), lookupEmail: async () => null, store: new MemoryStore(() => 0) });
    const [a, b] = await Promise.all([service.lookup(ask(ALERT_ID)), service.lookup(ask(ALERT_ID, { userId: 'U0BOB' }))]);
    expect(a).toMatchObject({ kind: 'ok', alert, fromCache: false });
    expect(b).toEqual(a);
    expect(await service.lookup(ask(ALERT_ID))).toMatchObject({ kind: 'ok', alert, fromCache: true });
    expect(sideCalls).toEqual([`actions ${ALERT_ID}`, `alert ${ALERT_ID}`]);
  });

  it('asks no search_alert with BK_ALERT_CONTEXT=off, and says so', async () => {
    let alertCalls = 0;
    const source: EventLogSource = {
      fetchEventLog: async (id) => ({ id, entries: [], generation: 'new', requestId: null }),
      fetchAlert: async () => {
        alertCalls += 1;
        return null;
      },
    };
    const service = createEventLogService(configFor({ BK_ALERT_CONTEXT: 'off' }), { source, now: () => 0, metrics: noopMetrics, log: createLogger({ level: 'error', secrets: [], write: () => undefined }), lookupEmail: async () => null, store: new MemoryStore(() => 0) });
    expect(await service.lookup(ask('164239028644167'))).toMatchObject({ kind: 'ok', alert: { kind: 'absent', absence: { kind: 'off' } } });
    expect(alertCalls).toBe(0);
  });
});
