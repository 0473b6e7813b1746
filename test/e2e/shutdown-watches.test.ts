import { EVOLVING_INCIDENT_ID } from '../../src/console/demo/evolving-incident';
import { startHarness, type Harness } from '../helpers/app-harness';
import { serveEvolvingIncident } from '../helpers/evolving-esb';
import { waitFor } from '../helpers/wait-for';

/**
 * Shutdown with the memory store ends every watch, over real HTTP, against a
 * Slack that rate-limits chat.update (one a second here; Retry-After: 1): the
 * final messages go out one after another and a refused one is sent again after
 * its Retry-After, so none is left saying "Watching". (All at once, most were
 * refused and never tried again.)
 */

const ID = EVOLVING_INCIDENT_ID;
const CHANNELS = ['C0WATCH1', 'C0WATCH2', 'C0WATCH3', 'C0WATCH4'];

describe('final watch messages at shutdown, under Slack rate limits', () => {
  let h: Harness;
  afterAll(() => h.close());

  it('reach every watching message, honouring Retry-After within the drain time', async () => {
    h = await startHarness({ WATCH_INTERVAL_MS: '60000' });
    serveEvolvingIncident(h);
    let lastAccepted = 0;
    const finals: string[] = [];
    h.slack.reply('chat.update', (args) => {
      if (Date.now() - lastAccepted < 1000) return { status: 429, headers: { 'Retry-After': '1' }, body: { ok: false, error: 'ratelimited' } };
      lastAccepted = Date.now();
      finals.push(String(args.channel));
      return { body: { ok: true, channel: args.channel, ts: args.ts } };
    });
    for (const channel of CHANNELS) await h.postCommand(`${ID} watch`, { channel_id: channel });
    await waitFor(() => h.logs.filter((l) => l.msg === 'watch.start'), CHANNELS.length, 10_000);

    await h.running.stop(10_000);
    expect(finals.sort()).toEqual(CHANNELS);
    expect(h.logs.filter((l) => l.msg === 'watch.final_update_failed')).toEqual([]);
    expect(h.logs.filter((l) => l.msg === 'watch.stop').map((l) => l.reason)).toEqual(CHANNELS.map(() => 'restart'));
    // Every message first, then the thread lines: what looks live is put right before anything else.
    const calls = h.slack.server.requests.map((r) => r.path);
    const lastUpdate = calls.lastIndexOf('/api/chat.update');
    const threadLines = h.slack.calls('chat.postMessage').filter((c) => String(c.text).includes('watch ended'));
    expect(threadLines).toHaveLength(CHANNELS.length);
    expect(calls.slice(lastUpdate).filter((p) => p === '/api/chat.postMessage')).toHaveLength(CHANNELS.length);
  }, 30_000);
});
