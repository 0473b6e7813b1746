import { effectiveStatus, noticeOutcome } from '../../src/eventlog/notice-outcome';
import type { EventRecord } from '../../src/eventlog/record';

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
    ['FAILED', 'succeeded'],
    ['SUCCESS', 'succeeded'],
    ['PARTIAL_SUCCESS', 'partial'],
    ['SHIELDED', 'shielded'],
    ['RUNNING', 'running'],
    ['QUEUED', 'unknown'],
    ['constructor', 'unknown'],
  ])('takes an old-generation notice’s outcome from its status %s', (status, expected) => {
    const outcome = noticeOutcome(record('ANOMALY_NOTICE', status, '通知发送成功')).outcome;
    expect(outcome).toBe(status === 'FAILED' ? 'failed' : expected);
  });

  it('keeps the empty_receiver flag of an old-generation notice', () => {
    expect(noticeOutcome(record('ANOMALY_NOTICE', 'FAILED', '通知人为空', true))).toEqual({ outcome: 'failed', emptyReceiver: true });
  });

  it.each([
    ['发送邮件告警通知给admin成功', 'succeeded', false],
    ['处理套餐【默认通知】执行成功：告警通知已发送 企业微信(admin)', 'succeeded', false],
    ['发送企业微信告警通知给admin,lisi失败', 'failed', false],
    ['达到通知告警的执行条件【告警触发时】，当前通知人员为空', 'failed', true],
    ['发送短信告警通知给lisi部分失败', 'partial', false],
    ['Notice via mail to admin failed: SMTP timeout', 'failed', false],
    ['告警已被屏蔽，不发送通知', 'shielded', false],
    ['处理套餐【默认通知】执行中', 'running', false],
    ['告警异常通知发送成功', 'succeeded', false],
  ])('reads a new-generation ACTION’s outcome from its text: %s', (message, outcome, emptyReceiver) => {
    expect(noticeOutcome(record('ACTION', 'SUCCESS', message))).toEqual({ outcome, emptyReceiver });
  });

  it('treats the new generation’s ALERT_QOS record as a notice not sent on purpose', () => {
    expect(noticeOutcome(record('ALERT_QOS', 'SUCCESS', '本次通知未发送')).outcome).toBe('shielded');
  });
});

describe('effectiveStatus', () => {
  it('marks a new-generation ACTION that failed by its text as FAILED, and leaves others as sent', () => {
    expect(effectiveStatus(record('ACTION', 'SUCCESS', '发送电话告警通知给lisi失败'))).toBe('FAILED');
    expect(effectiveStatus(record('ACTION', 'SUCCESS', '发送邮件告警通知给admin成功'))).toBe('SUCCESS');
    expect(effectiveStatus(record('ANOMALY_NOTICE', 'SUCCESS', 'mail 失败'))).toBe('SUCCESS');
    expect(effectiveStatus(record('ALERT_QOS', 'SUCCESS', '本次通知未发送'))).toBe('SUCCESS');
  });
});
