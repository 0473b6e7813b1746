import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertDocument, ALERT_ID } from '../fixtures/bk/search-alert';
import { startHarness, type Harness } from '../helpers/app-harness';
import { logLines, messageText } from '../helpers/message-text';
import { buttonOf } from '../helpers/sent-messages';
import { promSample } from '../helpers/prometheus-text';
import { linkShared } from '../helpers/slack-payloads';
import { componentOf, startTriageEsb, usernameOf, type TriageEsb } from '../helpers/triage-esb';
import { answersTo, noteInput, openedModal, press, shieldInputs, submitModal, waitForAnswers, type SlackPerson } from '../helpers/triage-clicks';
import { waitFor } from '../helpers/wait-for';

/**
 * Acting on an alert from Slack, end to end: the real app on a real port with
 * signature checks, a stateful fake ESB in BlueKing's real shapes, and the
 * rule of who may act decided from BlueKing's data at the moment of the act.
 */

const LISI: SlackPerson = { id: 'U0ALICE', name: 'alice' }; // BlueKing lisi: the alert's assignee
const BOB: SlackPerson = { id: 'U0BOB', name: 'bob' }; // BlueKing bob: view_event_v2 on business 2
const MALLORY: SlackPerson = { id: 'U0MALLORY', name: 'mallory' }; // BlueKing mallory: nothing to do with it
const USER_MAP = { U0ALICE: 'lisi', U0BOB: 'bob', U0MALLORY: 'mallory' };
// 2026-03-16 10:40:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 2, 16, 2, 40, 0);
const VALUE = `${ALERT_ID}:0:full`;
const ACK = 'eventlog_triage_ack';
const SHIELD = 'eventlog_triage_shield';

function userMapFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'eventlog-triage-')), 'users.json');
  writeFileSync(path, JSON.stringify(USER_MAP));
  return path;
}

