import { loadConfig } from '../../../src/config';
import type { AlertContext } from '../../../src/eventlog/model/alert-context';
import { LookupError } from '../../../src/eventlog/model/lookup-error';
import type { TriageSource } from '../../../src/eventlog/model/triage-source';
import { MemoryStore } from '../../../src/store/memory-store';
import { createTriageService } from '../../../src/eventlog/triage/triage-service';
import type { TriageRequest } from '../../../src/eventlog/triage/triage-types';
import { parseSearchAlertResponse } from '../../../src/bk/search-alert';
import { alertDocument, ALERT_ID, searchAlertAnswer } from '../../fixtures/bk/search-alert';
import { manualClock } from '../../helpers/manual-clock';
import { silentLogger } from '../../helpers/silent';

/** The triage service with plain values: a BlueKing stand-in that counts its calls. */

const BK = { BK_API_BASE_URL: 'https://paas.example.com', BK_APP_CODE: 'bot', BK_APP_SECRET: 'secret-value-123' };

function alertOf(overrides: Record<string, unknown> = {}): AlertContext {
  return parseSearchAlertResponse({ httpStatus: 200, headers: { get: () => null }, body: searchAlertAnswer([alertDocument(overrides)]) }, ALERT_ID)!;
}

function source(alert: AlertContext, businesses: Record<string, number[]> = {}): TriageSource & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetchAlert: async (_id, who) => {
      calls.push(`search_alert:${who.username}`);
      return alert;
    },
    ackAlert: async (_ask, who) => {
      calls.push(`ack_event:${who.username}`);
      alert = { ...alert, isAck: true, ackOperator: who.username ?? '' };
    },
    addShield: async () => {
      throw new LookupError({ kind: 'user_permission', upstreamMessage: '当前用户无权限新增2业务屏蔽配置' });
    },
    disableShield: async () => undefined,
    businessesWithView: async (user) => {
      calls.push(`business_list_by_actions:${user}`);
      return businesses[user] ?? [];
    },
  };
}

function service(env: Record<string, string>, writes: TriageSource | undefined) {
  const config = loadConfig({ ...BK, BK_IDENTITY: 'map', BK_USER_MAP_FILE: 'users.json', ...env }, () => JSON.stringify({ U0ALICE: 'lisi', U0BOB: 'bob' }));
  const clock = manualClock();
  const counted: string[] = [];
  const triage = createTriageService(config, {
    source: writes,
    store: new MemoryStore(clock.now),
    log: silentLogger,
    metrics: { triage: (act, result) => counted.push(`${act}:${result}`) },
    lookupEmail: async () => null,
    now: clock.now,
  });
  return { triage, clock, counted };
}

const ack = (userId: string, extra: Partial<TriageRequest> = {}): TriageRequest => ({
  ask: { act: 'ack', alertId: ALERT_ID, note: '' },
  userId,
  teamId: 'T0001',
  channelId: 'C0INCIDENT',
  onceKey: null,
  ...extra,
});

describe('createTriageService', () => {
  it('is off with the service account: refuses before asking BlueKing anything', async () => {
    const bk = source(alertOf());
    const { triage } = service({ BK_IDENTITY: 'service', BK_USERNAME: 'oncall-bot' }, bk);
    expect(triage.enabled).toBe(false);
    expect(await triage.act(ack('U0ALICE'))).toEqual({ kind: 'refused', act: 'ack', refusal: { kind: 'service_identity' } });
    expect(bk.calls).toEqual([]);
  });

  it('applies the allowlists, then ACTIONS_ALLOWED_USER_IDS, before the identity or BlueKing', async () => {
    const bk = source(alertOf());
    const { triage } = service({ ALLOWED_CHANNEL_IDS: 'C0SRE' }, bk);
    expect(await triage.act(ack('U0ALICE'))).toMatchObject({ kind: 'refused', refusal: { kind: 'access', denied: 'channel' } });
    const narrowed = service({ ACTIONS_ALLOWED_USER_IDS: 'U0BOB' }, bk).triage;
    expect(await narrowed.act(ack('U0ALICE'))).toMatchObject({ kind: 'refused', refusal: { kind: 'actions_user' } });
    expect(await narrowed.act(ack('U0NOBODY'))).toMatchObject({ kind: 'refused', refusal: { kind: 'actions_user' } });
    expect(bk.calls).toEqual([]);
  });

  it('refuses an unmapped user, and a source without write calls', async () => {
    expect(await service({}, source(alertOf())).triage.act(ack('U0NOBODY'))).toMatchObject({ kind: 'refused', refusal: { kind: 'identity', why: 'unmapped' } });
    const off = service({}, undefined).triage;
    expect(off.enabled).toBe(false);
    expect(await off.act(ack('U0ALICE'))).toMatchObject({ kind: 'refused', refusal: { kind: 'unavailable' } });
  });

  it('asks IAM once per user within the cache time, and again after it', async () => {
    const bk = source(alertOf({ is_ack: true, ack_operator: 'lisi' }), { bob: [2] });
    const { triage, clock } = service({}, bk);
    await triage.act(ack('U0BOB'));
    await triage.act(ack('U0BOB'));
    expect(bk.calls.filter((c) => c.startsWith('business_list'))).toEqual(['business_list_by_actions:bob']);
    clock.advance(5 * 60_000);
    await triage.act(ack('U0BOB'));
    expect(bk.calls.filter((c) => c.startsWith('business_list'))).toHaveLength(2);
  });

  it('an owner needs no IAM question; a write BlueKing refuses is a failed write, counted', async () => {
    const bk = source(alertOf(), {});
    const { triage, counted } = service({}, bk);
    const outcome = await triage.act({ ...ack('U0ALICE'), ask: { act: 'shield', alertId: ALERT_ID, minutes: 180, reason: 'change', otherText: '' } });
    expect(outcome).toMatchObject({ kind: 'failed', act: 'shield', stage: 'write', bizId: 2, error: { kind: 'user_permission' } });
    expect(bk.calls).toEqual(['search_alert:lisi']);
    expect(counted).toEqual(['shield:failed']);
  });

  it('one submission writes once, however often it arrives', async () => {
    const bk = source(alertOf());
    const { triage } = service({}, bk);
    expect(await triage.act(ack('U0ALICE', { onceKey: 'view/V1' }))).toMatchObject({ kind: 'done', basis: 'assignee' });
    expect(await triage.act(ack('U0ALICE', { onceKey: 'view/V1' }))).toEqual({ kind: 'repeat', act: 'ack' });
    expect(bk.calls.filter((c) => c.startsWith('ack_event'))).toEqual(['ack_event:lisi']);
  });
});
