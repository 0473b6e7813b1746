import type { Lang } from '../../src/config';
import { parseSearchAlertResponse } from '../../src/bk/search-alert';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import { triageBlocks } from '../../src/render/triage-block';
import { renderEventLog } from '../../src/render/event-log-message';
import { summarize } from '../../src/eventlog/summary/summarize';
import { hostileLog } from './hostile-logs';
import { renderAckModal, renderShieldModal } from '../../src/render/triage-modal';
import { renderTriageOutcome } from '../../src/render/triage-reply';
import type { TriageOutcome } from '../../src/eventlog/triage/triage-types';
import { alertDocument, ALERT_ID, searchAlertAnswer } from '../fixtures/bk/search-alert';
import { messageText } from '../helpers/message-text';
import { checkMessageLimits, checkModalLimits } from '../helpers/check-limits';

const alert = (overrides: Record<string, unknown> = {}) =>
  parseSearchAlertResponse({ httpStatus: 200, headers: { get: () => null }, body: searchAlertAnswer([alertDocument(overrides)]) }, ALERT_ID)!;
const VIEW = { id: ALERT_ID, page: 0, variant: 'full' as const };
const STATE = { view: VIEW, channelId: 'C0INCIDENT', responseUrl: null, live: false, sharedBy: null, inChannel: true };
const LANGS: Lang[] = ['en', 'zh-CN'];
/** 2026-03-16 12:00 in Shanghai: the shield below ends the same day. */
const NOW_MS = Date.UTC(2026, 2, 16, 4, 0);

const OUTCOMES: TriageOutcome[] = [
  { kind: 'done', act: 'ack', bkUser: 'lisi', basis: 'assignee', alert: alert(), shield: null },
  { kind: 'done', act: 'shield', bkUser: 'lisi', basis: 'business', alert: alert(), shield: { id: '7001', endsAtMs: Date.UTC(2026, 2, 16, 5, 40) } },
  { kind: 'done', act: 'unshield', bkUser: 'lisi', basis: 'business', alert: alert(), shield: null },
  { kind: 'already', act: 'ack', by: '<!channel> &', alert: alert() },
  { kind: 'already', act: 'shield', by: '', alert: alert({ shield_left_time: '2h 5m' }) },
  { kind: 'not_open', act: 'ack', alert: alert({ status: 'CLOSED' }) },
  { kind: 'shield_gone', alert: alert() },
  { kind: 'unconfirmed', act: 'ack', alert: alert() },
  { kind: 'not_found', act: 'shield' },
  { kind: 'repeat', act: 'ack' },
  { kind: 'busy', act: 'ack' },
  { kind: 'refused', act: 'ack', refusal: { kind: 'service_identity' } },
  { kind: 'refused', act: 'ack', refusal: { kind: 'not_allowed', bkUser: 'mallory', bizId: 2 } },
  { kind: 'refused', act: 'ack', refusal: { kind: 'identity', why: 'other_domain' } },
  { kind: 'failed', act: 'shield', stage: 'write', bizId: 2, component: 'add_shield', error: new LookupError({ kind: 'user_permission', upstreamMessage: '当前用户无权限新增2业务屏蔽配置' }) },
  { kind: 'failed', act: 'ack', stage: 'verify', bizId: 2, component: 'search_alert', error: new LookupError({ kind: 'timeout' }) },
];

describe.each(LANGS)('triage surfaces (%s)', (lang) => {
  it('both modals stay within Slack\'s limits', () => {
    expect(checkModalLimits(renderAckModal(STATE, lang))).toEqual([]);
    expect(checkModalLimits(renderShieldModal(STATE, lang))).toEqual([]);
  });

  it.each(OUTCOMES.map((o) => [`${o.kind}${'act' in o ? ` ${o.act}` : ''}`, o] as const))('answers %s within the limits, markup escaped', (_name, outcome) => {
    const message = renderTriageOutcome(outcome, VIEW, { lang, timezone: 'Asia/Shanghai', nowMs: NOW_MS });
    expect(checkMessageLimits(message)).toEqual([]);
    expect(messageText(message)).not.toContain('<!channel>');
  });
});

describe("a shield's end in the answer", () => {
  const shielded = (endsAtMs: number): string =>
    messageText(renderTriageOutcome({ ...OUTCOMES[1], shield: { id: '7001', endsAtMs } } as TriageOutcome, VIEW, { lang: 'en', timezone: 'Asia/Shanghai', nowMs: NOW_MS }));

  it('is written as a date token whose fallback has no year or offset the reader already has', () => {
    expect(shielded(Date.UTC(2026, 2, 16, 5, 40))).toContain('|03-16 13:40>');
  });

  it('names the year when the shield ends in another one', () => {
    expect(shielded(Date.UTC(2027, 0, 2, 1, 0))).toContain('|2027-01-02 09:00>');
  });
});

describe('triage blocks under an answer', () => {
  const opts = { lang: 'zh-CN' as const, timezone: 'Asia/Shanghai' };

  it('offers 确认 / 屏蔽 on an open alert, who acked once acked, nothing once recovered', () => {
    expect(messageText({ blocks: triageBlocks(alert(), VIEW, null, opts) })).toBe('确认\n屏蔽');
    expect(messageText({ blocks: triageBlocks(alert({ is_ack: true, ack_operator: 'lisi' }), VIEW, null, opts) })).toBe('✅ 已由 lisi 确认');
    expect(triageBlocks(alert({ status: 'RECOVERED' }), VIEW, null, opts)).toEqual([]);
  });

  it('offers nothing when the view names another alert than BlueKing described', () => {
    expect(triageBlocks(alert(), { ...VIEW, id: '164239999900001' }, null, opts)).toEqual([]);
  });
});

describe('an answer with the triage part stays within every Slack limit', () => {
  it.each([100, 1000])('%d hostile records, open or acked and shielded by hostile names', (count) => {
    const summary = summarize(hostileLog(count, 10_000), Date.parse('2020-02-01T00:00:00Z'));
    const long = `<!here> ${'维'.repeat(5_000)}`;
    for (const triage of [alert({ id: summary.id }), alert({ id: summary.id, is_ack: true, ack_operator: long, is_shielded: true, shield_left_time: long })]) {
      for (const variant of ['full', 'compact'] as const) {
        const message = renderEventLog(summary, { lang: 'zh-CN', timezone: 'Asia/Shanghai', monitorUrl: 'https://paas.example.com/o/bk_monitorv3', variant, page: 0, withActions: true, sharedBy: 'U024BE7LH', triage });
        expect(checkMessageLimits(message)).toEqual([]);
        expect(messageText(message)).toMatch(triage.isAck ? /已由/ : /确认\n屏蔽/);
      }
    }
  });
});
