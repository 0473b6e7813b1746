import { filterTimeline, isTimelineFilter, keepsEntry } from '../../../src/eventlog/summary/timeline-filter';
import { notice, rec, unreadable } from './summarize-fixtures';

describe('timeline filters', () => {
  const created = rec({ operate: 'CREATE' });
  const sent = rec({ operate: 'ANOMALY_NOTICE', notice: notice() });
  const failed = rec({ operate: 'ANOMALY_NOTICE', status: 'FAILED', notice: notice({ emptyReceiver: true }) });
  const partly = rec({ operate: 'RECOVERY_NOTICE', status: 'PARTIAL_SUCCESS' });
  const failedAction = rec({ operate: 'ACTION', message: '发送微信告警通知给 lisi 失败' });
  const throttled = rec({ operate: 'ALERT_QOS' });
  const acked = rec({ operate: 'ACK', status: '' });
  const raised = rec({ operate: 'SEVERITY_UP' });
  const recovered = rec({ operate: 'SYSTEM_RECOVER' });
  const closed = rec({ operate: 'CLOSE' });
  const converged = rec({ operate: 'CONVERGE' });
  const broken = unreadable('operate: expected a string');
  const timeline = [created, converged, sent, failed, partly, failedAction, throttled, acked, raised, recovered, closed, broken];

  it('“all” keeps everything, unreadable records included, in order', () => {
    expect(filterTimeline(timeline, 'all')).toEqual(timeline);
  });

  it('“notices” keeps notifications of both generations and throttled ones', () => {
    expect(filterTimeline(timeline, 'notices')).toEqual([sent, failed, partly, failedAction, throttled]);
  });

  it('“failures” keeps failed and partly failed notices, new-generation ACTION records read from their text', () => {
    expect(filterTimeline(timeline, 'failures')).toEqual([failed, partly, failedAction]);
  });

  it('“state” keeps created, acknowledged, severity, recovered and closed', () => {
    expect(filterTimeline(timeline, 'state')).toEqual([created, acked, raised, recovered, closed]);
  });

  it('never keeps an unreadable record under a narrower filter: nothing proves what it was', () => {
    expect(['notices', 'failures', 'state'].map((f) => isTimelineFilter(f) && keepsEntry(f, broken))).toEqual([false, false, false]);
  });

  it('knows its own filter names only', () => {
    expect(['all', 'notices', 'failures', 'state'].every(isTimelineFilter)).toBe(true);
    expect([undefined, 'ALL', 'failed', 3].some(isTimelineFilter)).toBe(false);
  });
});
