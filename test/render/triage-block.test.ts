import { parseSearchAlertResponse } from '../../src/bk/search-alert';
import type { AlertContext } from '../../src/eventlog/model/alert-context';
import { triageBlocks } from '../../src/render/triage-block';
import { ALERT_ID, alertDocument, searchAlertAnswer } from '../fixtures/bk/search-alert';

const ZONE = 'Asia/Shanghai';
/** 2026-03-16 10:52 in Shanghai: when lisi acked. */
const ACKED_AT = Date.parse('2026-03-16T02:52:00Z');

function alert(fields: Record<string, unknown>): AlertContext {
  const found = parseSearchAlertResponse({ httpStatus: 200, headers: { get: () => null }, body: searchAlertAnswer([alertDocument(fields)]) }, ALERT_ID);
  if (found === null) throw new Error('fixture alert not found');
  return found;
}

const view = { id: ALERT_ID, page: 0, variant: 'full' as const };
const ack = { atMs: ACKED_AT, by: 'lisi', note: null };

function contextText(blocks: ReturnType<typeof triageBlocks>): string {
  const block = blocks[0] as { type: string; elements?: Array<{ text: string }> };
  return block.elements?.map((e) => e.text).join('\n') ?? '';
}

describe('triageBlocks', () => {
  it('offers Acknowledge and Shield on an open alert nobody acked or shielded', () => {
    const [block] = triageBlocks(alert({}), view, null, { lang: 'en', timezone: ZONE });
    expect(block).toMatchObject({ type: 'actions', elements: [{ action_id: 'eventlog_triage_ack' }, { action_id: 'eventlog_triage_shield' }] });
  });

  it('says who acked and when, the date without the year and offset the reader already has', () => {
    const blocks = triageBlocks(alert({ is_ack: true, ack_operator: 'lisi' }), view, ack, { lang: 'en', timezone: ZONE }, Date.parse('2026-03-16T05:00:00Z'));
    expect(contextText(blocks)).toBe('✅ Acknowledged by lisi at <!date^1773629520^{date_short_pretty} {time}|03-16 10:52>');
  });

  it('gives the year when the ack was in another year than now', () => {
    const blocks = triageBlocks(alert({ is_ack: true, ack_operator: 'lisi' }), view, ack, { lang: 'en', timezone: ZONE }, Date.parse('2027-01-02T00:00:00Z'));
    expect(contextText(blocks)).toContain('|2026-03-16 10:52>');
  });

  it('shows nothing for an alert that is no longer open', () => {
    expect(triageBlocks(alert({ status: 'RECOVERED' }), view, null, { lang: 'en', timezone: ZONE })).toEqual([]);
  });
});
