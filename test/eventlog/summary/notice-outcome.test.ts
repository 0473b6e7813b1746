import { effectiveStatus, noticeOutcome, qosClosesAlert } from '../../../src/eventlog/summary/notice-outcome';
import type { EventRecord } from '../../../src/eventlog/model/record';

// New-generation texts below are bk-monitor's own templates (see docs/bk-monitor-api.md), filled in.
function record(operate: string, status: string, message: string, emptyReceiver = false): EventRecord {
  return {
    kind: 'record',
    index: 0,
    operate,
    status,
    eventId: '164239028644167',
    message,
    timeMs: 0,
    rawTime: '',
    converge: null,
    notice: emptyReceiver ? { groups: [], emptyReceiver, shield: null, webhookCount: 0 } : null,
    ackNote: null,
  };
}

describe('noticeOutcome', () => {
  it.each([
    ['FAILED', 'failed'],
    ['SUCCESS', 'succeeded'],
    ['PARTIAL_SUCCESS', 'partial'],
    ['SHIELDED', 'shielded'],
    ['RUNNING', 'running'],
    ['QUEUED', 'unknown'],
    ['constructor', 'unknown'],
  ])('takes an old-generation notice’s outcome from its status %s', (status, expected) => {
    expect(noticeOutcome(record('ANOMALY_NOTICE', status, '')).outcome).toBe(expected);
  });

  it('keeps the empty_receiver flag of an old-generation notice', () => {
    expect(noticeOutcome(record('ANOMALY_NOTICE', 'FAILED', '通知人为空', true))).toMatchObject({
      kind: 'notice',
      outcome: 'failed',
      emptyReceiver: true,
      why: 'no_receivers',
    });
  });

  it.each([
    ['达到通知告警的执行条件【告警触发时】，已触发告警通知', 'notice', 'triggered', null, '告警触发时'],
    ['达到通知告警的执行条件【告警恢复时】，已触发告警通知', 'notice', 'triggered', null, '告警恢复时'],
    ['达到通知告警的执行条件【告警触发时】，当前通知人员为空', 'notice', 'failed', 'no_receivers', '告警触发时'],
    ['达到通知告警的执行条件【告警触发时】，因告警已被屏蔽忽略通知发送，点击$查看屏蔽策略$', 'notice', 'shielded', null, '告警触发时'],
    ['达到通知告警的执行条件【告警触发时】，因告警已被屏蔽或不在通知时间段，忽略通知发送', 'notice', 'shielded', null, '告警触发时'],
    ['达到通知告警的执行条件【告警恢复时】, 因当前主机状态为屏蔽告警，默认屏蔽当前处理', 'notice', 'shielded', null, '告警恢复时'],
    ['套餐处理【重启服务】已屏蔽， 屏蔽原因：告警已被屏蔽', 'action', 'shielded', null, null],
    ['用户已确认当前告警，系统自动忽略所有的通知和处理套餐的执行', 'notice', 'skipped', 'acknowledged', null],
    ['当前告警策略正在进行降噪处理中，通知被抑制，满足降噪条件之后将会重新发出', 'notice', 'skipped', 'noise_reduction', null],
    ['HTTP回调任务【回调到工单系统】处理失败，错误信息Connection refused点击$查看任务详情$', 'action', 'failed', null, null],
    ['HTTP回调任务【回调到工单系统】处理成功，返回内容:{"ok": true}', 'action', 'succeeded', null, null],
    ['处理套餐重启服务执行被熔断', 'action', 'failed', 'circuit_broken', null],
    ['作业平台任务【清理磁盘】处理失败，错误信息作业执行失败点击$查看任务详情$', 'action', 'failed', null, null],
    ['策略(CPU使用率告警)当前告警的处理次数为120次，已超过QOS阈值(100)，当前告警的(3)个处理被抑制', 'action', 'skipped', 'throttled', null],
  ])('reads the new-generation ACTION text %s', (message, kind, outcome, why, signal) => {
    expect(noticeOutcome(record('ACTION', 'SUCCESS', message))).toEqual({
      kind,
      outcome,
      emptyReceiver: why === 'no_receivers',
      why,
      signal,
    });
  });

  it.each(['告警适配到自动分派规则组$DB 值班$, 级别维持【致命】不变', 'admin分派告警给(lisi,zhangsan), 分派原因：DBA 值班'])(
    'does not count an assignment as a notice: %s',
    (message) => {
      expect(noticeOutcome(record('ACTION', 'SUCCESS', message)).kind).toBe('none');
    },
  );

  it.each([
    '告警所属策略在当前窗口期（1 min）内产生的告警数量(120)个，已大于QOS阈值(100)，当前告警被流控',
    '告警触发熔断规则，被流控',
    '告警命中熔断规则，被流控关闭',
  ])('treats ALERT_QOS as notices held back on purpose (throttled): %s', (message) => {
    expect(noticeOutcome(record('ALERT_QOS', 'SUCCESS', message))).toMatchObject({ outcome: 'skipped', why: 'throttled' });
  });

  it('knows only "被流控关闭" closes the alert', () => {
    expect(qosClosesAlert(record('ALERT_QOS', 'SUCCESS', '告警命中熔断规则，被流控关闭'))).toBe(true);
    expect(qosClosesAlert(record('ALERT_QOS', 'SUCCESS', '告警触发熔断规则，被流控'))).toBe(false);
  });
});

describe('effectiveStatus', () => {
  it('marks a new-generation ACTION by what its text says, and leaves a triggered notice as written', () => {
    expect(effectiveStatus(record('ACTION', 'SUCCESS', '达到通知告警的执行条件【告警触发时】，当前通知人员为空'))).toBe('FAILED');
    expect(effectiveStatus(record('ACTION', 'SUCCESS', '处理套餐重启服务执行被熔断'))).toBe('FAILED');
    expect(effectiveStatus(record('ACTION', 'SUCCESS', '达到通知告警的执行条件【告警触发时】，因告警已被屏蔽或不在通知时间段，忽略通知发送'))).toBe('SHIELDED');
    expect(effectiveStatus(record('ACTION', 'SUCCESS', '达到通知告警的执行条件【告警触发时】，已触发告警通知'))).toBe('SUCCESS');
    expect(effectiveStatus(record('ANOMALY_NOTICE', 'SUCCESS', 'mail 失败'))).toBe('SUCCESS');
  });
});
