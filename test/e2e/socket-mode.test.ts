import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createBot, type SlackBot } from '../../src/bot';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createPrometheusMetrics } from '../../src/metrics-prometheus';
import { startFakeEsb, type FakeEsb } from '../helpers/fake-esb';
import { requestedIds } from '../helpers/esb-answers';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/fake-slack-api';
import { freePort } from '../helpers/free-port';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';
import { slashCommand } from '../helpers/slack-payloads';
import { waitFor } from '../helpers/wait-for';

const APP_TOKEN = 'xapp-1-A0EVENTLOG-socket-test';

/**
 * Socket Mode end to end: the app opens its connection through apps.connections.open on the
 * Slack API stand-in, and a local WebSocket server plays Slack's socket: hello, then a
 * slash-command envelope; the app must ack over the socket and answer at response_url.
 */
describe('Socket Mode', () => {
  let socketServer: WebSocketServer;
  let slack: FakeSlackApi;
  let esb: FakeEsb;
  let responses: RecordingServer;
  let bot: SlackBot;
  let healthPort: number;
  const received: unknown[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    socketServer = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => socketServer.once('listening', resolve));
    socketServer.on('connection', (socket) => {
      sockets.push(socket);
      socket.on('message', (data) => received.push(JSON.parse(String(data))));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0EVENTLOG' } }));
    });
    const wsPort = (socketServer.address() as AddressInfo).port;
    slack = await startFakeSlackApi();
    slack.reply('apps.connections.open', { body: { ok: true, url: `ws://127.0.0.1:${wsPort}/link` } });
    esb = await startFakeEsb({
      body: JSON.stringify({
        result: true,
        code: 200,
        message: 'OK',
        request_id: 'socket-req-1',
        data: [{ status: 'SUCCESS', event_id: 164239028644167, message: '告警产生', operate: 'CREATE', extend_info: {}, create_time: '2022-01-17 11:31:26' }],
      }),
    });
    responses = await startRecordingServer();
    healthPort = await freePort();
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-socket-test',
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(healthPort),
      BK_API_BASE_URL: esb.url,
      BK_APP_CODE: 'bot',
      BK_APP_SECRET: 'socket-test-secret',
      BK_USERNAME: 'admin',
      LOG_LEVEL: 'error',
    });
    if (config.slack.kind !== 'socket' || !config.bk) throw new Error('expected Socket Mode');
    bot = createBot({ ...config, slack: config.slack }, {
      log: createLogger({ level: 'error', secrets: [], write: () => undefined }),
      metrics: createPrometheusMetrics({ defaultMetrics: false }),
      webApiRetries: 0,
      logWorkers: false,
    });
    await bot.start();
  });

  afterAll(async () => {
    // Let the app's close handshake finish (the server answers the close frame), so no timer outlives the test.
    const closed = sockets.map((socket) => new Promise((resolve) => socket.once('close', resolve)));
    await bot.stop(1000);
    await Promise.all(closed);
    await new Promise((resolve) => socketServer.close(resolve));
    await Promise.all([slack.close(), esb.close(), responses.close()]);
  });

  it('opens the connection with the app token through the configured Slack API URL', () => {
    const [open] = slack.server.requests.filter((r) => r.path === '/api/apps.connections.open');
    expect(open?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it('reports ready on /readyz once connected, with /healthz on PORT', async () => {
    await waitFor(() => sockets, 1);
    expect((await fetch(`http://127.0.0.1:${healthPort}/healthz`)).status).toBe(200);
    const deadline = Date.now() + 5000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await fetch(`http://127.0.0.1:${healthPort}/readyz`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(200);
  });

  it('acks a slash command over the socket and answers through response_url', async () => {
    const [socket] = await waitFor(() => sockets, 1);
    socket.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: slashCommand('164239028644167', `${responses.url}/commands/socket`, { is_enterprise_install: 'false' }),
      }),
    );
    const [ack] = (await waitFor(() => received, 1)) as Array<{ envelope_id: string; payload: { text: string } }>;
    expect(ack.envelope_id).toBe('env-1');
    expect(ack.payload.text).toContain('164239028644167');
    const [answer] = await responses.waitForRequests(1);
    expect(JSON.parse(answer.body)).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(answer.body).toContain('164239028644167');
    expect(requestedIds(esb.requests)).toEqual(['164239028644167']);
  });

  it.each([
    ['an object', { action_id: 'eventlog_refresh' }],
    ['null', null],
  ])('acks an interaction Bolt cannot route (actions is %s) instead of leaving it for Slack to send again', async (name, actions) => {
    const [socket] = await waitFor(() => sockets, 1);
    const before = received.length;
    const envelopeId = `env-malformed-${name.replace(/\W/g, '')}`;
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type: 'interactive',
        accepts_response_payload: false,
        payload: { type: 'block_actions', actions, user: { id: 'U0ALICE' }, team: { id: 'T0001' }, trigger_id: '9.trigger' },
      }),
    );
    const acks = (await waitFor(() => received.slice(before), 1)) as Array<{ envelope_id: string }>;
    expect(acks.map((ack) => ack.envelope_id)).toEqual([envelopeId]);
  });
});
