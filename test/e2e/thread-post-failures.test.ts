import { BOT_TOKEN, type Harness } from '../helpers/app-harness';
import { harnessPerTest } from '../helpers/harness-per-test';
import { appMention, blockActions, chatMessage, messageAction, ALICE, BOT_USER_ID } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

const ALERT_TS = '1642390290.000200';

/** Slack's answers to chat.postMessage when the bot may not post, and what the note must tell the user to do. */
const POST_FAILURES: Array<{ error: string; extra?: Record<string, unknown>; fix: string }> = [
  { error: 'not_in_channel', fix: 'Invite it with /invite @eventlog (or add the chat:write.public scope for public channels)' },
  { error: 'channel_not_found', fix: 'Invite it with /invite @eventlog, or use /eventlog &lt;id&gt; there' },
  { error: 'is_archived', fix: 'This channel is archived, so nothing can be posted in it. Unarchive it' },
  {
    error: 'missing_scope',
    extra: { needed: 'chat:write', provided: 'commands,app_mentions:read' },
    fix: 'lacks the chat:write permission (scope). Add it under OAuth &amp; Permissions, or reinstall the app from manifest.yml',
  },
];

describe('posting failures in threads are answered, not swallowed', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started));

  it.each(POST_FAILURES)('tells the user what to fix when chat.postMessage answers $error', async ({ error, extra, fix }) => {
    h.slack.reply('chat.postMessage', { body: { ok: false, error, ...extra } });
    await h.postInteraction(messageAction(chatMessage({ ts: ALERT_TS, text: '告警ID: 5310' }), `${h.responses.url}/shortcut`));

    const [note] = await waitFor(() => h.responseBodies(), 1);
    expect(h.slack.calls('chat.postMessage')).toHaveLength(1);
    expect(note).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: '⚠️ Could not post the log in this thread' });
    const shown = JSON.stringify(note.blocks);
    expect(shown).toContain(fix);
    expect(shown).toContain(`Slack error: ${error}`);
    expect(shown).not.toContain(BOT_TOKEN);
    expect(h.logs.find((line) => line.msg === 'slack.post_failed')).toMatchObject({ slack_error: error, channel: 'C0INCIDENT', user: ALICE.id });
  });

  it('tells the user when posting the picked ID fails, after removing the chooser', async () => {
    h.slack.reply('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const pick = blockActions(
      { action_id: 'eventlog_pick_1', value: `5310@${ALERT_TS}`, text: '5310' },
      { ephemeral: true, messageTs: '1642390500.000400' },
      `${h.responses.url}/pick`,
    );
    await h.postInteraction(pick);

    const [removal, note] = await waitFor(() => h.responseBodies(), 2);
    expect(removal).toEqual({ delete_original: true });
    expect(note).toMatchObject({ response_type: 'ephemeral', text: '⚠️ Could not post the log in this thread' });
    expect(h.slack.calls('chat.postMessage')[0]).toMatchObject({ channel: 'C0INCIDENT', thread_ts: ALERT_TS });
  });

  it('tells the person who mentioned the bot, with chat.postEphemeral, when the thread answer is refused', async () => {
    h.slack.reply('chat.postMessage', { body: { ok: false, error: 'is_archived' } });
    await h.postEvent(appMention({ text: `<@${BOT_USER_ID}> 5310`, ts: '1642390400.000300', thread_ts: ALERT_TS }));

    const [note] = await h.slack.waitForCall('chat.postEphemeral');
    expect(note).toMatchObject({ user: ALICE.id, thread_ts: ALERT_TS, text: '⚠️ Could not post the log in this thread' });
  });

  it('sends a BlueKing failure only to the person who asked, never into the thread', async () => {
    await h.postInteraction(messageAction(chatMessage({ ts: ALERT_TS, text: '告警ID: 4821' }), `${h.responses.url}/shortcut`));

    const [note] = await waitFor(() => h.responseBodies(), 1);
    expect(note).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(note)).toContain('3324002');
    expect(h.slack.calls('chat.postMessage')).toHaveLength(0);
  });
});
