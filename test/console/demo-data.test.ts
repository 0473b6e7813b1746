import { LookupError } from '../../src/eventlog/model/lookup-error';
import { buildDemoResponses, createDemoSource, DEMO_EVENTS, isDemoSource } from '../../src/console/demo-data';
import type { EventLog, EventRecord, LogEntry } from '../../src/eventlog/model/record';
import { messagesFor } from '../../src/i18n/catalog';

const ZONE = 'Asia/Shanghai';
const source = createDemoSource(ZONE);
const asker = { username: null };

function records(log: EventLog): EventRecord[] {
  return log.entries.filter((e: LogEntry): e is EventRecord => e.kind === 'record');
}

function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length;
}

describe('the demo events', () => {
  it('are listed for help with a description in both languages', () => {
    expect(DEMO_EVENTS.map((e) => e.id)).toEqual(['1', '5310', '4821', '164239028644167', '164239612345678', '164239745612301', '164239888800017', '164239311052213', '8001', '7001', '9002', '9403']);
    for (const event of DEMO_EVENTS) {
      expect(messagesFor('en').console.demos[event.name].length).toBeGreaterThan(10);
      expect(messagesFor('zh-CN').console.demos[event.name].length).toBeGreaterThan(5);
    }
  });

  it('are raw ESB bodies: a JSON envelope with result, code, message, data and request_id', () => {
    const body = JSON.parse(buildDemoResponses(ZONE).get('5310')?.body ?? 'null') as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['result', 'code', 'message', 'data', 'request_id']);
    expect(body.result).toBe(true);
    expect(body.code).toBe(0);
  });

  it('serve the API sheet example verbatim as event 1, dated a few minutes before now', async () => {
    const now = Date.parse('2026-03-16T02:40:30Z'); // 10:40:30 in Asia/Shanghai
    const body = JSON.parse(buildDemoResponses(ZONE, now).get('1')?.body ?? 'null') as { data: unknown };
    expect(body.data).toEqual([
      {
        status: 'SUCCESS',
        event_id: 'd751713988987e9331980363e24189ce.1574439660.88.118.1',
        message: '',
        operate: 'CREATE',
        extend_info: '',
        create_time: '2026-03-16 10:33:00',
      },
      {
        status: 'FAILED',
        event_id: 'd751713988987e9331980363e24189ce.1574439660.88.118.1',
        message: '通知人为空',
        operate: 'ANOMALY_NOTICE',
        extend_info: { action: {} },
        create_time: '2026-03-16 10:33:00',
      },
    ]);
    const log = await createDemoSource(ZONE, now).fetchEventLog('1', asker);
    expect(log.generation).toBe('old');
    expect(records(log).map((r) => [r.operate, r.status, r.message, r.timeMs])).toEqual([
      ['CREATE', 'SUCCESS', '', Date.parse('2026-03-16T10:33:00+08:00')],
      ['ANOMALY_NOTICE', 'FAILED', '通知人为空', Date.parse('2026-03-16T10:33:00+08:00')],
    ]);
  });

  it('give event 5310 a notification storm: 18 failed, 1 partial, 1 running, 1 shielded, an ack note', async () => {
    const log = await source.fetchEventLog('5310', asker);
    const all = records(log);
    expect(log.generation).toBe('old');
    expect(log.requestId).toBe('4b1e2a90c7d34f5e8a6b9c0d1e2f3a4b');
    expect(all).toHaveLength(34);
    const notices = all.filter((r) => r.operate === 'ANOMALY_NOTICE');
    expect(count(notices, (r) => r.status === 'FAILED' && r.message === '通知人为空' && r.notice?.emptyReceiver === true)).toBe(18);
    expect(notices.find((r) => r.status === 'PARTIAL_SUCCESS')?.message).toBe('mail 发送失败');
    expect(count(notices, (r) => r.status === 'RUNNING')).toBe(1);
    expect(notices.find((r) => r.status === 'SHIELDED')?.notice?.shield).toEqual({ type: 'scope', detail: '业务维护屏蔽' });
    expect(notices[0]?.notice?.groups.map((g) => [g.name, g.ways])).toEqual([
      ['SRE 值班组', ['weixin', 'mail']],
      ['运维', ['mail', 'sms']],
    ]);
    expect(all.find((r) => r.operate === 'ACK')?.ackNote).toBe('正在回滚 2.3 版本发布');
    const converged = all.filter((r) => r.operate === 'CONVERGE').reduce((sum, r) => sum + (r.converge?.anomalyCount ?? 0), 0);
    expect(converged).toBe(52);
    expect(all.map((r) => r.operate).slice(-3)).toEqual(['RECOVER', 'RECOVERY_NOTICE', 'CLOSE']);
    expect(all[0]?.timeMs).toBe(Date.parse('2024-03-12T10:38:00+08:00'));
    expect(all.at(-1)?.timeMs).toBe(Date.parse('2024-03-12T11:31:03+08:00'));
  });

  it('give event 4821 45 convergence rounds over six hours folding 576 anomalies', async () => {
    const all = records(await source.fetchEventLog('4821', asker));
    const rounds = all.filter((r) => r.operate === 'CONVERGE');
    expect(rounds).toHaveLength(45);
    expect(rounds.reduce((sum, r) => sum + (r.converge?.anomalyCount ?? 0), 0)).toBe(576);
    expect(rounds[0]?.converge?.dataWindow).toEqual({
      minMs: Date.parse('2024-05-20T02:00:00+08:00'),
      maxMs: Date.parse('2024-05-20T02:08:00+08:00'),
    });
    expect(rounds.at(-1)?.converge?.dataWindow?.maxMs).toBe(Date.parse('2024-05-20T08:00:00+08:00'));
  });

  it('give the new-generation alert newest first, its ID as event_id, and its start in its first 10 digits', async () => {
    const body = JSON.parse(buildDemoResponses(ZONE).get('164239028644167')?.body ?? 'null') as { code: number; data: Array<Record<string, unknown>> };
    expect(body.code).toBe(200);
    expect(body.data[0]?.event_id).toBe(164239028644167);
    const log = await source.fetchEventLog('164239028644167', asker);
    expect(log.generation).toBe('new');
    const all = records(log);
    expect(all.map((r) => r.operate)).toEqual([
      'ACTION',
      'RECOVER',
      'RECOVERING',
      'ACK',
      'ACTION',
      'SEVERITY_UP',
      'CONVERGE',
      'ACTION',
      'ACTION',
      // One second, listed as BlueKing sorts it: by operate name (ACTION before CREATE).
      'ACTION',
      'CREATE',
    ]);
    expect(all.every((r) => r.status === 'SUCCESS' && r.eventId === '164239028644167')).toBe(true);
    expect(all.at(-1)?.timeMs).toBe(1642390286 * 1000);
    expect(all.find((r) => r.operate === 'ACK')?.message).toBe('zhangsan确认了该告警事件并备注：,已扩容 2 台实例，观察中');
    // Only texts bk-monitor writes: a notice record says it was triggered, never who was reached.
    expect(all.filter((r) => r.message.includes('已触发告警通知'))).toHaveLength(2);
    expect(all.some((r) => /发送.*告警通知给|部分失败|执行中/.test(r.message))).toBe(false);
  });

  it('answer search_action for the new-generation alert: 6 deliveries, lisi’s call and zhangsan’s SMS failed, a webhook failed', async () => {
    const list = await source.fetchActions?.('164239028644167', asker);
    const failed = list?.actions.filter((a) => a.status === 'failure').map((a) => [a.pluginType, a.noticeWay, a.receivers.join()]);
    expect(failed).toEqual([
      ['notice', 'voice', 'lisi'],
      ['notice', 'sms', 'zhangsan'],
      ['webhook', '', 'zhangsan'],
    ]);
    expect(list?.actions.filter((a) => a.pluginType === 'notice' && !a.isParent)).toHaveLength(6);
  });

  it('refuse search_action for alert 164239311052213 as the ESB refuses an ungranted component, while its log reads fine', async () => {
    expect(records(await source.fetchEventLog('164239311052213', asker))).toHaveLength(5);
    await expect(source.fetchActions?.('164239311052213', asker)).rejects.toMatchObject({ kind: 'app_permission', code: '1306403' });
  });

  it('answer search_alert for the new-generation alerts (recovered and acked; firing), and find no other alert', async () => {
    await expect(source.fetchAlert?.('164239028644167', asker)).resolves.toMatchObject({ name: 'CPU使用率告警', status: 'RECOVERED', severity: 1, ip: '10.0.3.8', isAck: true, ackOperator: 'zhangsan' });
    await expect(source.fetchAlert?.('164239311052213', asker)).resolves.toMatchObject({ status: 'ABNORMAL', isAck: false, assignees: ['wangwu'] });
    await expect(source.fetchAlert?.('164239999999999', asker)).resolves.toBeNull();
  });

  it('answer search_action for any other alert with no actions', async () => {
    await expect(source.fetchActions?.('164239999999999', asker)).resolves.toMatchObject({ actions: [], total: 0 });
  });

  it('keep the new-generation start time in its ID whatever the server zone', async () => {
    const utcLog = await createDemoSource('UTC').fetchEventLog('164239028644167', asker);
    expect(records(utcLog).at(-1)?.timeMs).toBe(1642390286 * 1000);
  });

  it('give event 7001 more than 500 records, the same on every build', async () => {
    const all = records(await source.fetchEventLog('7001', asker));
    expect(all).toHaveLength(521);
    expect(buildDemoResponses(ZONE).get('7001')?.body).toBe(buildDemoResponses(ZONE).get('7001')?.body);
  });

  it('give event 9002 an unknown operate and status kept raw, and unreadable records kept in place', async () => {
    const log = await source.fetchEventLog('9002', asker);
    expect(log.entries).toHaveLength(6);
    expect(log.entries[1]).toMatchObject({ kind: 'record', operate: 'UPGRADE_NOTICE', status: 'SKIPPED' });
    expect(log.entries[4]?.kind).toBe('unreadable');
    expect(log.entries[5]).toMatchObject({ kind: 'record', operate: 'CLOSE' });
  });

  it('make ID 9403 fail the way the ESB refuses an app: app_permission, code 1306403, with its request ID', async () => {
    const error = await source.fetchEventLog('9403', asker).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LookupError);
    expect(error).toMatchObject({ kind: 'app_permission', code: '1306403', requestId: '6c8e0a2c4e6f8b0d2f4a6c8e0b2d4f61' });
  });

  it('answer an unknown ID as a new-generation Monitor does: not_found, code 3324002', async () => {
    const error = await source.fetchEventLog('42', asker).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LookupError);
    expect(error).toMatchObject({ kind: 'not_found', code: '3324002', upstreamMessage: '告警ID (42) 对应的告警信息不存在' });
  });

  it('fail an already aborted lookup as a timeout', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(source.fetchEventLog('1', asker, controller.signal)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('are told apart from other sources', () => {
    expect(isDemoSource(source)).toBe(true);
    expect(isDemoSource({ fetchEventLog: source.fetchEventLog })).toBe(false);
  });
});
