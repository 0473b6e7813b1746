import { startHarness, BK_SECRET, type Harness } from '../helpers/app-harness';
import { answerByEventId, isSearchAction, isSearchAlert, requestedIds } from '../helpers/esb-answers';
import type { EsbReply } from '../helpers/fake-esb';
import { MAX_MESSAGE_LINES } from '../helpers/phone-rules';
import { sentLimitProblems } from '../helpers/sent-messages';
import { CMSI_VOICE_FAILURE, child, parent, searchActionAnswer, sixDeliveries } from '../fixtures/bk/search-action';
import { ALERT_ID, alertDocument, searchAlertAnswer } from '../fixtures/bk/search-alert';

/**
 * The first screen with the alert itself (search_alert), end to end: the real app
 * asks the fake ESB for the event log, search_action and search_alert together;
 * the header, push text and verdict answer what, where, how bad, still firing,
 * who owns it and whether the page reached them. search_alert's status wins over the log.
 */

interface Answer {
  text: string;
  blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ text?: unknown }> }>;
  header: string;
  verdict: string;
  all: string;
}

const ALERT = (overrides: Record<string, unknown>): EsbReply => ({ body: searchAlertAnswer([alertDocument(overrides)]) });

describe('the alert itself (search_alert) on the first screen, over real HTTP', () => {
  let h: Harness;

  async function start(replies: { actions?: Record<string, EsbReply>; alerts?: Record<string, EsbReply>; logs?: Record<string, string> }, env: Record<string, string> = {}): Promise<void> {
    h = await startHarness(env);
    h.esb.setFallback(answerByEventId(replies.logs ?? {}, replies.actions ?? {}, replies.alerts ?? {}));
  }

  afterEach(async () => {
    expect(sentLimitProblems(h)).toEqual([]);
    await h.close();
  });

  async function lookUp(id: string): Promise<Answer> {
    await h.postCommand(id);
    const [request] = await h.responses.waitForRequests(1);
    const body = JSON.parse(request?.body ?? '{}') as { text: string; blocks: Answer['blocks'] };
    const textOf = (i: number): string => body.blocks[i]?.text?.text ?? '';
    return { text: body.text, blocks: body.blocks, header: textOf(0), verdict: textOf(1), all: JSON.stringify(body.blocks) };
  }

  const alertCalls = (): Array<Record<string, unknown>> => h.esb.requests.filter(isSearchAlert).map((r) => JSON.parse(r.body) as Record<string, unknown>);

  it('asks search_alert for the one alert alongside the log and search_action: its ID, an hour before its begin time to now, one row, same user', async () => {
    await start({}, { BK_BIZ_IDS: '2' });
    await lookUp(ALERT_ID);
    const [call] = h.esb.requests.filter(isSearchAlert);
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe('/api/c/compapi/v2/monitor_v3/search_alert/');
    expect(JSON.parse(String(call?.headers['x-bkapi-authorization']))).toEqual({ bk_app_code: 'eventlog-bot', bk_app_secret: BK_SECRET, bk_username: 'oncall-bot' });
    expect(call?.body).not.toContain(BK_SECRET);
    const body = alertCalls()[0] ?? {};
    expect(body).toMatchObject({ conditions: [{ key: 'id', value: [ALERT_ID] }], start_time: 1642390286 - 3600, page: 1, page_size: 1, show_overview: false, show_aggs: false, bk_biz_ids: [2] });
    expect(Number(body.end_time)).toBeGreaterThan(1642390286);
    expect(requestedIds(h.esb.requests)).toEqual([ALERT_ID]);
    expect(h.esb.requests.filter(isSearchAction)).toHaveLength(1);
  });

  it.each([
    ['firing, nobody acked', { status: 'ABNORMAL', end_time: null }, '🔴 Fatal · CPU使用率告警 · 10.0.3.8 · Firing', /^\*Firing\* for .* · owner lisi · acked after 13 min by admin/],
    ['firing, acked', { status: 'ABNORMAL', is_ack: true, ack_operator: 'zhangsan', end_time: null }, '🟠 Fatal · CPU使用率告警 · 10.0.3.8 · Acknowledged', / · acked after 13 min by zhangsan/],
    ['shielded', { status: 'ABNORMAL', is_shielded: true, shield_id: ['88'], shield_left_time: '1h 20m', end_time: null }, '🔕 Fatal · CPU使用率告警 · 10.0.3.8 · Shielded', / · shielded, 1h 20m left · owner lisi/],
    ['recovered', { status: 'RECOVERED', is_ack: true, ack_operator: 'admin', end_time: 1642393235 }, '🟢 Fatal · CPU使用率告警 · 10.0.3.8 · Recovered', /^\*Recovered\* 49 min after it began · owner lisi · acked after 13 min by admin/],
    ['closed', { status: 'CLOSED', severity: 2, end_time: 1642399999 }, '⚪ Warning · CPU使用率告警 · 10.0.3.8 · Closed', /^\*Closed\*/],
  ])('heads the answer with severity, name, target and the alert’s own state: %s', async (_name, overrides, header, stateLine) => {
    await start({ alerts: { [ALERT_ID]: ALERT(overrides) } });
    const answer = await lookUp(ALERT_ID);
    expect(answer.header).toBe(header);
    expect(answer.text.startsWith(header)).toBe(true);
    expect(answer.verdict.split('\n')[0]).toMatch(stateLine);
  });

  it('marks failed paging apart from the state, on a recovered alert too, and says it first in the push text', async () => {
    await start({ actions: { [ALERT_ID]: { body: searchActionAnswer(sixDeliveries()) } } });
    const answer = await lookUp(ALERT_ID);
    expect(answer.header).toBe('🟢 Fatal · CPU使用率告警 · 10.0.3.8 · Recovered');
    expect(answer.text).toBe('🟢 Fatal · CPU使用率告警 · 10.0.3.8 · Recovered — Paging failed: 2 of 6 pages (voice → lisi, SMS → zhangsan)');
    expect(answer.verdict).toContain('🚨 *Paging failed:* 2 of 6 pages (voice → lisi, SMS → zhangsan)');
    expect(answer.verdict).toContain('💡 Fix the phone number of lisi in BlueKing user management');
  });

  it('in Chinese: 致命, the alert name, the target and 已恢复', async () => {
    await start({}, { BOT_LANG: 'zh-CN' });
    const answer = await lookUp(ALERT_ID);
    expect(answer.header).toBe('🟢 致命 · CPU使用率告警 · 10.0.3.8 · 已恢复');
    expect(answer.verdict.split('\n')[0]).toContain('负责人 lisi');
  });

  it.each([
    [
      'refused (no API permission)',
      { body: JSON.stringify({ result: false, code: 1306403, message: 'APP [eventlog-bot] has no permission to access the component [MONITOR_V3.search_alert]', data: null }) },
      '⚠️ Alert details unavailable: the app may not call monitor_v3 search_alert (1306403). 💡 Grant the app monitor_v3 search_alert',
      'failed_app_permission',
    ],
    ['empty (no such alert in the window)', { body: searchAlertAnswer([]) }, '⚠️ Alert details unavailable: search_alert found no such alert. 💡 If it belongs to a business', 'not_found'],
    ['slow (no answer in BK_TIMEOUT_MS)', { delayMs: 2500, body: searchAlertAnswer([alertDocument()]) }, '⚠️ Alert details unavailable: BlueKing did not answer search_alert in time', 'failed_timeout'],
    ['garbage (a login page)', { headers: { 'Content-Type': 'text/html' }, body: '<html><title>Login</title></html>' }, 'a web page came back instead of search_alert data', 'failed_html_page'],
    ['garbage (JSON without an alert list)', { body: JSON.stringify({ result: true, code: 200, message: 'OK', data: { alerts: 'nope' } }) }, 'the search_alert answer was not a list of alerts', 'failed_bad_shape'],
  ])('still answers with the log, and one line saying why, when search_alert is %s', async (_name, reply, line, logged) => {
    await start({ alerts: { [ALERT_ID]: reply } }, { BK_TIMEOUT_MS: '1500' });
    const answer = await lookUp(ALERT_ID);
    // What the log proves instead: the severity it rose to, the state its records reach, the text it was created with.
    expect(answer.header).toBe('🟢 Fatal · Alert 164239028644167 · Recovered');
    expect(answer.verdict).toContain(line);
    expect(answer.all).toContain('正在扩容 web-03');
    expect(h.logs.find((entry) => entry.msg === 'lookup')).toMatchObject({ outcome: 'ok', alert: logged });
  });

  it('asks no search_alert with BK_ALERT_CONTEXT=off, and says nothing about it', async () => {
    await start({}, { BK_ALERT_CONTEXT: 'off' });
    const answer = await lookUp(ALERT_ID);
    expect(alertCalls()).toEqual([]);
    expect(answer.header).toBe('🟢 Fatal · Alert 164239028644167 · Recovered');
    expect(answer.all).not.toContain('Alert details unavailable');
  });

  it('says a storm of 20 notices with failed calls once: counts right, failures on top, no line twice, within a phone screen', async () => {
    await start({ logs: { [STORM_ID]: stormLog() }, actions: { [STORM_ID]: { body: searchActionAnswer(stormActions()) } }, alerts: { [STORM_ID]: ALERT({ id: STORM_ID, end_time: null }) } });
    const answer = await lookUp(STORM_ID);
    expect(answer.header).toBe('🔴 Fatal · CPU使用率告警 · 10.0.3.8 · Firing');
    expect(answer.text).toBe('🔴 Fatal · CPU使用率告警 · 10.0.3.8 · Firing — Paging failed: 20 of 20 pages (voice → lisi)');
    const verdict = answer.verdict.split('\n');
    expect(verdict[1]).toBe('🚨 *Paging failed:* 20 of 20 pages (voice → lisi)');
    expect(verdict[2]).toBe('🚨 *Webhook 推送值班系统 failed*');
    expect(verdict[3]).toBe('• connection refused');
    expect(verdict).toContain('not reached lisi (voice)');
    expect(verdict).toContain('💡 Fix the phone number of lisi in BlueKing user management');
    const lines = answer.blocks.flatMap((b) => [b.text, ...(b.elements ?? [])].flatMap((t) => (typeof t === 'object' && t !== null && 'text' in t && typeof t.text === 'string' ? t.text.split('\n') : [])));
    expect(lines.length).toBeLessThanOrEqual(MAX_MESSAGE_LINES);
    expect(lines.filter((line) => line.includes('已触发告警通知'))).toHaveLength(1);
    // The callout's notice heading, the notices' timeline row and the convergence rounds' row: each run said once.
    expect(lines.filter((line) => line.includes('×20'))).toHaveLength(3);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('leaves an old-generation event as it was: no search_alert call, the log’s own target and failures', async () => {
    await start({});
    const answer = await lookUp('5310');
    expect(alertCalls()).toEqual([]);
    expect(answer.header).toBe('⚪ Event 5310 · Closed');
    expect(answer.verdict).toContain('🚨 *2 of 4 notices failed*\n• 通知人为空 (no receivers)');
    expect(answer.all).not.toContain('Alert details unavailable');
  });
});

/** A new-generation alert firing since 2026-03-18 10:13 Asia/Shanghai, its notice repeated every 30 minutes. */
const STORM_ID = '177380000012345';
const STORM_START = 1773800000;
const EVERY_S = 1800;

function wallClock(epochSec: number): string {
  return new Date((epochSec + 8 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

function stormLog(): string {
  const record = (atSec: number, operate: string, message: string) => ({ status: 'SUCCESS', event_id: Number(STORM_ID), message, operate, extend_info: {}, create_time: wallClock(atSec) });
  const records = [
    record(STORM_START, 'CREATE', 'avg(CPU使用率) >= 90.0%, 当前值97.1%, 达到了触发告警条件（5周期内满足1次检测算法）'),
    record(STORM_START + 3, 'ACTION', 'HTTP回调任务【推送值班系统】处理失败，错误信息connection refused点击$查看任务详情$'),
    ...Array.from({ length: 20 }, (_, i) => record(STORM_START + 2 + i * EVERY_S, 'ACTION', '达到通知告警的执行条件【告警触发时】，已触发告警通知')),
    ...Array.from({ length: 20 }, (_, i) => record(STORM_START + 300 + i * EVERY_S, 'CONVERGE', `avg(CPU使用率) >= 90.0%, 当前值9${i % 10}.0%`)),
  ];
  records.sort((a, b) => b.create_time.localeCompare(a.create_time));
  return JSON.stringify({ result: true, code: 200, message: 'OK', data: records, request_id: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5' });
}

/** 20 notices, each one voice call to lisi that failed (the webhook failure is in the log only). */
function stormActions(): Array<Record<string, unknown>> {
  return Array.from({ length: 20 }, (_, i) => {
    const at = STORM_START + 2 + i * EVERY_S;
    const times = { create_time: at, update_time: at, end_time: at + 5, alert_id: [STORM_ID] };
    const rawId = 9000 + i * 10;
    return [
      { ...parent(rawId, 'failure'), ...times },
      { ...child({ rawId: rawId + 1, parent: rawId, way: 'voice', receiver: 'lisi', status: 'failure', message: CMSI_VOICE_FAILURE, label: '语音' }), ...times },
    ];
  }).flat();
}
