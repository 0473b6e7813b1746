import { startHarness, type Harness } from '../helpers/app-harness';
import { answerByEventId, probeLog, probeName, requestedIds } from '../helpers/esb-answers';
import { timelineLinesOf } from '../helpers/phone-rules';
import { chatMessage, messageAction, type ButtonContainer } from '../helpers/slack-payloads';
import { buttonOf, clickButton, requireButton, sentLimitProblems } from '../helpers/sent-messages';
import { waitFor } from '../helpers/wait-for';

const BIG_ID = '7001';
const RECORDS = 500;

/** The probe names a page's timeline shows, in order. */
function probesOn(message: Record<string, unknown>): string[] {
  return timelineLinesOf(message).flatMap((line) => line.match(/probe \d{4}/g) ?? []);
}

describe('Older / Newer paging through a 500-record log, over real HTTP', () => {
  let h: Harness;

  beforeEach(async () => {
    // 40 clicks in a few seconds is past the default 20 lookups per user per minute, which counts cached pages too
    // (reported: paging should not spend the per-user BlueKing budget). Unlimited here, so the walk is what is tested.
    h = await startHarness({ USER_RATE_LIMIT_PER_MIN: '0' });
    h.esb.setFallback(answerByEventId({ [BIG_ID]: probeLog(RECORDS) }));
  });

  afterEach(async () => {
    try {
      expect(sentLimitProblems(h)).toEqual([]);
    } finally {
      await h.close();
    }
  });

  /**
   * Click `actionId` on `page` (its value says where to go) and return the
   * message the app replaces it with; null when the page has no such button.
   */
  async function follow(page: Record<string, unknown>, actionId: 'eventlog_older' | 'eventlog_newer', container: ButtonContainer): Promise<Record<string, unknown> | null> {
    if (!buttonOf(page, actionId)) return null;
    const before = h.responses.requests.length;
    const res = await clickButton(h, page, actionId, container, `/page/${before}`);
    expect(res.status).toBe(200);
    const bodies = await waitFor(() => h.responseBodies(), before + 1);
    const next = bodies[before];
    expect(next).toMatchObject({ replace_original: true });
    return next;
  }

  /** Follow `actionId` from `first` until there is no such button; every page seen, `first` included. */
  async function walk(first: Record<string, unknown>, actionId: 'eventlog_older' | 'eventlog_newer', container: ButtonContainer): Promise<Array<Record<string, unknown>>> {
    const pages = [first];
    for (let next = await follow(first, actionId, container); next !== null; next = await follow(next, actionId, container)) {
      pages.push(next);
      if (pages.length > RECORDS) throw new Error('paging does not end');
    }
    return pages;
  }

  function expectEveryRecordOnce(pages: ReadonlyArray<Record<string, unknown>>): void {
    const seen = pages.flatMap(probesOn);
    expect(seen).toHaveLength(RECORDS);
    expect([...seen].sort()).toEqual(Array.from({ length: RECORDS }, (_, i) => probeName(i + 1)));
  }

  it('walks a full answer from the first page to the last and back, showing every record exactly once each way', async () => {
    await h.postCommand(BIG_ID);
    const [first] = await waitFor(() => h.responseBodies(), 1);
    const ephemeral: ButtonContainer = { ephemeral: true, messageTs: '1700000300.000500' };
    expect(probesOn(first)[0]).toBe(probeName(1));
    expect(probesOn(first).at(-1)).toBe(probeName(RECORDS));

    const older = await walk(first, 'eventlog_older', ephemeral);
    expect(older).toHaveLength(20);
    expectEveryRecordOnce(older);
    const last = older[older.length - 1];
    expect(buttonOf(last, 'eventlog_newer')).toBeDefined();

    const newer = await walk(last, 'eventlog_newer', ephemeral);
    expect(newer.map(probesOn)).toEqual([...older].reverse().map(probesOn));
    expect(newer[newer.length - 1].blocks).toEqual(first.blocks);
    // Every page came from the one cached answer: paging does not hammer BlueKing.
    expect(requestedIds(h.esb.requests)).toEqual([BIG_ID]);
  });

  it('pages a compact thread reply in place, every record once, and stays in the compact variant', async () => {
    const alertTs = '1717380000.000100';
    await h.postInteraction(messageAction(chatMessage({ ts: alertTs, text: `告警ID: ${BIG_ID}` }), `${h.responses.url}/shortcut`));
    const [post] = await h.slack.waitForCall('chat.postMessage');
    expect(post.thread_ts).toBe(alertTs);
    const threadReply = { ts: '1700000000.000100', thread_ts: alertTs, text: String(post.text), blocks: post.blocks as unknown[] };
    const inThread: ButtonContainer = { ephemeral: false, message: threadReply };

    const pages = await walk(post, 'eventlog_older', inThread);
    expect(pages).toHaveLength(50);
    expectEveryRecordOnce(pages);
    for (const page of pages.slice(1)) expect(requireButton(page, 'eventlog_newer').value).toMatch(/^7001:\d+:compact$/);
  });
});