describe('acting on an alert from Slack', () => {
  let h: Harness;
  let bk: TriageEsb;

  beforeEach(async () => {
    h = await startHarness({ BK_IDENTITY: 'map', BK_USER_MAP_FILE: userMapFile(), BK_TIMEZONE: 'Asia/Shanghai', LOG_LEVEL: 'info' }, { now: () => NOW });
    bk = startTriageEsb();
    bk.businesses.set('bob', [2, 5]);
    bk.businesses.set('mallory', [7]);
    h.esb.setFallback(bk.handler);
  });

  afterEach(async () => {
    await h?.close();
  });

  /** Press Acknowledge as `who`, submit the modal with `note`; resolves with the click's answers (private, then the redraw). */
  async function ack(who: SlackPerson, note: string, modals: number, answers: number, value = VALUE): Promise<Array<Record<string, unknown>>> {
    const click = await press(h, ACK, value, who);
    const modal = await openedModal(h, modals);
    expect((await submitModal(h, modal, who, noteInput(note))).status).toBe(200);
    return waitForAnswers(h, click, answers);
  }

  const writes = () => bk.writes();
  const triageLines = () => h.logs.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('triage.'));

  it('the assignee acks with a note: one ack_event as lisi with the exact body, read back, told, the answer redrawn', async () => {
    const [told, redrawn] = await ack(LISI, '正在扩容 web-03', 1, 2);
    expect(writes()).toEqual([{ component: 'ack_event', username: 'lisi', body: { bk_biz_id: 2, id: Number(ALERT_ID), message: '正在扩容 web-03' } }]);
    expect(told).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(messageText(told)).toContain(`Alert ${ALERT_ID} acknowledged by you (lisi) in BlueKing.`);
    expect(redrawn).toMatchObject({ replace_original: true });
    expect(messageText(redrawn)).toContain('Acknowledged by lisi via Slack');
    // The modal: the right callback, an optional note, and the alert it names.
    const modal = (await openedModal(h, 1)) as { callback_id: string; blocks: Array<{ optional?: boolean }> };
    expect(modal.callback_id).toBe(ACK);
    expect(modal.blocks.some((b) => b.optional === true)).toBe(true);
    // Every BlueKing call of the act ran as lisi; lisi is an owner, so IAM was not asked.
    const calls = h.esb.requests.filter((r) => ['search_alert', 'ack_event', 'business_list_by_actions'].includes(componentOf(r)));
    expect(calls.map(usernameOf)).toEqual(calls.map(() => 'lisi'));
    expect(calls.map(componentOf)).toEqual(['search_alert', 'ack_event', 'search_alert', ...calls.slice(3).map(componentOf)]);
    expect(logLines(h.logs, 'triage.ack')).toEqual([
      expect.objectContaining({ slack_user: 'U0ALICE', bk_user: 'lisi', alert_id: ALERT_ID, biz_id: 2, result: 'done', reason: 'assignee' }),
    ]);
  });

  it('acks with no note: the message is empty, as BlueKing takes it', async () => {
    await ack(LISI, '', 1, 2);
    expect(writes()).toEqual([{ component: 'ack_event', username: 'lisi', body: { bk_biz_id: 2, id: Number(ALERT_ID), message: '' } }]);
  });

  it('offers Acknowledge and Shield under an open alert\'s answer; once acked, who acked and when instead', async () => {
    await h.postCommand(ALERT_ID);
    const [delivered] = await h.responses.waitForRequests(1);
    const answer = JSON.parse(delivered.body) as Record<string, unknown>;
    expect(buttonOf(answer, SHIELD)?.value).toBe(VALUE);
    const button = buttonOf(answer, ACK);
    expect(button?.value).toBe(VALUE);
    const [, redrawn] = await ack(LISI, '', 1, 2, button!.value!);
    expect(buttonOf(redrawn, ACK)).toBeUndefined();
    expect(buttonOf(redrawn, SHIELD)).toBeUndefined();
    expect(messageText(redrawn)).toMatch(/Acknowledged by lisi at <!date\^\d+\^/);
  });

  it('offers Acknowledge and Shield on the unfurl of an open alert\'s link', async () => {
    await h.close();
    h = await startHarness({ BK_IDENTITY: 'map', BK_USER_MAP_FILE: userMapFile(), BK_MONITOR_URL: 'https://paas.example.com/o/bk_monitorv3', LOG_LEVEL: 'info' });
    h.esb.setFallback(bk.handler);
    const link = `https://paas.example.com/o/bk_monitorv3/#/event-center?alertId=${ALERT_ID}&specEvent=1`;
    await h.postEvent(linkShared([link]));
    const [call] = await h.slack.waitForCall('chat.unfurl');
    const unfurl = (call!.unfurls as Record<string, Record<string, unknown>>)[link]!;
    expect(buttonOf(unfurl, ACK)?.value).toBe(`${ALERT_ID}:0:compact`);
    expect(buttonOf(unfurl, SHIELD)).toBeDefined();
  });

  it('offers nothing to act on for a recovered alert', async () => {
    bk.alert.status = 'RECOVERED';
    await h.postCommand(ALERT_ID);
    const [delivered] = await h.responses.waitForRequests(1);
    expect(buttonOf(JSON.parse(delivered.body) as Record<string, unknown>, ACK)).toBeUndefined();
  });

  it('a user holding view_event_v2 on the business acks (IAM asked as that user)', async () => {
    const [told] = await ack(BOB, '', 1, 2);
    expect(messageText(told)).toContain('acknowledged by you (bob)');
    expect(writes()).toEqual([{ component: 'ack_event', username: 'bob', body: { bk_biz_id: 2, id: Number(ALERT_ID), message: '' } }]);
    const iam = h.esb.requests.filter((r) => componentOf(r) === 'business_list_by_actions');
    expect(iam.map((r) => JSON.parse(r.body))).toEqual([{ username: 'bob', action_ids: ['view_event_v2'] }]);
    expect(logLines(h.logs, 'triage.ack')).toEqual([expect.objectContaining({ bk_user: 'bob', result: 'done', reason: 'business' })]);
  });

  it('refuses a stranger with the reason, and writes nothing', async () => {
    const [told, more] = await ack(MALLORY, 'mine now', 1, 1);
    expect(more).toBeUndefined();
    expect(messageText(told)).toContain('You cannot act on this alert from Slack');
    expect(messageText(told)).toContain('BlueKing user mallory is not an assignee, appointee or supervisor of this alert');
    expect(messageText(told)).toContain('business 2');
    expect(writes()).toEqual([]);
    expect(bk.alert.is_ack).toBe(false);
    expect(logLines(h.logs, 'triage.refused')).toEqual([
      expect.objectContaining({ act: 'ack', slack_user: 'U0MALLORY', bk_user: 'mallory', alert_id: ALERT_ID, result: 'refused', reason: 'not_allowed' }),
    ]);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(promSample(metrics, 'eventlog_triage_acts_total', { act: 'ack', result: 'refused' })).toBe(1);
    expect(promSample(metrics, 'eventlog_triage_acts_total', { act: 'ack', result: 'done' })).toBe(0);
  });

  it('a follower is not an owner: refused like anyone without the business', async () => {
    bk.alert.follower = ['mallory'];
    const [told] = await ack(MALLORY, '', 1, 1);
    expect(messageText(told)).toContain('You cannot act on this alert from Slack');
    expect(writes()).toEqual([]);
  });

  it('a second ack is told who acked, and writes nothing', async () => {
    await ack(LISI, 'on it', 1, 2);
    const [told] = await ack(BOB, 'me too', 2, 2);
    expect(messageText(told)).toContain(`Alert ${ALERT_ID} was already acknowledged by lisi. Nothing was changed.`);
    expect(writes().map((w) => w.username)).toEqual(['lisi']);
    expect(logLines(h.logs, 'triage.ack').map((l) => [l.bk_user, l.result, l.reason])).toEqual([
      ['lisi', 'done', 'assignee'],
      ['bob', 'already', 'by lisi'],
    ]);
  });

  it('two people acking at once write once; the other is told who acked', async () => {
    const [lisiClick, bobClick] = [await press(h, ACK, VALUE, LISI), await press(h, ACK, VALUE, BOB)];
    const [lisiModal, bobModal] = [await openedModal(h, 1), await openedModal(h, 2)];
    await Promise.all([submitModal(h, lisiModal, LISI, noteInput('a')), submitModal(h, bobModal, BOB, noteInput('b'))]);
    const [lisiTold] = await waitForAnswers(h, lisiClick, 2);
    const [bobTold] = await waitForAnswers(h, bobClick, 2);
    expect(writes()).toHaveLength(1);
    const winner = writes()[0]!.username;
    const loser = winner === 'lisi' ? bobTold : lisiTold;
    expect(messageText(loser)).toContain(`already acknowledged by ${winner}`);
  });

  it('a replayed submission (the same view) writes nothing new', async () => {
    const click = await press(h, ACK, VALUE, LISI);
    const modal = await openedModal(h, 1);
    await submitModal(h, modal, LISI, noteInput('once'), 'V0REPLAYED');
    await waitForAnswers(h, click, 2);
    // The same view again in a request that is not byte for byte the same (the HTTP replay check passes it): the act's own key stops it.
    await submitModal(h, modal, LISI, noteInput('once'), 'V0REPLAYED', 'again.trigger');
    const answers = await waitForAnswers(h, click, 3);
    expect(messageText(answers[2])).toContain('This was already submitted; nothing more was done.');
    expect(writes()).toHaveLength(1);
  });

  it('shields for 3 h with the exact body (times 3 h apart in BK_TIMEZONE), then lifts the shield', async () => {
    const click = await press(h, SHIELD, VALUE, LISI);
    const modal = await openedModal(h, 1);
    expect(modal.callback_id).toBe(SHIELD);
    await submitModal(h, modal, LISI, shieldInputs(180, 'change'));
    const [told] = await waitForAnswers(h, click, 2);
    expect(writes()).toEqual([
      {
        component: 'add_shield',
        username: 'lisi',
        body: {
          bk_biz_id: 2,
          category: 'alert',
          dimension_config: { alert_id: ALERT_ID },
          begin_time: '2026-03-16 10:40:00',
          end_time: '2026-03-16 13:40:00',
          cycle_config: { type: 1, begin_time: '', end_time: '', day_list: [], week_list: [] },
          shield_notice: false,
          description: '变更中（Slack U0ALICE / lisi）',
          verify_user_permission: true,
        },
      },
    ]);
    const said = messageText(told);
    expect(said).toContain(`Alert ${ALERT_ID} shielded until <!date^${NOW / 1000 + 3 * 3600}^`);
    // The fallback leaves out the year and the offset the reader already has.
    expect(said).toContain('|03-16 13:40>');
    expect(said).not.toContain('+08:00');
    expect(said).toContain('New alerts of this strategy with the same dimensions are shielded too until then.');
    const lift = buttonOf(told, 'eventlog_triage_unshield');
    expect(lift?.value).toBe(`7001@${VALUE}`);
    expect(logLines(h.logs, 'triage.shield')).toEqual([expect.objectContaining({ bk_user: 'lisi', result: 'done', shield_id: '7001', shield_minutes: 180 })]);

    const liftClick = await press(h, 'eventlog_triage_unshield', lift!.value!, LISI);
    const [lifted] = await waitForAnswers(h, liftClick, 1);
    expect(messageText(lifted)).toContain(`The shield on alert ${ALERT_ID} is lifted`);
    expect(writes()[1]).toEqual({ component: 'disable_shield', username: 'lisi', body: { id: [7001], bk_biz_id: 2, verify_user_permission: true } });
    expect(bk.alert.is_shielded).toBe(false);
    expect(logLines(h.logs, 'triage.unshield')).toEqual([expect.objectContaining({ bk_user: 'lisi', result: 'done', shield_id: '7001' })]);
  });

  it('says plainly when BlueKing IAM refuses the shield, and claims nothing', async () => {
    bk.refuseNextShield('当前用户无权限新增2业务屏蔽配置');
    const click = await press(h, SHIELD, VALUE, LISI);
    await submitModal(h, await openedModal(h, 1), LISI, shieldInputs(60, 'known'));
    const [told, more] = await waitForAnswers(h, click, 1);
    expect(more).toBeUndefined();
    const said = messageText(told);
    expect(said).toContain('Could not shield the alert');
    expect(said).toContain('当前用户无权限新增2业务屏蔽配置');
    expect(said).not.toContain('shielded until');
    expect(bk.alert.is_shielded).toBe(false);
    expect(logLines(h.logs, 'triage.shield')).toEqual([expect.objectContaining({ result: 'failed', reason: 'write_user_permission' })]);
  });

  it('names the component when the app may not call ack_event, not the lookup\'s get_event_log', async () => {
    h.esb.setFallback((request) =>
      componentOf(request) === 'ack_event'
        ? { status: 200, body: JSON.stringify({ result: false, code: 1306403, message: 'App has no permission to the component', data: null, request_id: 'aa11aa11aa11aa11aa11aa11aa11aa11' }) }
        : bk.handler(request),
    );
    const [told, more] = await ack(LISI, '', 1, 1);
    expect(more).toBeUndefined();
    const said = messageText(told);
    expect(said).toContain('Could not acknowledge the alert');
    expect(said).toContain('BlueKing says this app may not call monitor_v3 ack_event.');
    expect(said).not.toContain('get_event_log API');
    expect(said).toContain('code 1306403 · request aa11aa11aa11aa11aa11aa11aa11aa11');
    expect(bk.alert.is_ack).toBe(false);
    expect(logLines(h.logs, 'triage.ack')).toEqual([expect.objectContaining({ result: 'failed', reason: 'write_app_permission' })]);
  });

  it('judges a forged button value on the alert it names, not the message it sat on', async () => {
    const other = '164239999900001';
    bk.others.set(other, alertDocument({ id: other, bk_biz_id: 9, assignee: ['someone'], appointee: [], supervisor: [] }));
    const [told] = await ack(LISI, 'sneaky', 1, 1, `${other}:0:full`);
    expect(messageText(told)).toContain('BlueKing user lisi is not an assignee, appointee or supervisor of this alert');
    expect(messageText(told)).toContain('business 9');
    expect(writes()).toEqual([]);
    expect(logLines(h.logs, 'triage.refused')).toEqual([expect.objectContaining({ alert_id: other, biz_id: 9, reason: 'not_allowed' })]);
  });

  it('tells who acked and when the alert is no longer open', async () => {
    bk.alert.status = 'RECOVERED';
    const [told] = await ack(LISI, '', 1, 2);
    expect(messageText(told)).toContain(`Alert ${ALERT_ID} is no longer open (recovered). Nothing was changed.`);
    expect(writes()).toEqual([]);
  });

  it('keeps every triage line free of secrets and of the note', async () => {
    await ack(LISI, 'a private note', 1, 2);
    const text = JSON.stringify(triageLines());
    expect(text).not.toContain('a private note');
    expect(h.logLines.join('\n')).not.toContain('bk-app-secret-7d41e9c2');
  });
});

