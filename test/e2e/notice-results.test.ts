import { startHarness, BK_SECRET, type Harness } from '../helpers/app-harness';
import { answerByEventId, isSearchAction, requestedIds } from '../helpers/esb-answers';
import type { EsbReply } from '../helpers/fake-esb';
import { sentLimitProblems } from '../helpers/sent-messages';
import { waitFor } from '../helpers/wait-for';
import { ALERT_ID, child, FIRST_PAGE_BODY, parent, searchActionAnswer, sixDelivered, sixDeliveries } from '../fixtures/bk/search-action';

/**
 * Per-receiver notice results, end to end: the real app asks the fake ESB for the
 * event log and, alongside it, for search_action; the answer reaches Slack through response_url.
 */

interface Answer {
  text: string;
  blocksText: string;
}

describe('per-receiver notice results (search_action), over real HTTP', () => {
  let h: Harness;

  async function start(actions: Readonly<Record<string, EsbReply>>, env: Record<string, string> = {}): Promise<void> {
    h = await startHarness(env);
    h.esb.setFallback(answerByEventId({}, actions));
  }

  afterEach(async () => {
    expect(sentLimitProblems(h)).toEqual([]);
    await h.close();
  });

  async function lookUp(id: string, nth = 1): Promise<Answer> {
    await h.postCommand(id);
    const requests = await h.responses.waitForRequests(nth);
    const body = JSON.parse(requests[nth - 1]?.body ?? '{}') as { text: string; blocks: unknown[] };
    return { text: body.text, blocksText: JSON.stringify(body.blocks) };
  }

  const searchCalls = (): Array<Record<string, unknown>> =>
    h.esb.requests.filter(isSearchAction).map((r) => JSON.parse(r.body) as Record<string, unknown>);

  it('names the failed voice and SMS deliveries in the callout and puts them first in the push text', async () => {
    await start({ [ALERT_ID]: { body: searchActionAnswer(sixDeliveries()) } });
    const answer = await lookUp(ALERT_ID);

    expect(answer.text).toBe('🟢 Fatal · CPU使用率告警 · 10.0.3.8 · Recovered — Paging failed: 2 of 6 pages (voice → lisi, SMS → zhangsan)');
    expect(answer.blocksText).toContain('🚨 *Paging failed:* 2 of 6 pages (voice → lisi, SMS → zhangsan)');
    expect(answer.blocksText).toContain('reached zhangsan (mail, WeChat), lisi (mail, WeChat)');
    expect(answer.blocksText).toContain('💡 Fix the phone number of lisi in BlueKing user management');
    expect(answer.blocksText).toContain('• Voice → lisi: *用户[lisi]的手机号码格式不正确 (phone number format is wrong) (cmsi 1306000)*');
    expect(answer.blocksText).toContain('• SMS → zhangsan: *发送失败 (sending failed)*');
    expect(answer.blocksText).toContain('*告警触发时*');
    expect(answer.blocksText).not.toMatch(/notices? sent/);
  });

  it('sends search_action the alert, parents and children in one call, 1,000 a page, as the same user with header credentials', async () => {
    await start({ [ALERT_ID]: { body: searchActionAnswer(sixDeliveries()) } });
    await lookUp(ALERT_ID);

    const [call] = h.esb.requests.filter(isSearchAction);
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe('/api/c/compapi/v2/monitor_v3/search_action/');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(String(call?.headers['x-bkapi-authorization']))).toEqual({ bk_app_code: 'eventlog-bot', bk_app_secret: BK_SECRET, bk_username: 'oncall-bot' });
    expect(call?.body).not.toContain(BK_SECRET);
    expect(JSON.parse(call?.body ?? '{}')).toEqual(FIRST_PAGE_BODY);
    expect(requestedIds(h.esb.requests)).toEqual([ALERT_ID]);
  });

  it('asks for the next page while total says there is more, and counts every page', async () => {
    const children = Array.from({ length: 1199 }, (_, i) =>
      child({ rawId: 1000 + i, parent: 1, way: 'mail', receiver: `user${i}`, status: i === 1150 ? 'failure' : 'success', message: i === 1150 ? '发送失败' : 'OK', label: '邮件' }),
    );
    const all = [parent(1), ...children];
    let page = 0;
    await start({});
    h.esb.setFallback((request) => {
      if (!isSearchAction(request)) return answerByEventId()(request);
      page += 1;
      const slice = page === 1 ? all.slice(0, 1000) : all.slice(1000);
      return { body: searchActionAnswer(slice, all.length) };
    });
    const answer = await lookUp(ALERT_ID);

    expect(searchCalls().map((body) => [body.page, body.page_size])).toEqual([
      [1, 1000],
      [2, 1000],
    ]);
    expect(answer.blocksText).toContain('🚨 *Paging failed:* 1 of 1199 pages (mail → user1150)');
  });

  it('says all deliveries succeeded when search_action shows they did', async () => {
    await start({ [ALERT_ID]: { body: searchActionAnswer(sixDelivered()) } });
    const answer = await lookUp(ALERT_ID);
    expect(answer.blocksText).toContain('✅ all 6 pages delivered');
    expect(answer.text).toBe('🟢 Fatal · CPU使用率告警 · 10.0.3.8 · Recovered');
  });

  it.each([
    [
      'refused (no API permission)',
      {
        body: JSON.stringify({
          result: false,
          code: 1306403,
          message: 'APP [eventlog-bot] has no permission to access the component [MONITOR_V3.search_action]',
          data: null,
          request_id: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
        }),
      },
      'Per-receiver results unavailable: the app may not call monitor_v3 search_action (1306403). 💡 Grant the app monitor_v3 search_action',
    ],
    [
      'refused (parameter error: the install insists on bk_biz_ids)',
      { body: JSON.stringify({ result: false, code: 3300002, message: '请求参数格式错误: bk_biz_ids 该字段是必填项。', data: null }) },
      'BlueKing refused the search_action request (parameter error) (3300002). 💡 Some installs require the business: set BK_BIZ_IDS',
    ],
    ['slow (no answer in BK_TIMEOUT_MS)', { delayMs: 2500, body: searchActionAnswer(sixDeliveries()) }, 'BlueKing did not answer search_action in time'],
    ['garbage (a login page)', { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html><head><title>Login</title></head></html>' }, 'a web page came back instead of search_action data'],
    ['garbage (JSON without an action list)', { body: JSON.stringify({ result: true, code: 200, message: 'OK', data: 'nope' }) }, 'the search_action answer was not a list of actions'],
  ])('shows the log with one fallback line when search_action is %s', async (_name, reply, line) => {
    await start({ [ALERT_ID]: reply });
    const answer = await lookUp(ALERT_ID);

    expect(answer.blocksText).toContain('🟢 Fatal · CPU使用率告警 · 10.0.3.8 · Recovered');
    expect(answer.blocksText).toContain('⚠️ Per-receiver results unavailable: ');
    expect(answer.blocksText).toContain(line);
    expect(answer.blocksText).toContain('1 notice triggered — delivery not confirmed');
    expect(answer.blocksText).toContain('正在扩容 web-03');
    const lookupLine = h.logs.find((entry) => entry.msg === 'lookup');
    expect(lookupLine).toMatchObject({ outcome: 'ok', level: 'info' });
    expect(String(lookupLine?.deliveries)).toMatch(/^failed_/);
  });

  it('makes no search_action call for an old-generation event, whose log carries real notice statuses', async () => {
    await start({});
    const answer = await lookUp('5310');
    expect(h.esb.requests.filter(isSearchAction)).toEqual([]);
    expect(answer.blocksText).not.toContain('delivery not confirmed');
    expect(answer.blocksText).not.toContain('deliveries');
  });

  it('makes no search_action call with BK_NOTICE_RESULTS=off, and still never says "sent"', async () => {
    await start({ [ALERT_ID]: { body: searchActionAnswer(sixDeliveries()) } }, { BK_NOTICE_RESULTS: 'off' });
    const answer = await lookUp(ALERT_ID);
    expect(h.esb.requests.filter(isSearchAction)).toEqual([]);
    expect(answer.blocksText).toContain('1 notice triggered — delivery not confirmed');
    expect(answer.blocksText).not.toContain('Per-receiver results unavailable');
  });

  it('sends BK_BIZ_IDS as bk_biz_ids, and the path from BK_SEARCH_ACTION_PATH', async () => {
    await start({}, { BK_BIZ_IDS: '2, 5000140', BK_SEARCH_ACTION_PATH: '/api/bk-monitor/prod/app/action/search_action/' });
    await lookUp(ALERT_ID);
    const [call] = h.esb.requests.filter(isSearchAction);
    expect(call?.path).toBe('/api/bk-monitor/prod/app/action/search_action/');
    expect(JSON.parse(call?.body ?? '{}')).toMatchObject({ bk_biz_ids: [2, 5000140] });
  });

  it('answers a repeat lookup from the cache for both calls, and coalesces lookups running together', async () => {
    await start({ [ALERT_ID]: { body: searchActionAnswer(sixDeliveries()) } });
    await Promise.all([h.postCommand(ALERT_ID), h.postCommand(ALERT_ID)]);
    await h.responses.waitForRequests(2);
    await lookUp(ALERT_ID, 3);
    const bodies = h.responseBodies().map((b) => String(b.text));
    expect(bodies.every((text) => text.includes('2 of 6 pages'))).toBe(true);
    expect(requestedIds(h.esb.requests)).toEqual([ALERT_ID]);
    expect(h.esb.requests.filter(isSearchAction)).toHaveLength(1);
  });

  it('sends search_action while the event log is still unanswered (alongside, not after)', async () => {
    // The event log never answers in time. Were the second call made after it, it would never be made at all.
    await start({}, { BK_TIMEOUT_MS: '3000' });
    h.esb.setFallback((request) => (isSearchAction(request) ? answerByEventId()(request) : { delayMs: 10_000, body: '{}' }));
    await h.postCommand(ALERT_ID);
    const [call] = await waitFor(() => h.esb.requests.filter(isSearchAction), 1, 2500);
    expect(JSON.parse(call?.body ?? '{}')).toMatchObject({ alert_ids: [ALERT_ID] });
    // The lookup then fails as the event log's timeout: the second call never decides the outcome.
    const [answer] = await h.responses.waitForRequests(1);
    expect(answer?.body).toContain('BlueKing did not answer in time');
  });
});
