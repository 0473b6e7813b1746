import type { Lang } from '../../src/config';
import { startHarness, type Harness } from '../helpers/app-harness';
import { answerByEventId, probeLog } from '../helpers/esb-answers';
import { layoutProblems, pushTextProblems, timelineLinesOf, visibleLength, MAX_PUSH_TEXT, type PushExpectation } from '../helpers/phone-rules';
import { chatMessage, messageAction } from '../helpers/slack-payloads';
import { sentLimitProblems } from '../helpers/sent-messages';
import { waitFor } from '../helpers/wait-for';

/**
 * What a triager on a phone sees: every log the running app sends, as a full
 * /eventlog answer and as a compact thread reply, checked against the phone
 * rules in test/helpers/phone-rules.ts.
 */

const PROBE_ID = '7001';
/** An old-generation log whose every text runs long: a 20-digit ID, a long operator name, long upstream messages. */
const LONG_ID = '98765432109876543210';
/** The same, acknowledged as late as a duration's longest wording allows ("23 h 58 min"). */
const LATE_ACK_ID = '98765432109876543211';
/** The app's clock: 23 h 59 min after the long-winded logs began (2024-01-01 10:00 Asia/Shanghai). */
const NOW = Date.UTC(2024, 0, 2, 1, 59, 0);

function longWindedLog(ackTime: string): string {
  const eventId = 'd751713988987e9331980363e24189ce.1704074400.88.118.1';
  const record = (operate: string, status: string, message: string, time: string, extendInfo: object = {}) => ({
    status,
    event_id: eventId,
    message,
    operate,
    extend_info: extendInfo,
    create_time: time.includes(' ') ? time : `2024-01-01 ${time}`,
  });
  return JSON.stringify({
    result: true,
    code: 0,
    message: 'OK',
    request_id: 'c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8',
    data: [
      record('CREATE', 'SUCCESS', `【主机】CPU总使用率 >= 95.0%，当前值 98.3%，${'维度 bk_target_ip=10.0.5.17 '.repeat(3)}`, '10:00:00'),
      record('ANOMALY_NOTICE', 'FAILED', `企业微信机器人回调失败：${'connection timed out while sending to webhook '.repeat(4)}`, '10:01:00', { action: {} }),
      record('ACK', '', 'an_unusually_long_operator_username_from_sso.example', ackTime, { message: 'looking into it '.repeat(12) }),
    ],
  });
}

interface Case {
  id: string;
  push: Readonly<Record<Lang, PushExpectation>>;
}

const CASES: readonly Case[] = [
  {
    id: '5310',
    push: {
      en: { opensWith: '⚪ Event 5310 · Closed', failedNotices: '2 of 4 notices failed: 通知人为空 (no receivers)' },
      'zh-CN': { opensWith: '⚪ 事件 5310 · 已关闭', failedNotices: '通知 4 条，失败 2 条：通知人为空' },
    },
  },
  {
    id: '164239028644167',
    push: {
      en: { opensWith: '🟢 Fatal · CPU使用率告警 · 10.0.3.8 · Recovered', failedNotices: null },
      'zh-CN': { opensWith: '🟢 致命 · CPU使用率告警 · 10.0.3.8 · 已恢复', failedNotices: null },
    },
  },
  {
    id: '1',
    push: {
      en: { opensWith: '🔴 Event 1 · Firing', failedNotices: 'Nobody was paged: every notice found 通知人为空 (no receivers)' },
      'zh-CN': { opensWith: '🔴 事件 1 · 未恢复', failedNotices: '没有通知任何人：每条通知都是通知人为空' },
    },
  },
  {
    id: PROBE_ID,
    push: {
      en: { opensWith: '🔴 Event 7001 · Firing', failedNotices: null },
      'zh-CN': { opensWith: '🔴 事件 7001 · 未恢复', failedNotices: null },
    },
  },
];

