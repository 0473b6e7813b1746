import type { LogEntry } from '../../src/eventlog/model/record';
import { answerByEventId } from '../helpers/esb-answers';
import { startHarness, type Harness } from '../helpers/app-harness';
import { logLines, messageText } from '../helpers/message-text';

/**
 * The last line of defence: should rendering ever throw on a log nobody
 * foresaw, the user still gets an answer (not a "Looking up…" placeholder
 * that never changes), nothing is posted to the channel, and it is logged.
 */

const BROKEN_ID = '666';

describe('a log the renderer cannot lay out', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness(
      { LOG_LEVEL: 'info' },
      {
        // A record no real client produces (null), so summarizing it throws.
        wrapSource: (client) => ({
          fetchEventLog: async (id, identity, signal) => {
            const log = await client.fetchEventLog(id, identity, signal);
            return id === BROKEN_ID ? { ...log, entries: [null as unknown as LogEntry] } : log;
          },
        }),
      },
    );
    h.esb.setFallback(answerByEventId({ [BROKEN_ID]: JSON.stringify({ result: true, code: 0, message: 'OK', data: [], request_id: 'r' }) }));
  });

  afterEach(() => h.close());

  it('is answered with a plain apology in place of the placeholder, and logged as an error', async () => {
    await h.postCommand(`${BROKEN_ID} public`);
    const [delivered] = await h.responses.waitForRequests(1);
    const body = JSON.parse(delivered.body) as Record<string, unknown>;
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(messageText(body)).toContain('Could not show event 666');
    expect(messageText(body)).toContain('This is a bug in the bot: please report it with the event ID.');
    expect(logLines(h.logs, 'render.failed')).toEqual([
      expect.objectContaining({ level: 'error', event_id: BROKEN_ID, user: 'U0ALICE', channel: 'C0INCIDENT', error: expect.any(String) }),
    ]);

    await h.postCommand('5310');
    const all = await h.responses.waitForRequests(2);
    expect(messageText(JSON.parse(all[1].body))).toContain('Event 5310');
  });
});
