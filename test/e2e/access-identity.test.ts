import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OLD_GENERATION_5310 } from '../fixtures/bk';
import { startHarness, type Harness } from '../helpers/app-harness';
import type { RecordedRequest } from '../helpers/recording-server';
import { logLines, messageText } from '../helpers/message-text';
import { chatMessage, messageAction } from '../helpers/slack-payloads';

/** Who may look (allowlists) and as which BlueKing user the bot asks (service, map, email), end to end. */

const GOOD = { status: 200, body: OLD_GENERATION_5310.body };

/** The bk_username a request to the ESB carried, from the header or the query. */
function bkUsername(request: RecordedRequest): string | null {
  const header = request.headers['x-bkapi-authorization'];
  if (typeof header === 'string') return (JSON.parse(header) as { bk_username?: string }).bk_username ?? null;
  return request.query.get('bk_username');
}

function userMapFile(map: Record<string, string>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'eventlog-user-map-')), 'users.json');
  writeFileSync(path, JSON.stringify(map));
  return path;
}

describe('allowlists', () => {
  let h: Harness;

  afterEach(async () => {
    await h?.close();
  });

  async function start(env: Record<string, string>): Promise<void> {
    h = await startHarness({ LOG_LEVEL: 'info', ...env });
    h.esb.setFallback(GOOD);
  }

  /** Run /eventlog 5310 as `fields` and return what response_url received. */
  async function ask(nth: number, fields: Record<string, string> = {}): Promise<string> {
    await h.postCommand('5310', fields);
    const delivered = await h.responses.waitForRequests(nth);
    return messageText(JSON.parse(delivered[nth - 1].body));
  }

  it.each([
    ['workspace', { ALLOWED_TEAM_IDS: 'T0OTHER,T0THIRD' }, { team_id: 'T0001' }, 'This Slack workspace is not on the bot’s allowlist.', 'refused_team'],
    ['channel', { ALLOWED_CHANNEL_IDS: 'C0INCIDENT C0SRE' }, { channel_id: 'C0RANDOM' }, 'This channel is not on the bot’s allowlist.', 'refused_channel'],
    ['user', { ALLOWED_USER_IDS: 'U0ALICE,U0BOB' }, { user_id: 'U0MALLORY' }, 'Your Slack user is not on the bot’s allowlist.', 'refused_user'],
  ])('refuses a %s outside its allowlist clearly, without calling BlueKing', async (_what, env, fields, sentence, outcome) => {
    await start(env);
    const said = await ask(1, fields);
    expect(said).toContain('The event log bot is not enabled here');
    expect(said).toContain(sentence);
    expect(said).toContain('ALLOWED_TEAM_IDS / ALLOWED_CHANNEL_IDS / ALLOWED_USER_IDS');
    expect(logLines(h.logs, 'lookup')).toEqual([expect.objectContaining({ level: 'warn', outcome, event_id: '5310' })]);
    expect(h.esb.requests).toHaveLength(0);
  });

  it('lets in a request that every set allowlist admits', async () => {
    await start({ ALLOWED_TEAM_IDS: 'T0001', ALLOWED_CHANNEL_IDS: 'C0INCIDENT', ALLOWED_USER_IDS: 'U0ALICE' });
    expect(await ask(1)).toContain('Event 5310');
    expect(h.esb.requests).toHaveLength(1);
  });

  it('refuses when one allowlist of several says no', async () => {
    await start({ ALLOWED_TEAM_IDS: 'T0001', ALLOWED_CHANNEL_IDS: 'C0INCIDENT', ALLOWED_USER_IDS: 'U0BOB' });
    expect(await ask(1)).toContain('Your Slack user is not on the bot’s allowlist.');
    expect(h.esb.requests).toHaveLength(0);
  });

  it('refuses a message shortcut from a channel outside the allowlist privately, posting nothing in the thread', async () => {
    await start({ ALLOWED_CHANNEL_IDS: 'C0INCIDENT' });
    const alertPost = chatMessage({ ts: '1700000000.000100', text: '告警ID: 5310' });
    await h.postInteraction({ ...messageAction(alertPost, `${h.responses.url}/shortcut/1`), channel: { id: 'C0RANDOM', name: 'random' } });
    const [told] = await h.responses.waitForRequests(1);
    expect(JSON.parse(told.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(messageText(JSON.parse(told.body))).toContain('This channel is not on the bot’s allowlist.');
    expect(h.slack.calls('chat.postMessage')).toHaveLength(0);
    expect(h.esb.requests).toHaveLength(0);
  });
});

describe('BlueKing identity', () => {
  let h: Harness;

  afterEach(async () => {
    await h?.close();
  });

  it.each(['header', 'query'])('map mode asks as the mapped username (%s auth)', async (style) => {
    h = await startHarness({ BK_IDENTITY: 'map', BK_USER_MAP_FILE: userMapFile({ U0ALICE: 'alice_bk' }), BK_AUTH_STYLE: style });
    h.esb.setFallback(GOOD);
    await h.postCommand('5310');
    const [delivered] = await h.responses.waitForRequests(1);
    expect(messageText(JSON.parse(delivered.body))).toContain('Event 5310');
    expect(h.esb.requests.map(bkUsername)).toEqual(['alice_bk']);
  });

  it('map mode refuses an unmapped user with how to get mapped, and never asks as the service account', async () => {
    h = await startHarness({ BK_IDENTITY: 'map', BK_USER_MAP_FILE: userMapFile({ U0ALICE: 'alice_bk' }), BK_USERNAME: 'oncall-bot' });
    h.esb.setFallback(GOOD);
    await h.postCommand('5310', { user_id: 'U0BOB' });
    const [delivered] = await h.responses.waitForRequests(1);
    const said = messageText(JSON.parse(delivered.body));
    expect(said).toContain('No BlueKing account is linked to your Slack user');
    expect(said).toContain('you are not in its user map');
    expect(said).toContain('Ask whoever runs the bot to map your Slack user ID to your BlueKing username (BK_USER_MAP_FILE).');
    expect(logLines(h.logs, 'lookup')).toEqual([expect.objectContaining({ outcome: 'refused_identity', user: 'U0BOB' })]);
    expect(h.esb.requests).toHaveLength(0);
  });

  it('keeps the answers of two mapped users apart: the same ID is fetched once per BlueKing user', async () => {
    h = await startHarness({ BK_IDENTITY: 'map', BK_USER_MAP_FILE: userMapFile({ U0ALICE: 'alice_bk', U0BOB: 'bob_bk' }) });
    h.esb.setFallback(GOOD);
    await h.postCommand('5310', { user_id: 'U0ALICE' });
    await h.responses.waitForRequests(1);
    await h.postCommand('5310', { user_id: 'U0BOB' });
    await h.responses.waitForRequests(2);
    await h.postCommand('5310', { user_id: 'U0ALICE' });
    await h.responses.waitForRequests(3);
    expect(h.esb.requests.map(bkUsername)).toEqual(['alice_bk', 'bob_bk']);
  });

  describe('email mode', () => {
    beforeEach(async () => {
      h = await startHarness({ BK_IDENTITY: 'email', BK_EMAIL_DOMAINS: 'corp.example' });
      h.esb.setFallback(GOOD);
    });

    it('asks as the local part of the Slack email, and reads the email only once', async () => {
      h.slack.reply('users.info', (args) => ({
        body: { ok: true, user: { id: args.user, team_id: 'T0001', profile: { email: 'zhang.san@corp.example', real_name: '张三' } } },
      }));
      await h.postCommand('5310');
      await h.responses.waitForRequests(1);
      await h.postCommand('4821');
      await h.responses.waitForRequests(2);

      expect(h.slack.calls('users.info')).toEqual([expect.objectContaining({ user: 'U0ALICE' })]);
      expect(h.esb.requests.map(bkUsername)).toEqual(['zhang.san', 'zhang.san']);
      expect(h.esb.requests.map((r) => r.query.get('id'))).toEqual(['5310', '4821']);
    });

    it.each([
      ['has no email on the profile', { ok: true, user: { id: 'U0ALICE', profile: { real_name: 'Alice' } } }, 'users.info.no_email'],
      ['cannot be read (missing scope)', { ok: false, error: 'missing_scope', needed: 'users:read.email' }, 'users.info.failed'],
      ['has an email whose local part is no BlueKing username', { ok: true, user: { id: 'U0ALICE', profile: { email: '"a b"@corp.example' } } }, null],
    ])('refuses a user who %s, without calling BlueKing', async (_why, reply, logged) => {
      h.slack.reply('users.info', { body: reply });
      await h.postCommand('5310');
      const [delivered] = await h.responses.waitForRequests(1);
      const said = messageText(JSON.parse(delivered.body));
      expect(said).toContain('No BlueKing account is linked to your Slack user');
      expect(said).toContain('named by your Slack email (the part before @), and could not read a usable one');
      // The fix for email mode is the profile or the scope, never the user map (email mode does not read it).
      expect(said).toContain('Add your work email to your Slack profile');
      expect(said).not.toContain('BK_USER_MAP_FILE');
      if (logged) expect(logLines(h.logs, logged)).toEqual([expect.objectContaining({ user: 'U0ALICE' })]);
      if (logged === 'users.info.failed') expect(logLines(h.logs, logged)[0]).toMatchObject({ slack_error: 'missing_scope' });
      expect(h.esb.requests).toHaveLength(0);
    });

    /** Ask as a user whose users.info gives `teamId` and `email`; what the bot answered (BlueKing is never asked). */
    async function refusedAs(teamId: string, email: string): Promise<string> {
      h.slack.reply('users.info', { body: { ok: true, user: { id: 'U0ALICE', team_id: teamId, profile: { email } } } });
      await h.postCommand('5310');
      const [delivered] = await h.responses.waitForRequests(1);
      expect(h.esb.requests).toHaveLength(0);
      expect(logLines(h.logs, 'lookup')).toEqual([expect.objectContaining({ outcome: 'refused_identity', user: 'U0ALICE' })]);
      return messageText(JSON.parse(delivered.body));
    }

    it('refuses an address on a domain outside BK_EMAIL_DOMAINS, saying why, without calling BlueKing', async () => {
      const said = await refusedAs('T0001', 'admin@partner.example');
      expect(said).toContain('No BlueKing account is linked to your Slack user');
      expect(said).toContain('Your Slack email is not on a domain the bot takes as BlueKing accounts');
      expect(said).toContain('BK_EMAIL_DOMAINS');
    });

    it('takes the domain case-insensitively', async () => {
      h.slack.reply('users.info', { body: { ok: true, user: { id: 'U0ALICE', team_id: 'T0001', profile: { email: 'Zhang.San@CORP.Example' } } } });
      await h.postCommand('5310');
      await h.responses.waitForRequests(1);
      expect(h.esb.requests.map(bkUsername)).toEqual(['Zhang.San']);
    });

    it('refuses a user whose home workspace is not the app\'s (Slack Connect), even with an accepted domain', async () => {
      const said = await refusedAs('T0PARTNER', 'admin@corp.example');
      expect(said).toContain('Your Slack account belongs to another workspace');
      expect(said).toContain('ALLOWED_TEAM_IDS');
    });
  });

  it('lets in a user of another workspace listed in ALLOWED_TEAM_IDS', async () => {
    h = await startHarness({ BK_IDENTITY: 'email', BK_EMAIL_DOMAINS: 'corp.example, ops.example', ALLOWED_TEAM_IDS: 'T0001,T0PARTNER' });
    h.esb.setFallback(GOOD);
    h.slack.reply('users.info', { body: { ok: true, user: { id: 'U0ALICE', team_id: 'T0PARTNER', profile: { email: 'wang.wu@ops.example' } } } });
    await h.postCommand('5310');
    await h.responses.waitForRequests(1);
    expect(h.esb.requests.map(bkUsername)).toEqual(['wang.wu']);
  });
});
