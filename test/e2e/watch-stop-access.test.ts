import { EVOLVING_INCIDENT_ID } from '../../src/console/demo/evolving-incident';
import type { Harness } from '../helpers/app-harness';
import { serveEvolvingIncident } from '../helpers/evolving-esb';
import { harnessPerTest } from '../helpers/harness-per-test';
import { requireButton } from '../helpers/sent-messages';
import { ALICE, blockActions } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

/**
 * Stop watching checks who clicks and where, over real HTTP: a Stop button's
 * value can be replayed by anyone, from any channel or workspace, so only a
 * click the allowlists let in, from the watch's own channel and workspace,
 * ends the watch. A refused click is told why, privately.
 */

const ID = EVOLVING_INCIDENT_ID;
const MALLORY = { id: 'U0MALLORY', username: 'mallory', name: 'mallory', team_id: 'T0001' };
const BOB_ELSEWHERE = { id: 'U0BOB', username: 'bob', name: 'bob', team_id: 'T0OTHER' };

describe('Stop watching, clicked by whom and where', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started), { WATCH_INTERVAL_MS: '60000', ALLOWED_USER_IDS: `${ALICE.id},${BOB_ELSEWHERE.id}` });

  /** Start a watch of 8001 in CHANNEL by /eventlog and return the Stop button on its watching message. */
  async function startWatching(): Promise<{ value: string; text: string; action_id: string }> {
    serveEvolvingIncident(h);
    await h.postCommand(`${ID} watch`);
    const [watching] = await h.slack.waitForCall('chat.postMessage');
    await h.responses.waitForRequests(1);
    const stop = requireButton(watching ?? {}, 'eventlog_watch_stop');
    return { value: stop.value, text: stop.text.text, action_id: stop.action_id };
  }

  /** A click on that button with some fields of Slack's payload changed (who, which team, which channel). */
  function click(stop: { value: string; text: string; action_id: string }, path: string, change: Record<string, unknown>): Promise<Response> {
    const payload = blockActions(stop, { ephemeral: false, message: { ts: '1717400000.000001', text: 'x', blocks: [] } }, `${h.responses.url}/${path}`);
    const container = { ...(payload.container as Record<string, unknown>), ...(change.channel ? { channel_id: (change.channel as { id: string }).id } : {}) };
    return h.postInteraction({ ...payload, ...change, container });
  }

  it('refuses, privately and with the reason, a user off the allowlist, another workspace and another channel; the watch goes on', async () => {
    const stop = await startWatching();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['mallory', { user: MALLORY }, 'Your Slack user is not on the bot’s allowlist.'],
      ['bob', { user: BOB_ELSEWHERE, team: { id: 'T0OTHER', domain: 'other' } }, 'It runs in another workspace'],
      ['dm', { channel: { id: 'D0ALICE', name: 'directmessage' } }, 'It runs in another channel'],
    ];
    for (const [path, change] of cases) expect((await click(stop, path, change)).status).toBe(200);
    const answers = await h.responses.waitForRequests(1 + cases.length);
    for (const [path, , reason] of cases) {
      const answer = answers.find((r) => r.path === `/${path}`);
      expect(JSON.parse(answer?.body ?? '{}')).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(answer?.body).toContain(reason);
    }
    expect(h.slack.calls('chat.update')).toEqual([]);
    expect(h.logs.filter((l) => l.msg === 'watch.stop_refused').map((l) => String(l.why)).sort()).toEqual(['access_user', 'other_channel', 'other_team']);

    // The watch's own people, in its own channel, still stop it.
    await click(stop, 'alice', {});
    const [final] = await h.slack.waitForCall('chat.update');
    expect(JSON.stringify(final?.blocks)).toContain(`stopped by <@${ALICE.id}>`);
    await waitFor(() => h.logs.filter((l) => l.msg === 'watch.stop'), 1);
  }, 20_000);
});
