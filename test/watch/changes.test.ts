import { materialChanges } from '../../src/watch/changes';
import { dueToEnd, nextPollDelayMs, RECOVERED_QUIET_MS } from '../../src/watch/schedule';
import { snapshotOf, snapshotsDiffer, type WatchSnapshot } from '../../src/watch/snapshot';
import { summarize } from '../../src/eventlog/summary/summarize';
import { incidentAt, OPEN_SNAPSHOT } from './watch-fixtures';

describe('change detection', () => {
  it('reads the summary, not the request: the same log fetched twice (new request ID) is no change', () => {
    const a = incidentAt('acknowledged');
    const b = { ...incidentAt('acknowledged'), requestId: 'another-request-id' };
    expect(snapshotsDiffer(snapshotOf(summarize(a, 1)), snapshotOf(summarize(b, 999_999_999)))).toBe(false);
  });

  it('a record that needs nobody (another converge round, a notice that went out) updates the message but is not material', () => {
    const after = { ...OPEN_SNAPSHOT, records: 3, notices: 2 };
    expect(snapshotsDiffer(OPEN_SNAPSHOT, after)).toBe(true);
    expect(materialChanges(OPEN_SNAPSHOT, after)).toEqual([]);
  });

  it('names each material change once, in the order a line tells them', () => {
    const after: WatchSnapshot = {
      ...OPEN_SNAPSHOT,
      records: 9,
      failedNotices: 2,
      lastFailureReason: '通知人为空',
      lastFailureNoReceivers: true,
      severityRaises: 1,
      acked: true,
      ackBy: 'lisi',
      ackNote: 'on it',
      recovered: true,
      closed: true,
      closedBySystem: true,
      state: 'closed',
    };
    expect(materialChanges(OPEN_SNAPSHOT, after)).toEqual([
      { kind: 'notices_failed', added: 2, reason: '通知人为空', noReceivers: true },
      { kind: 'severity_raised', times: 1 },
      { kind: 'acknowledged', by: 'lisi', note: 'on it' },
      { kind: 'recovered' },
      { kind: 'closed', bySystem: true },
    ]);
    expect(materialChanges(after, after)).toEqual([]);
  });

  it('hands on a failed delivery in parts for the thread line to word, and an older snapshot\'s text as it was', () => {
    const known: WatchSnapshot = { ...OPEN_SNAPSHOT, deliveriesKnown: true, failedDeliveries: 0, succeededDeliveries: 1, runningDeliveries: 0, lastDeliveryFailure: null };
    const failure = { kind: 'delivery' as const, way: 'voice', wayLabel: '语音', receivers: ['lisi'], reason: '号码格式不正确' };
    expect(materialChanges(known, { ...known, failedDeliveries: 1, lastDeliveryFailure: JSON.stringify(failure) })).toEqual([
      { kind: 'notices_failed', added: 1, reason: '号码格式不正确', noReceivers: false, failure },
    ]);
    expect(materialChanges(known, { ...known, failedDeliveries: 1, lastDeliveryFailure: '语音 → lisi: 号码格式不正确' })).toEqual([
      { kind: 'notices_failed', added: 1, reason: '语音 → lisi: 号码格式不正确', noReceivers: false },
    ]);
  });
});

describe('poll schedule', () => {
  it('waits one interval, ±10 % jitter, doubling per failure up to 10 minutes', () => {
    expect(nextPollDelayMs(60_000, 0, 0.5)).toBe(60_000);
    expect(nextPollDelayMs(60_000, 0, 0)).toBe(54_000);
    expect(nextPollDelayMs(60_000, 0, 0.999)).toBeLessThan(66_000);
    expect([1, 2, 3, 4, 5].map((n) => nextPollDelayMs(60_000, n, 0.5))).toEqual([120_000, 240_000, 480_000, 600_000, 600_000]);
    expect(nextPollDelayMs(1_000, 50, 0.5)).toBe(600_000);
  });

  it('ends a watch that is too old, or recovered and quiet for 30 minutes', () => {
    const watch = { startedAtMs: 0, updatedAtMs: 0, snapshot: { recovered: false } };
    expect(dueToEnd(watch, 3_599_999, 3_600_000)).toBeNull();
    expect(dueToEnd(watch, 3_600_000, 3_600_000)).toBe('max_age');
    const recovered = { ...watch, updatedAtMs: 1_000, snapshot: { recovered: true } };
    expect(dueToEnd(recovered, 1_000 + RECOVERED_QUIET_MS - 1, 86_400_000)).toBeNull();
    expect(dueToEnd(recovered, 1_000 + RECOVERED_QUIET_MS, 86_400_000)).toBe('recovered_quiet');
  });
});
