import { spawn, type ChildProcessWithoutNullStreams, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startFakeEsb, type FakeEsb } from '../helpers/fake-esb';
import { freePort } from '../helpers/free-port';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/fake-slack-api';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';
import { slackSignatureHeaders } from '../helpers/slack-signature';

const root = join(__dirname, '..', '..');
const SIGNING_SECRET = 'process-test-signing-secret';
const BK_SECRET = 'process-test-bk-secret-91ab';

/** Start dist/main.js as `npm start` would, and collect its output. */
function startMain(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the built bot as a process (npm start)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  }, 120_000);

  it('lists every configuration problem and exits 1 on a half-filled environment, echoing no secret', async () => {
    const run = startMain({ SLACK_BOT_TOKEN: 'xoxb-half', BK_API_BASE_URL: 'https://paas.example.com', BK_APP_SECRET: BK_SECRET, PORT: 'x' });
    expect(await run.exited).toBe(1);
    const out = run.output();
    expect(out).toContain('Configuration problems:');
    for (const name of ['PORT', 'SLACK_SIGNING_SECRET', 'BK_APP_CODE', 'BK_USERNAME']) expect(out).toContain(name);
    expect(out).not.toContain(BK_SECRET);
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('prints the sheet example through the console when piped /eventlog 1 with no settings', async () => {
    const run = startMain({});
    run.child.stdin.end('/eventlog 1\n');
    expect(await run.exited).toBe(0);
    const out = run.output();
    expect(out.split('\n')[0]).toMatch(/^No Slack settings found .* running the local console with built-in demo data/);
    expect(out).toContain('通知人为空');
  });

  it('says at start that a setting name looks mistyped, with the name it likely meant, and goes on', async () => {
    const run = startMain({ BK_APPCODE: 'typo-value-7f3e', SLACK_BOT_TOKN: 'xoxb-typo-value' });
    run.child.stdin.end('quit\n');
    expect(await run.exited).toBe(0);
    const warnings = run.output().split('\n').filter((line) => line.includes('"msg":"config.unknown_setting"'));
    expect(warnings.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 'warn', name: 'BK_APPCODE', did_you_mean: 'BK_APP_CODE' }),
      expect.objectContaining({ level: 'warn', name: 'SLACK_BOT_TOKN', did_you_mean: 'SLACK_BOT_TOKEN' }),
    ]);
    expect(run.output()).not.toContain('typo-value');
  });

  it('stops with Slack’s own word for it when the bot token is refused, and exits 1', async () => {
    const slack = await startFakeSlackApi();
    slack.reply('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    try {
      const run = startMain({
        SLACK_BOT_TOKEN: 'xoxb-revoked',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(await freePort()),
      });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain('Slack did not accept SLACK_BOT_TOKEN (invalid_auth)');
      expect(run.output()).not.toMatch(/\n\s+at /);
    } finally {
      await slack.close();
    }
  });

  it('says Slack could not be reached (not that it refused the token) when Slack does not answer, and exits 1', async () => {
    const closed = await freePort();
    const run = startMain({
      SLACK_BOT_TOKEN: 'xoxb-unproven',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
      PORT: String(await freePort()),
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Could not reach Slack to check SLACK_BOT_TOKEN (request_error)');
    expect(run.output()).not.toContain('did not accept');
  });

  describe('in HTTP mode', () => {
    let esb: FakeEsb;
    let slack: FakeSlackApi;
    let responses: RecordingServer;
    let run: ReturnType<typeof startMain>;
    let port = 0;

    beforeAll(async () => {
      port = await freePort();
      esb = await startFakeEsb({
        status: 200,
        body: JSON.stringify({ result: true, code: 0, message: 'OK', request_id: 'r1', data: [{ status: 'SUCCESS', event_id: 'e.1', message: '', operate: 'CREATE', extend_info: {}, create_time: '2024-03-01 10:00:00' }] }),
      });
      slack = await startFakeSlackApi();
      responses = await startRecordingServer();
      run = startMain({
        SLACK_BOT_TOKEN: 'xoxb-process-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        BK_API_BASE_URL: esb.url,
        BK_APP_CODE: 'bot',
        BK_APP_SECRET: BK_SECRET,
        BK_USERNAME: 'admin',
      });
      await until(() => run.output().includes('"msg":"started"'));
    });

    afterAll(async () => {
      run.child.kill('SIGTERM');
      await run.exited;
      await Promise.all([esb.close(), slack.close(), responses.close()]);
    });

    it('logs one start line naming the mode, the BlueKing host and auth style, and no secret', () => {
      const started = run.output().split('\n').find((l) => l.includes('"msg":"started"')) ?? '';
      expect(JSON.parse(started)).toMatchObject({ level: 'info', mode: 'http', port });
      expect(started).toContain('127.0.0.1');
      expect(started).toContain('header auth');
      expect(run.output()).not.toContain(BK_SECRET);
    });

    it('acks a signed /eventlog and answers through response_url', async () => {
      const body = new URLSearchParams({
        command: '/eventlog',
        text: '42',
        user_id: 'U1',
        channel_id: 'C1',
        team_id: 'T1',
        response_url: `${responses.url}/r/1`,
        trigger_id: 't',
        api_app_id: 'A1',
      }).toString();
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SIGNING_SECRET, body) },
      });
      expect(res.status).toBe(200);
      const [answer] = await responses.waitForRequests(1);
      expect(JSON.parse(answer.body)).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
      expect(answer.body).toContain('42');
    });

    it('exits 0 on SIGTERM', async () => {
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    });
  });
});
