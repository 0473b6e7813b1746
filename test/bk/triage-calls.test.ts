import { buildAckBody, buildAddShieldBody, buildBusinessListBody, buildDisableShieldBody, naiveTime, parseAddShieldResponse, parseBusinessListResponse } from '../../src/bk/triage-calls';
import { LookupError } from '../../src/eventlog/model/lookup-error';

const HEADERS = { get: () => null };
const answer = (data: unknown, extra: Record<string, unknown> = {}) => ({
  httpStatus: 200,
  headers: HEADERS,
  body: JSON.stringify({ result: true, code: 200, message: 'OK', data, ...extra }),
});

describe('BlueKing write bodies', () => {
  it('ack_event: the business, the alert ID as a number, the note as the message', () => {
    expect(buildAckBody({ alertId: '164239028644167', bizId: 2, note: '' })).toEqual({ bk_biz_id: 2, id: 164239028644167, message: '' });
  });

  it('add_shield: one alert, once, begin and end as naive wall clocks in the zone, IAM checked', () => {
    const beginMs = Date.UTC(2026, 2, 16, 2, 40, 0);
    const body = buildAddShieldBody({ alertId: '164239028644167', bizId: 2, beginMs, endMs: beginMs + 3 * 3_600_000, description: '变更中' }, 'Asia/Shanghai');
    expect(body).toEqual({
      bk_biz_id: 2,
      category: 'alert',
      dimension_config: { alert_id: '164239028644167' },
      begin_time: '2026-03-16 10:40:00',
      end_time: '2026-03-16 13:40:00',
      cycle_config: { type: 1, begin_time: '', end_time: '', day_list: [], week_list: [] },
      shield_notice: false,
      description: '变更中',
      verify_user_permission: true,
    });
    expect(naiveTime(beginMs, 'UTC')).toBe('2026-03-16 02:40:00');
    // Across a DST change: the wall clock of each instant.
    expect(naiveTime(Date.UTC(2026, 2, 8, 9, 30, 0), 'America/New_York')).toBe('2026-03-08 05:30:00');
  });

  it('disable_shield and business_list_by_actions', () => {
    expect(buildDisableShieldBody({ shieldId: '7001', bizId: 2 })).toEqual({ id: [7001], bk_biz_id: 2, verify_user_permission: true });
    expect(buildBusinessListBody('lisi')).toEqual({ username: 'lisi', action_ids: ['view_event_v2'] });
  });

  it('reads the shield ID and the business list; anything else is a bad shape', () => {
    expect(parseAddShieldResponse(answer({ id: 7001 }))).toBe('7001');
    expect(parseBusinessListResponse(answer([{ id: 2, text: '蓝鲸' }, { id: '5', text: 'x' }]))).toEqual([2, 5]);
    expect(() => parseAddShieldResponse(answer(null))).toThrow(LookupError);
    expect(() => parseBusinessListResponse(answer({ id: 2 }))).toThrow(LookupError);
  });

  it('reads add_shield\'s IAM refusal as a permission failure with BlueKing\'s words', () => {
    const refusal = { httpStatus: 200, headers: HEADERS, body: JSON.stringify({ result: false, code: 3300001, message: '当前用户无权限新增2业务屏蔽配置', data: null }) };
    try {
      parseAddShieldResponse(refusal);
      throw new Error('no error');
    } catch (err) {
      expect(err).toBeInstanceOf(LookupError);
      expect((err as LookupError).kind).toBe('user_permission');
      expect((err as LookupError).upstreamMessage).toBe('当前用户无权限新增2业务屏蔽配置');
    }
  });
});
