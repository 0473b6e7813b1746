import { startHarness, type Harness } from '../helpers/app-harness';
import { ALICE, blockActions, CHANNEL, TEAM } from '../helpers/slack-payloads';

/**
 * Interactions the bot has no listener for are acked at once, over real HTTP:
 * an old message's button after an upgrade (told privately that it no longer
 * works, with the command to run), a modal's submission or close of an unknown
 * callback_id, and a block_actions whose `actions` field is malformed. None waits
 * for Bolt's 3-second "not acknowledged" 404, and each is one clear log line.
 */

/** A view_submission / view_closed as Slack sends it, for a view with `callbackId`. */
function viewPayload(type: 'view_submission' | 'view_closed', callbackId: string): Record<string, unknown> {
  return {
    type,
    team: TEAM,
    user: ALICE,
    api_app_id: 'A0EVENTLOG',
    token: 'legacy-verification-token',
    view: { id: 'V0OLD', type: 'modal', callback_id: callbackId, private_metadata: '', state: { values: {} }, hash: 'h', blocks: [] },
    ...(type === 'view_closed' ? { is_cleared: false } : {}),
  };
}

describe('interactions the bot does not know', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ SLACK_COMMAND: '/bk-eventlog' });
  });
  afterAll(() => h.close());

  it('an unknown button is acked at once and answered privately with the configured command and its event ID', async () => {
    const click = blockActions(
      { action_id: 'eventlog_snooze', value: '5310:0:full', text: 'Snooze' },
      { ephemeral: false, message: { ts: '1700000000.000100', text: 'x', blocks: [] } },
      `${h.responses.url}/old-button`,
    );
    const res = await h.postInteraction(click);
    expect(res.status).toBe(200);
    const [answer] = await h.responses.waitForRequests(1);
    expect(JSON.parse(answer.body)).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.body).toContain('That button no longer works');
    expect(answer.body).toContain('/bk-eventlog 5310 again');
    expect(h.logs.filter((l) => l.msg === 'interaction.unknown')).toEqual([expect.objectContaining({ kind: 'block_actions', action_id: 'eventlog_snooze', user: ALICE.id, channel: CHANNEL.id })]);
  });

  it.each([
    ['view_submission of an unknown callback_id', viewPayload('view_submission', 'old_modal')],
    ['view_closed of an unknown callback_id', viewPayload('view_closed', 'old_modal')],
    ['actions that is not a list', { ...blockActions({ action_id: 'x', value: 'v', text: 't' }, { ephemeral: false, message: { ts: '1.2', text: 'x', blocks: [] } }, 'https://hooks.slack.com/actions/T/1/x'), actions: 7 }],
    ['actions that is an empty list', { ...blockActions({ action_id: 'x', value: 'v', text: 't' }, { ephemeral: false, message: { ts: '1.2', text: 'x', blocks: [] } }, 'https://hooks.slack.com/actions/T/1/x'), actions: [] }],
    ['an action without an action_id', { ...blockActions({ action_id: 'x', value: 'v', text: 't' }, { ephemeral: false, message: { ts: '1.2', text: 'x', blocks: [] } }, 'https://hooks.slack.com/actions/T/1/x'), actions: [{ type: 'button' }] }],
  ])('%s is acked with 200 and logged once, without an error', async (_name, payload) => {
    const before = h.logs.length;
    const res = await h.postInteraction(payload);
    expect(res.status).toBe(200);
    const lines = h.logs.slice(before);
    expect(lines.filter((l) => l.msg === 'interaction.unknown')).toHaveLength(1);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
