import { buildSearchAlertBody, parseSearchAlertResponse } from '../../src/bk/search-alert';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import { ALERT_ID, alertDocument, searchAlertAnswer } from '../fixtures/bk/search-alert';

const NO_HEADERS = { get: (): string | null => null };
const NOW_MS = Date.UTC(2022, 0, 17, 5, 0, 0);

function read(body: string, httpStatus = 200) {
  return parseSearchAlertResponse({ httpStatus, headers: NO_HEADERS, body }, ALERT_ID);
}

describe('buildSearchAlertBody', () => {
  it('asks for one alert by ID, from an hour before the begin time its ID carries to now, no overview or aggregations', () => {
    expect(buildSearchAlertBody(ALERT_ID, NOW_MS, null)).toEqual({
      conditions: [{ key: 'id', value: [ALERT_ID] }],
      start_time: 1642390286 - 3600,
      end_time: Math.floor(NOW_MS / 1000),
      page: 1,
      page_size: 1,
      show_overview: false,
      show_aggs: false,
    });
  });

  it('sends bk_biz_ids only when configured, and never a window that ends before it begins', () => {
    expect(buildSearchAlertBody(ALERT_ID, NOW_MS, [2])).toMatchObject({ bk_biz_ids: [2] });
    expect(buildSearchAlertBody(ALERT_ID, NOW_MS, [])).not.toHaveProperty('bk_biz_ids');
    const early = buildSearchAlertBody(ALERT_ID, 0, null);
    expect(early.end_time as number).toBeGreaterThan(early.start_time as number);
  });
});

describe('parseSearchAlertResponse', () => {
  it('reads what the first screen needs: name, severity, state, target, owners, ack and shield', () => {
    const alert = read(searchAlertAnswer([alertDocument({ is_ack: true, ack_operator: 'zhangsan', is_shielded: true, shield_id: [88], shield_left_time: '1h 20m' })]));
    expect(alert).toMatchObject({
      id: ALERT_ID,
      name: 'CPU使用率告警',
      status: 'ABNORMAL',
      severity: 1,
      bizId: 2,
      bizName: '蓝鲸',
      strategyName: 'CPU使用率告警',
      targetType: 'HOST',
      target: '10.0.3.8|0',
      ip: '10.0.3.8',
      assignees: ['lisi'],
      appointees: ['lisi'],
      isAck: true,
      ackOperator: 'zhangsan',
      isShielded: true,
      shieldIds: ['88'],
      shieldLeftTime: '1h 20m',
      beginAtMs: 1642390286000,
      endAtMs: null,
      metrics: ['CPU使用率'],
    });
    expect(alert?.dimensions[0]).toEqual({ key: 'ip', value: '10.0.3.8', displayKey: '目标IP', displayValue: '10.0.3.8' });
  });

  it('is null when BlueKing finds no alert with the ID in the window', () => {
    expect(read(searchAlertAnswer([], 0))).toBeNull();
    expect(read(searchAlertAnswer([alertDocument({ id: '164239028600001' })]))).toBeNull();
  });

  it('keeps an alert whose odd fields cost only those fields', () => {
    const alert = read(searchAlertAnswer([alertDocument({ severity: 'high', assignee: 'lisi,wangwu', dimensions: 'x', is_ack: 1, end_time: '1642393886' })]));
    expect(alert).toMatchObject({ severity: null, assignees: ['lisi', 'wangwu'], dimensions: [], isAck: true, endAtMs: 1642393886000 });
  });

  it('turns refusals and garbage into LookupErrors', () => {
    const refused = JSON.stringify({ result: false, code: 9900403, message: '当前用户无 [view_event_v2] 权限', data: null });
    expect(() => read(refused)).toThrow(LookupError);
    expect(() => read('<html>502 Bad Gateway</html>', 502)).toThrow(LookupError);
    expect(() => read(JSON.stringify({ result: true, code: 200, data: { alerts: 'none' } }))).toThrow(LookupError);
  });
});