describe('acting with the shared service account', () => {
  let h: Harness;

  afterEach(async () => {
    await h?.close();
  });

  it('refuses a crafted click with how to turn per-user identity on, asking BlueKing nothing', async () => {
    h = await startHarness({ LOG_LEVEL: 'info' });
    const bk = startTriageEsb();
    h.esb.setFallback(bk.handler);
    const click = await press(h, ACK, VALUE, LISI);
    const [told] = await waitForAnswers(h, click, 1);
    const said = messageText(told);
    expect(said).toContain('You cannot act on this alert from Slack');
    expect(said).toContain('BK_IDENTITY=email (with BK_EMAIL_DOMAINS) or BK_IDENTITY=map');
    expect(h.slack.calls('views.open')).toHaveLength(0);
    expect(h.esb.requests).toHaveLength(0);
    // Nor are the buttons offered: the answer of the same open alert has none.
    await h.postCommand(ALERT_ID);
    await h.responses.waitForRequests(2);
    const answer = h.responseBodies().find((b) => buttonOf(b, 'eventlog_refresh') !== undefined);
    expect(answer).toBeDefined();
    expect(buttonOf(answer!, ACK)).toBeUndefined();
    expect(logLines(h.logs, 'triage.refused')).toEqual([
      expect.objectContaining({ act: 'ack', slack_user: 'U0ALICE', bk_user: null, alert_id: ALERT_ID, result: 'refused', reason: 'service_identity' }),
    ]);
  });
});

