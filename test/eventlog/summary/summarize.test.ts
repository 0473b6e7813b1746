import type { LogEntry } from '../../../src/eventlog/model/record';
import { summarize } from '../../../src/eventlog/summary/summarize';
import { makeLog, newGenerationLog, notice, rec, shanghai, sketchLog, unreadable } from './summarize-fixtures';

const NOW = shanghai('2020-01-01', '12:00:00');
const MINUTE = 60_000;

/** Upstream positions of the timeline, to assert order compactly. */
const order = (timeline: readonly LogEntry[]): number[] => timeline.map((entry) => entry.index);
const at = (time: string): { timeMs: number; rawTime: string } => ({ timeMs: shanghai('2020-01-01', time), rawTime: `2020-01-01 ${time}` });

describe('summarize: timeline order', () => {
  it('keeps an oldest-first old-generation log as it is', () => {
    expect(order(summarize(sketchLog(), NOW).timeline)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('reverses a newest-first new-generation log into chronological order', () => {
    expect(order(summarize(newGenerationLog(), NOW).timeline)).toEqual([5, 4, 3, 2, 1, 0]);
  });

  it('keeps records with the same time in their true order when the upstream was newest first', () => {
    const log = makeLog(
      '1',
      [
        rec({ operate: 'CLOSE', ...at('11:31:00') }),
        rec({ operate: 'RECOVERY_NOTICE', ...at('11:31:00') }),
        rec({ operate: 'RECOVER', ...at('11:31:00') }),
        rec({ operate: 'CREATE', ...at('10:38:00') }),
      ],
      'new',
    );
    expect(summarize(log, NOW).timeline.map((e) => (e.kind === 'record' ? e.operate : '?'))).toEqual([
      'CREATE',
      'RECOVER',
      'RECOVERY_NOTICE',
      'CLOSE',
    ]);
  });

  it('sorts an out-of-order old-generation log by time, ties in upstream order', () => {
    const log = makeLog('1', [
      rec({ operate: 'CREATE', ...at('10:00:00') }),
      rec({ operate: 'RECOVER', ...at('10:30:00') }),
      rec({ operate: 'ANOMALY_NOTICE', ...at('10:05:00') }),
      rec({ operate: 'CLOSE', ...at('10:30:00') }),
    ]);
    expect(order(summarize(log, NOW).timeline)).toEqual([0, 2, 1, 3]);
  });

  it('detects a newest-first log of unknown generation from its times', () => {
    const log = makeLog('1', [rec({ operate: 'CLOSE', ...at('10:30:00') }), rec({ operate: 'ACK', ...at('10:10:00') }), rec({ operate: 'CREATE', ...at('10:00:00') })], 'unknown');
    expect(order(summarize(log, NOW).timeline)).toEqual([2, 1, 0]);
  });

  it('keeps unreadable records and records without a readable time next to the neighbour upstream put them after', () => {
    const log = makeLog('1', [
      unreadable('at the very start'),
      rec({ operate: 'RECOVER', ...at('10:30:00') }),
      unreadable('operate: expected a string'),
      rec({ operate: 'CREATE', ...at('10:00:00') }),
      rec({ operate: 'ACK', timeMs: null, rawTime: 'yesterday-ish' }),
      rec({ operate: 'CLOSE', ...at('10:40:00') }),
      rec({ operate: 'CLOSE_NOTICE', ...at('10:45:00') }),
    ]);
    // CREATE moves first; the untimed ACK stays after CREATE; the unreadable one stays after RECOVER.
    expect(order(summarize(log, NOW).timeline)).toEqual([0, 3, 4, 1, 2, 5, 6]);
  });

  it('keeps every entry, readable or not', () => {
    const log = makeLog('1', [unreadable('a'), rec({ operate: 'CREATE', ...at('10:00:00') }), unreadable('b')]);
    const summary = summarize(log, NOW);
    expect(summary.recordCount).toBe(3);
    expect(summary.unreadableCount).toBe(2);
    expect(summary.timeline).toHaveLength(3);
  });
});

describe('summarize: lifecycle', () => {
  it('reads the sketch event: acked by lisi after 27 min, recovered and closed after 53 min', () => {
    const { lifecycle } = summarize(sketchLog(), NOW);
    expect(lifecycle).toEqual({
      state: 'closed',
      startedAtMs: shanghai('2020-01-01', '10:38:00'),
      ack: { atMs: shanghai('2020-01-01', '11:05:00'), by: 'lisi', note: 'rolling back release 2.3' },
      recoveredAtMs: shanghai('2020-01-01', '11:31:00'),
      closedBySystem: false,
      timeToAckMs: 27 * MINUTE,
      timeToRecoverMs: 53 * MINUTE,
      timeToCloseMs: 53 * MINUTE,
      durationMs: 53 * MINUTE,
      delayedRecoveries: 0,
      abortedRecoveries: 0,
      severityRaises: 0,
    });
  });

  it('reads a new-generation alert: ack operator and note from the message, closed by the system', () => {
    const { lifecycle } = summarize(newGenerationLog(), NOW);
    expect(lifecycle.state).toBe('closed');
    expect(lifecycle.closedBySystem).toBe(true);
    expect(lifecycle.ack).toEqual({ atMs: shanghai('2022-01-17', '11:02:00'), by: 'admin', note: '扩容中' });
    expect(lifecycle.timeToAckMs).toBe(17 * MINUTE + 32_000);
    expect(lifecycle.timeToCloseMs).toBe(2 * 60 * MINUTE + 55 * MINUTE + 32_000);
    expect(lifecycle.severityRaises).toBe(1);
  });

  it('measures an open event up to the injected clock', () => {
    const log = makeLog('1', [rec({ operate: 'CREATE', ...at('10:00:00') }), rec({ operate: 'ANOMALY_NOTICE', ...at('10:01:00') })]);
    const { lifecycle } = summarize(log, NOW);
    expect(lifecycle.state).toBe('open');
    expect(lifecycle.durationMs).toBe(2 * 60 * MINUTE);
    expect(lifecycle.ack).toBeNull();
  });

  it('says acknowledged after an ACK and recovering after RECOVERING, and falls back when the recovery is aborted', () => {
    const base = [rec({ operate: 'CREATE', ...at('10:00:00') }), rec({ operate: 'ACK', status: '', ...at('10:05:00') })];
    expect(summarize(makeLog('1', base), NOW).lifecycle.state).toBe('acknowledged');
    const recovering = [...base, rec({ operate: 'RECOVERING', ...at('10:10:00') })];
    const summary = summarize(makeLog('1', recovering), NOW).lifecycle;
    expect(summary.state).toBe('recovering');
    const aborted = summarize(makeLog('1', [...recovering, rec({ operate: 'ABORT_RECOVER', ...at('10:12:00') })]), NOW).lifecycle;
    expect(aborted.state).toBe('acknowledged');
    expect(aborted.abortedRecoveries).toBe(1);
  });

  it('counts delayed recoveries and treats SYSTEM_RECOVER as recovered', () => {
    const log = makeLog('1', [
      rec({ operate: 'CREATE', ...at('10:00:00') }),
      rec({ operate: 'DELAY_RECOVER', ...at('10:20:00') }),
      rec({ operate: 'SYSTEM_RECOVER', ...at('10:40:00') }),
    ]);
    const { lifecycle } = summarize(log, NOW);
    expect(lifecycle.state).toBe('recovered');
    expect(lifecycle.delayedRecoveries).toBe(1);
    expect(lifecycle.timeToRecoverMs).toBe(40 * MINUTE);
    expect(lifecycle.durationMs).toBe(40 * MINUTE);
  });

  it('keeps a closed event closed whatever comes after', () => {
    const log = makeLog('1', [
      rec({ operate: 'CREATE', ...at('10:00:00') }),
      rec({ operate: 'CLOSE', ...at('10:10:00') }),
      rec({ operate: 'RECOVER', ...at('10:20:00') }),
      rec({ operate: 'RECOVERING', ...at('10:30:00') }),
    ]);
    expect(summarize(log, NOW).lifecycle.state).toBe('closed');
  });

  it('starts the clock at the earliest record when there is no CREATE', () => {
    const log = makeLog('1', [rec({ operate: 'ANOMALY_NOTICE', ...at('10:10:00') }), rec({ operate: 'CLOSE', ...at('10:40:00') })]);
    const { lifecycle } = summarize(log, NOW);
    expect(lifecycle.startedAtMs).toBe(shanghai('2020-01-01', '10:10:00'));
    expect(lifecycle.timeToCloseMs).toBe(30 * MINUTE);
  });

  it('gives no duration rather than a negative one when times run backwards', () => {
    const log = makeLog('1', [rec({ operate: 'CREATE', ...at('10:10:00') }), rec({ operate: 'ACK', timeMs: null, rawTime: 'garbage' })]);
    const { lifecycle } = summarize(log, NOW);
    expect(lifecycle.ack?.atMs).toBeNull();
    expect(lifecycle.timeToAckMs).toBeNull();
  });
});

describe('summarize: notices', () => {
  it('counts each outcome and lists the problems and the shielded in order', () => {
    const { notices } = summarize(sketchLog(), NOW);
    expect(notices.counts).toEqual({ total: 4, succeeded: 1, triggered: 0, failed: 1, partial: 1, shielded: 1, skipped: 0, running: 0, unknown: 0 });
    expect(notices.problems.map((item) => item.outcome)).toEqual(['failed', 'partial']);
    expect(notices.shielded.map((item) => item.outcome)).toEqual(['shielded']);
  });

  it('keeps the reason, the empty-receiver flag and who was to be told for a failed notice', () => {
    const [failed, partial] = summarize(sketchLog(), NOW).notices.problems;
    expect(failed).toMatchObject({
      outcome: 'failed',
      reason: '通知人为空',
      emptyReceiver: true,
      groups: [{ name: 'SRE 值班组', receivers: ['lisi', 'zhangsan'], ways: ['weixin', 'mail'] }],
    });
    expect(partial).toMatchObject({ outcome: 'partial', reason: 'mail 发送失败', emptyReceiver: false });
  });

  it('keeps the shield detail of a shielded notice and lists running ones as in flight', () => {
    const log = makeLog('1', [
      rec({ operate: 'ANOMALY_NOTICE', status: 'SHIELDED', notice: notice({ shield: { type: 'biz', detail: '发布窗口' } }), ...at('10:00:00') }),
      rec({ operate: 'CLOSE_NOTICE', status: 'RUNNING', ...at('10:01:00') }),
      rec({ operate: 'ACTION', status: 'WEIRD', ...at('10:02:00') }),
    ]);
    const { notices } = summarize(log, NOW);
    expect(notices.shielded.map((item) => item.shield)).toEqual([{ type: 'biz', detail: '发布窗口' }]);
    expect(notices.running.map((item) => item.record.operate)).toEqual(['CLOSE_NOTICE']);
    expect(notices.counts).toEqual({ total: 3, succeeded: 0, triggered: 0, failed: 0, partial: 0, shielded: 1, skipped: 0, running: 1, unknown: 1 });
  });

  it('does not mistake an inherited property name for a status', () => {
    const log = makeLog('1', [rec({ operate: 'ACTION', status: 'constructor', ...at('10:00:00') })]);
    expect(summarize(log, NOW).notices.counts).toMatchObject({ total: 1, unknown: 1 });
  });

  it('counts a new-generation "已触发告警通知" as a notice triggered, not as one sent', () => {
    expect(summarize(newGenerationLog(), NOW).notices.counts).toEqual({
      total: 1,
      succeeded: 0,
      triggered: 1,
      skipped: 0,
      failed: 0,
      partial: 0,
      shielded: 0,
      running: 0,
      unknown: 0,
    });
  });
});

describe('summarize: convergence and counts', () => {
  it('sums anomalies and widens the data and processing windows over every CONVERGE record', () => {
    const window = (from: string, to: string) => ({ minMs: shanghai('2020-01-01', from), maxMs: shanghai('2020-01-01', to) });
    const log = makeLog('1', [
      rec({ operate: 'CONVERGE', converge: { anomalyCount: 50, dataWindow: window('10:38:00', '11:00:00'), processWindow: window('10:40:00', '11:01:00') }, ...at('11:01:00') }),
      rec({ operate: 'CONVERGE', converge: { anomalyCount: 2, dataWindow: window('11:05:00', '11:27:00'), processWindow: window('11:06:00', '11:29:00') }, ...at('11:29:00') }),
      rec({ operate: 'CONVERGE', converge: { anomalyCount: null, dataWindow: window('11:00:00', '10:00:00'), processWindow: null }, ...at('11:30:00') }),
      rec({ operate: 'CONVERGE', ...at('11:31:00') }),
    ]);
    expect(summarize(log, NOW).convergence).toEqual({
      rounds: 4,
      anomalyTotal: 52,
      dataWindow: window('10:38:00', '11:27:00'),
      processWindow: window('10:40:00', '11:29:00'),
    });
  });

  it('reports no anomaly total when no CONVERGE record carried one (new generation)', () => {
    expect(summarize(newGenerationLog(), NOW).convergence).toEqual({ rounds: 1, anomalyTotal: null, dataWindow: null, processWindow: null });
  });

  it('keeps the upstream event_id and request_id', () => {
    const summary = summarize(sketchLog(), NOW);
    expect(summary.eventId).toBe('d751713988987e9331980363e24189ce.1577846280.88.118.1');
    expect(summary.requestId).toBe('4b1e2a90c3d44f5e8a7b6c5d4e3f2a1b');
  });

  it('summarizes an empty log without inventing anything', () => {
    const summary = summarize(makeLog('42', []), NOW);
    expect(summary).toMatchObject({ id: '42', recordCount: 0, unreadableCount: 0, eventId: null });
    expect(summary.lifecycle).toMatchObject({ state: 'open', startedAtMs: null, durationMs: null });
    expect(summary.notices.counts.total).toBe(0);
  });
});