describe.each<Lang>(['en', 'zh-CN'])('made for phones (%s), over real HTTP', (lang) => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ BOT_LANG: lang }, { now: () => NOW });
    h.esb.setFallback(
      answerByEventId({ [PROBE_ID]: probeLog(60), [LONG_ID]: longWindedLog('10:05:00'), [LATE_ACK_ID]: longWindedLog('2024-01-02 09:58:00') }),
    );
  });

  afterEach(async () => {
    try {
      expect(sentLimitProblems(h)).toEqual([]);
    } finally {
      await h.close();
    }
  });

  /** The full answer (/eventlog) and the compact thread reply (shortcut) for `id`. */
  async function bothVariants(id: string): Promise<{ full: Record<string, unknown>; compact: Record<string, unknown> }> {
    await h.postCommand(id);
    const [full] = await waitFor(() => h.responseBodies(), 1);
    await h.postInteraction(messageAction(chatMessage({ ts: '1704074500.000100', text: `告警ID: ${id}` }), `${h.responses.url}/shortcut`));
    const [compact] = await h.slack.waitForCall('chat.postMessage');
    return { full, compact };
  }

  it.each(CASES)('puts the verdict first, keeps lines short and the push text to the point for event $id', async ({ id, push }) => {
    const { full, compact } = await bothVariants(id);
    for (const message of [full, compact]) {
      expect(layoutProblems(message)).toEqual([]);
      expect(pushTextProblems(message, push[lang])).toEqual([]);
    }
  });

  it.each(CASES)('answers in threads with a compact variant: fewer blocks, fewer records, no footer, for event $id', async ({ id }) => {
    const { full, compact } = await bothVariants(id);
    const fullBlocks = full.blocks as Array<{ type: string }>;
    const compactBlocks = compact.blocks as Array<{ type: string }>;
    expect(compactBlocks.length).toBeLessThan(fullBlocks.length);
    expect(timelineLinesOf(compact).length).toBeLessThanOrEqual(timelineLinesOf(full).length);
    // The footer (event/request IDs) is the only context after the timeline in the full answer; the thread reply leaves it out.
    const lastDivider = (blocks: Array<{ type: string }>) => blocks.map((b) => b.type).lastIndexOf('divider');
    expect(compactBlocks.slice(lastDivider(compactBlocks)).some((b) => b.type === 'context')).toBe(false);
    expect(fullBlocks.slice(lastDivider(fullBlocks)).some((b) => b.type === 'context')).toBe(true);
  });

  it('shows a long log in a thread as 10 records at most, first and newest', async () => {
    const { compact } = await bothVariants(PROBE_ID);
    const records = timelineLinesOf(compact).filter((line) => /probe \d{4}/.test(line));
    expect(records.map((line) => /probe (\d{4})/.exec(line)?.[1])).toEqual(['0001', '0052', '0053', '0054', '0055', '0056', '0057', '0058', '0059', '0060']);
  });

  /** The push text of both variants of `id`. */
  async function pushTexts(id: string): Promise<string[]> {
    const { full, compact } = await bothVariants(id);
    return [String(full.text), String(compact.text)];
  }

  it('keeps the push text within 200 characters when its parts run long', async () => {
    for (const text of await pushTexts(LONG_ID)) {
      expect([...text].length).toBeLessThanOrEqual(MAX_PUSH_TEXT);
      expect(text).toBe(
        lang === 'en'
          ? '🟠 Alert 98765432109876543210 · Acknowledged — 1 of 1 notice failed: 企业微信机器人回调失败：connection timed out while sending to webhook c…'
          : '🟠 告警 98765432109876543210 · 已确认——1 条通知失败：企业微信机器人回调失败：connection timed out while sending to webhook c…',
      );
    }
  });

  // Known renderer issue (reported): the push text is never cut (RENDER_BUDGET.pushText is unused), so at its
  // longest (20-digit ID, "23 h 58 min", a 40-character name, a 60-character reason) it passes 200 characters in English.
  // Marked as failing; once src/render/verdict.ts bounds it, turn `it.failing` into `it`.
  it('keeps the push text within 200 characters at its longest', async () => {
    for (const text of await pushTexts(LATE_ACK_ID)) expect([...text].length).toBeLessThanOrEqual(MAX_PUSH_TEXT);
  });

  // Known renderer issue (reported): a timeline line is cut at 280 characters of markup, about 250 visible,
  // so a long upstream message wraps into 4–5 lines on a phone. This test fails today and is marked so;
  // once src/render/timeline.ts cuts lines to what a phone shows, turn `it.failing` into `it`.
  it('cuts timeline lines with long upstream messages to 160 visible characters', async () => {
    const { full, compact } = await bothVariants(LONG_ID);
    for (const message of [full, compact]) {
      expect(Math.max(...timelineLinesOf(message).map(visibleLength))).toBeLessThanOrEqual(160);
    }
  });
});
