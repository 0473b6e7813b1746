import { startHarness, type Harness } from '../helpers/app-harness';
import { answerByEventId, isSearchAction } from '../helpers/esb-answers';
import type { RecordedRequest } from '../helpers/recording-server';
import { ALERT_ID, child, parent, searchActionAnswer } from '../fixtures/bk/search-action';

/**
 * search_action's pages over real HTTP, against a slow install and a gateway
 * that ignores `page`: one deadline covers all of a lookup's BlueKing calls
 * (the log is shown with the pages that came in time, and says the per-receiver
 * results were cut short), and an action sent twice is counted once.
 */

/** `n` mail deliveries from `from` on, one of them failed, under parent 1. */
function deliveries(from: number, n: number): Array<Record<string, unknown>> {
  return Array.from({ length: n }, (_, i) =>
    child({ rawId: from + i, parent: 1, way: 'mail', receiver: `user${from + i}`, status: from + i === 1500 ? 'failure' : 'success', message: 'OK', label: '邮件' }),
  );
}

const pageOf = (request: RecordedRequest): number => Number((JSON.parse(request.body) as { page?: unknown }).page);

describe('search_action paging', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function lookUp(): Promise<string> {
    await h.postCommand(ALERT_ID);
    const [answer] = await h.responses.waitForRequests(1);
    return answer.body;
  }

  it('stops at the lookup deadline: the log is shown with the pages that came, the cut is said, the in-flight slot is free', async () => {
    h = await startHarness({ BK_TIMEOUT_MS: '1500', BK_CACHE_TTL_MS: '0', BK_MAX_IN_FLIGHT: '1' });
    const ids = answerByEventId();
    // Every page takes 600 ms (each well within BK_TIMEOUT_MS); ten of them would take 6 s.
    h.esb.setFallback((request) => {
      if (!isSearchAction(request)) return ids(request);
      const page = pageOf(request);
      const first = page === 1 ? [parent(1), ...deliveries(1000, 999)] : deliveries(page * 1000, 1000);
      return { delayMs: 600, body: searchActionAnswer(first, 10_000) };
    });
    const body = await lookUp();
    expect(body).toContain('Per-receiver results were cut short');
    expect(body).toContain('BlueKing reported more');
    expect(h.running.service.inFlight).toBe(0);
    expect(h.esb.requests.filter(isSearchAction).length).toBeLessThan(5);
    expect(h.logs.find((l) => l.msg === 'lookup')).toMatchObject({ outcome: 'ok' });
  }, 20_000);

  it('counts an action sent again once, and stops when a page brings nothing new (a gateway that ignores page)', async () => {
    h = await startHarness({ BK_CACHE_TTL_MS: '0' });
    const ids = answerByEventId();
    const same = [parent(1), ...deliveries(1000, 999)];
    h.esb.setFallback((request) => (isSearchAction(request) ? { body: searchActionAnswer(same, 3000) } : ids(request)));
    const body = await lookUp();
    expect(body).toContain('Paging failed: 1 of 999 pages');
    expect(h.esb.requests.filter(isSearchAction).map(pageOf)).toEqual([1, 2]);
  });
});
