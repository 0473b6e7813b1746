import { parseSearchActionResponse } from '../../../src/bk/search-action';
import type { ActionList } from '../../../src/eventlog/model/action-record';
import { countNotice, noticeOfRecord, summarizeDeliveries } from '../../../src/eventlog/deliveries/deliveries';
import { child, parent, searchActionAnswer, sixDelivered, sixDeliveries } from '../../fixtures/bk/search-action';

function listOf(actions: readonly unknown[], total = actions.length): ActionList {
  return parseSearchActionResponse({ httpStatus: 200, headers: { get: () => null }, body: searchActionAnswer(actions, total) });
}

describe('summarizeDeliveries', () => {
  it('counts one delivery per child and names each failure: way, receiver, short reason, under its notice', () => {
    const report = summarizeDeliveries(listOf(sixDeliveries()));
    expect(report.counts).toEqual({ attempted: 6, succeeded: 4, failed: 2, running: 0, unknown: 0, skipped: 0, shielded: 0 });
    expect(report.failed.map((d) => [d.way, d.wayLabel, d.receivers, d.reason])).toEqual([
      ['voice', '语音', ['lisi'], '用户[lisi]的手机号码格式不正确 (cmsi 1306000)'],
      ['sms', '短信', ['zhangsan'], '发送失败'],
    ]);
    expect(report.failed[0]?.fullReason).toContain("请求系统'cmsi'错误");
    expect(report.notices).toHaveLength(1);
    expect(report.notices[0]).toMatchObject({ signal: '告警触发时', actionName: '告警通知' });
    expect(report.notices[0]?.deliveries).toHaveLength(6);
    expect(report.failedActions).toEqual([]);
  });

  it('says all succeeded when they did, whatever the parent’s own status_tips', () => {
    expect(summarizeDeliveries(listOf(sixDelivered())).counts).toMatchObject({ attempted: 6, succeeded: 6, failed: 0 });
  });

  it('counts blocked (circuit breaking) as failed, and skipped (merged) and shield as never attempted', () => {
    const report = summarizeDeliveries(
      listOf([
        parent(1),
        child({ rawId: 2, parent: 1, way: 'voice', receiver: 'lisi', status: 'blocked', message: '通知被熔断', label: '语音' }),
        child({ rawId: 3, parent: 1, way: 'sms', receiver: 'lisi', status: 'skipped', message: '已收敛', label: '短信' }),
        child({ rawId: 4, parent: 1, way: 'mail', receiver: 'lisi', status: 'shield', message: '已屏蔽', label: '邮件' }),
        child({ rawId: 5, parent: 1, way: 'weixin', receiver: 'lisi', status: 'running', message: '', label: '微信' }),
      ]),
    );
    expect(report.counts).toEqual({ attempted: 2, succeeded: 0, failed: 1, running: 1, unknown: 0, skipped: 1, shielded: 1 });
    expect(report.failed[0]).toMatchObject({ blocked: true, reason: '通知被熔断' });
  });

  it('lists failed webhooks and notices that failed as a whole (no children) as failed actions', () => {
    const webhook = { ...parent(10, 'failure'), action_plugin_type: 'webhook', action_name: '同步工单系统', is_parent_action: false, ex_data: { message: 'Read timed out.' } };
    const wholeNotice = { ...parent(20, 'failure'), ex_data: { message: '通知配置为空' } };
    const report = summarizeDeliveries(listOf([webhook, wholeNotice]));
    expect(report.failedActions.map((a) => [a.pluginType, a.actionName, a.reason])).toEqual([
      ['webhook', '同步工单系统', 'Read timed out.'],
      ['notice', '告警通知', '通知配置为空'],
    ]);
    expect(report.counts.attempted).toBe(0);
  });

  it('keeps a child whose parent did not come back under a notice of its own signal', () => {
    const report = summarizeDeliveries(listOf([child({ rawId: 2, parent: 99, way: 'sms', receiver: 'lisi', status: 'failure', message: '发送失败', label: '短信' })]));
    expect(report.notices).toEqual([expect.objectContaining({ signal: '告警触发时', deliveries: [expect.objectContaining({ outcome: 'failed' })] })]);
  });

  it('marks the report incomplete when BlueKing holds more actions than were fetched', () => {
    expect(summarizeDeliveries(listOf(sixDeliveries(), 12_000)).incomplete).toBe(true);
    expect(summarizeDeliveries(listOf(sixDeliveries())).incomplete).toBe(false);
  });
});

describe('noticeOfRecord', () => {
  const report = summarizeDeliveries(listOf(sixDeliveries()));
  const at = 1642390288000; // the parent notice's create_time

  it('finds the notice a "已触发告警通知" record stands for: same signal, within a minute', () => {
    const notice = noticeOfRecord(report, '告警触发时', at + 3000);
    expect(notice).toBe(report.notices[0]);
    expect(notice && countNotice(notice)).toEqual({ attempted: 6, failed: 2, running: 0 });
  });

  it('matches no notice of another signal, too far in time, or without a time', () => {
    expect(noticeOfRecord(report, '告警恢复时', at)).toBeNull();
    expect(noticeOfRecord(report, '告警触发时', at + 61_000)).toBeNull();
    expect(noticeOfRecord(report, '告警触发时', null)).toBeNull();
  });
});
