import type { ActionRecord } from '../../src/eventlog/model/action-record';
import { summarizeDeliveries } from '../../src/eventlog/deliveries/deliveries';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import { summarize } from '../../src/eventlog/summary/summarize';
import { renderEventLog } from '../../src/render/event-log-message';
import type { RenderOptions } from '../../src/render/types';
import { renderFullLogModal } from '../../src/render/modal-view';
import { checkMessageLimits, checkModalLimits } from '../helpers/check-limits';
import { hostileLog } from './hostile-logs';

/** Per-receiver results from a hostile BlueKing: many notices, long and hostile reasons and names; the message must still fit. */

const EVIL = '<!channel> <@U999> *bold* `code` & <https://evil.example|click> ';

function action(rawId: number, over: Partial<ActionRecord>): ActionRecord {
  return {
    id: `1642390288${rawId}`,
    rawId,
    parentRawId: 0,
    isParent: false,
    pluginType: 'notice',
    actionName: EVIL.repeat(20),
    signal: 'abnormal',
    signalDisplay: EVIL.repeat(10),
    status: 'failure',
    failureType: 'execute_failure',
    reason: `请求系统'cmsi'错误，返回消息: {'message': '${EVIL.repeat(200)}'}，请求URL: send_voice_msg`,
    noticeWay: 'voice',
    wayLabel: EVIL,
    receivers: Array.from({ length: 50 }, (_, i) => `${EVIL}${i}`),
    createdAtMs: 1642390288000 + rawId * 1000,
    endedAtMs: null,
    executeTimes: 1,
    ...over,
  };
}

function hostileActions(notices: number): ActionRecord[] {
  const actions: ActionRecord[] = [];
  for (let n = 0; n < notices; n++) {
    const parent = 10_000 + n * 100;
    actions.push(action(parent, { isParent: true, status: 'partial_failure' }));
    for (let c = 1; c <= 20; c++) actions.push(action(parent + c, { parentRawId: parent, noticeWay: c % 2 ? 'voice' : 'weird|way' }));
    actions.push(action(parent + 50, { pluginType: 'webhook' }));
  }
  return actions;
}

function options(variant: RenderOptions['variant'], lang: RenderOptions['lang']): RenderOptions {
  return { lang, timezone: 'Asia/Shanghai', monitorUrl: 'https://paas.example.com/o/bk_monitorv3', variant, page: 0, withActions: true, sharedBy: null };
}

describe('per-receiver results stay within every Slack limit, escaped', () => {
  const report = summarizeDeliveries({ actions: hostileActions(60), total: 20_000, unreadable: 7, requestId: null });

  it.each([
    ['full', 'en'],
    ['full', 'zh-CN'],
    ['compact', 'en'],
    ['compact', 'zh-CN'],
  ] as const)('%s, %s, beside a hostile log of 1,000 records', (variant, lang) => {
    const summary = summarize(hostileLog(1000, 1_000), Date.parse('2020-02-01T00:00:00Z'), { kind: 'present', report });
    const message = renderEventLog(summary, options(variant, lang));
    expect(checkMessageLimits(message)).toEqual([]);
    expect(message.text.length).toBeLessThanOrEqual(300);
  });

  it('keeps the fallback line within limits whatever BlueKing said', () => {
    const error = new LookupError({ kind: 'api_error', code: EVIL.repeat(30), upstreamMessage: EVIL.repeat(300) });
    const summary = summarize(hostileLog(100, 10_000), 0, { kind: 'absent', absence: { kind: 'failed', error } });
    expect(checkMessageLimits(renderEventLog(summary, options('full', 'en')))).toEqual([]);
  });

  it('quotes BlueKing’s full failure texts in the Full log modal, within the modal’s limits', () => {
    const summary = summarize(hostileLog(1000, 1_000), Date.parse('2020-02-01T00:00:00Z'), { kind: 'present', report });
    const view = renderFullLogModal(summary, options('full', 'en'), { id: '164239028644167', page: 0, filter: 'all', channelId: null });
    expect(checkModalLimits(view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).toContain("BlueKing's full texts");
    expect(JSON.stringify(view.blocks)).toContain("请求系统'cmsi'错误");
  });
});
