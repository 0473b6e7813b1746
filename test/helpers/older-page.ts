import type { Harness } from './app-harness';
import { logLines } from './message-text';
import { clickButton } from './sent-messages';
import { waitFor } from './wait-for';

/**
 * Press Older on the first page of a log just answered (an ephemeral reply) and check what comes of it:
 * the page replaces the answer, and its lookup (the app's second) came from the cache with all `records`.
 */
export async function expectOlderPageFromCache(h: Harness, page0: Record<string, unknown>, messageTs: string, records: number): Promise<void> {
  await clickButton(h, page0, 'eventlog_older', { ephemeral: true, messageTs }, '/older');
  const [, second] = await h.responses.waitForRequests(2, 60_000);
  expect(JSON.parse(second.body)).toMatchObject({ replace_original: true });
  await waitFor(() => logLines(h.logs, 'lookup'), 2);
  expect(logLines(h.logs, 'lookup')[1]).toMatchObject({ outcome: 'ok', records, from_cache: true });
}
