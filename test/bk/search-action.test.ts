import { buildSearchActionBody, needsAnotherPage, parseSearchActionResponse, SEARCH_ACTION_PAGE_SIZE } from '../../src/bk/search-action';
import { ALERT_ID, child, FIRST_PAGE_BODY, parent, searchActionAnswer, sixDeliveries } from '../fixtures/bk/search-action';

const NO_HEADERS = { get: (): string | null => null };

function answer(body: string, httpStatus = 200) {
  return parseSearchActionResponse({ httpStatus, headers: NO_HEADERS, body });
}

describe('buildSearchActionBody', () => {
  it('asks for the alert’s parents and children in one call, 1,000 a page, no overview or aggregations', () => {
    expect(buildSearchActionBody(ALERT_ID, 1, null)).toEqual(FIRST_PAGE_BODY);
  });

  it('sends bk_biz_ids only when configured (an empty list would mean "only where I am the operator")', () => {
    expect(buildSearchActionBody(ALERT_ID, 2, [2, 5000140])).toMatchObject({ page: 2, bk_biz_ids: [2, 5000140] });
    expect(buildSearchActionBody(ALERT_ID, 1, [])).not.toHaveProperty('bk_biz_ids');
  });
});

describe('needsAnotherPage', () => {
  it('asks again only after a full page while total says more exist, up to the 10,000 BlueKing counts', () => {
    expect(needsAnotherPage(1, 1000, 1500, SEARCH_ACTION_PAGE_SIZE)).toBe(true);
    expect(needsAnotherPage(2, 1500, 1500, 500)).toBe(false);
    expect(needsAnotherPage(1, 7, 7, 7)).toBe(false);
    // A total that lies (more than arrives) cannot loop: a short page ends it.
    expect(needsAnotherPage(1, 3, 50, 3)).toBe(false);
    expect(needsAnotherPage(10, 10_000, 10_000, SEARCH_ACTION_PAGE_SIZE)).toBe(false);
  });
});

describe('parseSearchActionResponse', () => {
  it('reads parents and children: way, receivers, reason, status, times', () => {
    const page = answer(searchActionAnswer(sixDeliveries()));
    expect(page).toMatchObject({ total: 7, unreadable: 0, pageSize: 7, requestId: '6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d' });
    expect(page.actions[0]).toMatchObject({ rawId: 501, isParent: true, parentRawId: 0, wayLabel: '', signalDisplay: '告警触发时', status: 'partial_failure' });
    expect(page.actions[1]).toEqual({
      id: '1642390288502',
      rawId: 502,
      parentRawId: 501,
      isParent: false,
      pluginType: 'notice',
      actionName: '告警通知',
      signal: 'abnormal',
      signalDisplay: '告警触发时',
      status: 'failure',
      failureType: 'execute_failure',
      reason: expect.stringContaining('用户[lisi]的手机号码格式不正确') as unknown as string,
      noticeWay: 'voice',
      wayLabel: '语音',
      receivers: ['lisi'],
      createdAtMs: 1642390288000,
      endedAtMs: 1642390291000,
      executeTimes: 1,
    });
  });

  it('takes receivers from inputs when operator is missing, and survives odd field types', () => {
    const odd = { ...child({ rawId: 9, parent: 1, way: 'sms', receiver: 'wangwu', status: 'success', message: 'OK', label: '短信' }), operator: null, raw_id: '9', end_time: 'soon' };
    const [action] = answer(searchActionAnswer([odd])).actions;
    expect(action).toMatchObject({ rawId: 9, receivers: ['wangwu'], endedAtMs: null });
  });

  it('counts an action it cannot read instead of dropping it silently', () => {
    const page = answer(searchActionAnswer([parent(1), { status: 'failure' }, 42]));
    expect(page.actions).toHaveLength(1);
    expect(page.unreadable).toBe(2);
  });

  it('turns a refusal into the LookupError the lookup path knows', () => {
    const refused = JSON.stringify({ result: false, code: 1306403, message: 'APP [x] has no permission to access the component [MONITOR_V3.search_action]', data: null });
    expect(() => answer(refused)).toThrow(expect.objectContaining({ kind: 'app_permission', code: '1306403' }) as Error);
    const badParam = JSON.stringify({ result: false, code: 3300002, message: '请求参数格式错误: bk_biz_ids 该字段是必填项。', data: null });
    expect(() => answer(badParam)).toThrow(expect.objectContaining({ kind: 'bad_parameter' }) as Error);
  });

  it('refuses garbage: an answer without an action list is bad_shape, a web page html_page', () => {
    expect(() => answer(JSON.stringify({ result: true, code: 200, message: 'OK', data: [] }))).toThrow(expect.objectContaining({ kind: 'bad_shape' }) as Error);
    expect(() => answer('<html><title>Login</title></html>')).toThrow(expect.objectContaining({ kind: 'html_page' }) as Error);
  });
});