describe('acting with email identity', () => {
  let h: Harness;

  afterEach(async () => {
    await h?.close();
  });

  it('acts as the local part of an address on BK_EMAIL_DOMAINS; refuses a borrowed one (admin@partner.example), writing nothing', async () => {
    h = await startHarness({ BK_IDENTITY: 'email', BK_EMAIL_DOMAINS: 'corp.example', LOG_LEVEL: 'info' });
    const bk = startTriageEsb({ assignee: ['admin', 'lisi'] });
    h.esb.setFallback(bk.handler);
    const emails: Record<string, string> = { U0ALICE: 'lisi@corp.example', U0MALLORY: 'admin@partner.example' };
    h.slack.reply('users.info', (args) => ({ body: { ok: true, user: { id: args.user, team_id: 'T0001', profile: { email: emails[String(args.user)] } } } }));

    const refused = await press(h, ACK, VALUE, MALLORY);
    await submitModal(h, await openedModal(h, 1), MALLORY, noteInput(''));
    const [told] = await waitForAnswers(h, refused, 1);
    expect(messageText(told)).toContain('Your Slack email is not on a domain the bot takes as BlueKing accounts');
    expect(bk.writes()).toEqual([]);
    expect(logLines(h.logs, 'triage.refused')).toEqual([expect.objectContaining({ slack_user: 'U0MALLORY', bk_user: null, reason: 'identity_other_domain' })]);

    const click = await press(h, ACK, VALUE, LISI);
    await submitModal(h, await openedModal(h, 2), LISI, noteInput(''));
    await waitForAnswers(h, click, 2);
    expect(bk.writes()).toEqual([{ component: 'ack_event', username: 'lisi', body: { bk_biz_id: 2, id: Number(ALERT_ID), message: '' } }]);
  });
});

