import { gloss } from '../../src/render/gloss';
import { compressTimeline } from '../../src/render/timeline-runs';
import { makeLog, notice, rec, shanghai } from '../eventlog/summary/summarize-fixtures';

/** A storm said once: like notices and convergence rounds fold into their first record; the key moments stay. */

const at = (time: string) => ({ timeMs: shanghai('2020-01-01', time), rawTime: '' });

describe('compressTimeline', () => {
  const log = makeLog('5310', [
    rec({ operate: 'CREATE', ...at('10:00:00') }),
    rec({ operate: 'ANOMALY_NOTICE', status: 'FAILED', message: '通知人为空', notice: notice({ emptyReceiver: true }), ...at('10:01:00') }),
    rec({ operate: 'CONVERGE', converge: { anomalyCount: 3, dataWindow: null, processWindow: null }, ...at('10:02:00') }),
    rec({ operate: 'ANOMALY_NOTICE', status: 'FAILED', message: '通知人为空', notice: notice({ emptyReceiver: true }), ...at('10:03:00') }),
    rec({ operate: 'ACK', status: '', message: 'lisi', ...at('10:04:00') }),
    rec({ operate: 'ANOMALY_NOTICE', status: 'PARTIAL_SUCCESS', message: 'mail 发送失败', notice: notice(), ...at('10:05:00') }),
    rec({ operate: 'CONVERGE', converge: { anomalyCount: 4, dataWindow: null, processWindow: null }, ...at('10:06:00') }),
    rec({ operate: 'ANOMALY_NOTICE', status: 'FAILED', message: '通知人为空', notice: notice({ emptyReceiver: true }), ...at('10:07:00') }),
    rec({ operate: 'CLOSE', ...at('10:08:00') }),
  ]);

  it('keeps one row per run, at its first record, with its count, its last record and the anomalies it folded', () => {
    const { timeline, runs } = compressTimeline(log.entries);
    expect(timeline.map((e) => (e.kind === 'record' ? `${e.operate} ${e.status}` : e.kind))).toEqual([
      'CREATE SUCCESS',
      'ANOMALY_NOTICE FAILED',
      'CONVERGE SUCCESS',
      'ACK ',
      'ANOMALY_NOTICE PARTIAL_SUCCESS',
      'CLOSE SUCCESS',
    ]);
    const [, failed, converged] = timeline;
    expect(failed && runs.get(failed)).toMatchObject({ count: 3, last: { timeMs: shanghai('2020-01-01', '10:07:00') } });
    expect(converged && runs.get(converged)).toMatchObject({ count: 2, anomalies: 7 });
    expect(runs.size).toBe(2);
  });

  it('folds notices only when their per-receiver results read the same', () => {
    const { runs } = compressTimeline(log.entries, (a, b) => a.timeMs === b.timeMs);
    expect([...runs.values()].some((run) => run.count > 1 && run.last.operate === 'ANOMALY_NOTICE')).toBe(false);
  });
});

describe('gloss', () => {
  it('adds the meaning of a known BlueKing phrase in English, once, and leaves Chinese as BlueKing wrote it', () => {
    expect(gloss('通知人为空', 'en')).toBe('通知人为空 (no receivers)');
    expect(gloss('通知人为空 (no receivers)', 'en')).toBe('通知人为空 (no receivers)');
    expect(gloss('告警升级通知：未配置升级用户组，已跳过', 'en')).toBe('告警升级通知：未配置升级用户组 (no escalation group configured)，已跳过');
    expect(gloss('通知人为空', 'zh-CN')).toBe('通知人为空');
    expect(gloss('nothing known here', 'en')).toBe('nothing known here');
  });
});
