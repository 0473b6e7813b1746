import { BENCH_ZONE, benchEsbBody } from '../../bench/bench-log';
import { RELAY_ANSWER_TEXT } from '../../bench/bench-types';
import { isExpectedAnswer } from '../../bench/lookup';
import { parseEventLogResponse } from '../../src/bk/envelope';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import { summarize } from '../../src/eventlog/summary/summarize';
import { renderLookupError } from '../../src/render/error-message';
import { renderEventLog } from '../../src/render/event-log-message';
import { renderRefusal } from '../../src/render/status-message';

const NOW_MS = Date.UTC(2024, 4, 6, 6, 0, 0);

/** What the bot POSTs to response_url for `message`. */
function posted(message: object): string {
  return JSON.stringify({ response_type: 'ephemeral', replace_original: true, ...message });
}

describe('telling a measured answer from a wrong one', () => {
  it('counts the bot’s rendered bench log as the expected answer', () => {
    const log = parseEventLogResponse({ id: '100001', httpStatus: 200, headers: { get: () => null }, body: benchEsbBody(50), zone: BENCH_ZONE });
    const message = renderEventLog(summarize(log, NOW_MS), {
      lang: 'en',
      timezone: BENCH_ZONE,
      monitorUrl: null,
      variant: 'full',
      page: 0,
      withActions: true,
      sharedBy: null,
    });
    expect(isExpectedAnswer(posted(message))).toBe(true);
  });

  it('counts the relay’s fixed text as the expected answer', () => {
    expect(isExpectedAnswer(posted({ text: RELAY_ANSWER_TEXT }))).toBe(true);
  });

  it('does not count an error message or a "busy" refusal, even with the request ID in it', () => {
    const error = new LookupError({ kind: 'bad_shape', requestId: 'b3e1c5a7d9f24b6c8e0a1c3e5b7d9f20' });
    expect(isExpectedAnswer(posted(renderLookupError('100001', error, { lang: 'en' })))).toBe(false);
    expect(isExpectedAnswer(posted(renderRefusal({ kind: 'busy' }, 'en')))).toBe(false);
  });
});