describe('acting on a watched alert', () => {
  let h: Harness;

  afterEach(async () => {
    await h?.close();
  });

  it('the watching message offers the buttons; an ack from it leaves the message to the watch, which posts its usual thread line', async () => {
    h = await startHarness({ BK_IDENTITY: 'map', BK_USER_MAP_FILE: userMapFile(), WATCH_INTERVAL_MS: '1000', LOG_LEVEL: 'info' });
    const bk = startTriageEsb();
    h.esb.setFallback(bk.handler);
    h.slack.reply('chat.postMessage', (args, i) => ({ body: { ok: true, channel: args.channel, ts: `1717400000.${String(i + 1).padStart(6, '0')}` } }));
    await h.postCommand(`${ALERT_ID} watch`);
    const [live] = await h.slack.waitForCall('chat.postMessage');
    const button = buttonOf(live!, ACK);
    expect(button?.value).toBe(VALUE);

    const click = await press(h, ACK, button!.value!, LISI, live!.blocks as unknown[]);
    await submitModal(h, await openedModal(h, 1), LISI, noteInput('on it'));
    const [told] = await waitForAnswers(h, click, 1);
    expect(messageText(told)).toContain('acknowledged by you (lisi)');
    const threadLines = () => h.slack.calls('chat.postMessage').filter((c) => typeof c.thread_ts === 'string');
    const [line] = await waitFor(threadLines, 1, 8000);
    expect(String(line!.text)).toContain('acknowledged by lisi');
    // The live message is the watch's to redraw: the act replaced nothing through the click.
    expect(answersTo(h, click)).toHaveLength(1);
    const [update] = await h.slack.waitForCall('chat.update');
    expect(buttonOf(update!, ACK)).toBeUndefined();
  });
});
