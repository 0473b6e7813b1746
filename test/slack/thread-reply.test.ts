import { webApi } from '@slack/bolt';
import { loadConfig } from '../../src/config';
import { createDemoSource } from '../../src/console/demo-data';
import { createEventLogService } from '../../src/eventlog/service/service';
import { createLogger } from '../../src/log';
import { noopMetrics } from '../helpers/silent';
import type { SlackContext } from '../../src/slack/context';
import { checkMessageLimits } from '../helpers/check-limits';
import { renderNoIdFound } from '../../src/render/status-message';
import type { SlackMessage } from '../../src/render/types';
import { TaskTracker } from '../../src/slack/tasks';
import { answerInThread, postToThread, tellRequester, type ThreadTarget } from '../../src/slack/thread-reply';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/fake-slack-api';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';
import { webApiWatchSlack } from '../../src/watch/slack/watch-slack-api';
import { MemoryStore } from '../../src/store/memory-store';
import { createStoreWatchStore } from '../../src/watch/store-watch-store';
import { createWatcher } from '../../src/watch/watcher';

/**
 * The thread answer on its own: the real WebClient against the Slack Web API
 * stand-in, the built-in demo events as BlueKing, no Bolt in between.
 */

const TOKEN = 'xoxb-thread-reply-test-token';
const NOW = Date.UTC(2024, 0, 1, 4, 0, 0);

describe('answering in a thread', () => {
  let slack: FakeSlackApi;
  let responses: RecordingServer;
  let client: webApi.WebClient;
  let ctx: SlackContext;
  let logLines: Array<Record<string, unknown>>;

  beforeEach(async () => {
    slack = await startFakeSlackApi();
    responses = await startRecordingServer();
    client = new webApi.WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    logLines = [];
    const log = createLogger({ level: 'debug', secrets: [TOKEN], write: (line) => logLines.push(JSON.parse(line) as Record<string, unknown>) });
    const config = loadConfig({});
    const store = new MemoryStore(() => NOW);
    const service = createEventLogService(config, {
      source: createDemoSource(config.timezone, NOW),
      now: () => NOW,
      log,
      metrics: noopMetrics,
      lookupEmail: async () => null,
      store,
    });
    const watcher = createWatcher({
      store: createStoreWatchStore(store),
      lookup: (request) => service.lookup(request),
      slack: webApiWatchSlack(client),
      log,
      metrics: noopMetrics,
      now: () => NOW,
      random: () => 0.5,
      replicaId: 'test',
      settings: config.watch,
      render: { lang: config.lang, timezone: config.timezone, monitorUrl: config.monitorUrl },
    });
    ctx = { config, service, log, metrics: noopMetrics, tasks: new TaskTracker(() => undefined), now: () => NOW, watcher, store };
  });

  afterEach(async () => {
    await Promise.all([slack.close(), responses.close()]);
  });

  const target = (responseUrl: string | null): ThreadTarget => ({
    channel: 'C0INCIDENT',
    threadTs: '1642390290.000200',
    userId: 'U0ALICE',
    teamId: 'T0001',
    responseUrl,
  });

  it('posts the compact log with the thread, the text for notifications, and no link unfurls', async () => {
    await answerInThread(ctx, client, '1', target(null));

    const [post] = slack.calls('chat.postMessage');
    expect(post).toMatchObject({ channel: 'C0INCIDENT', thread_ts: '1642390290.000200', unfurl_links: 'false', unfurl_media: 'false' });
    expect(String(post.text)).toMatch(/^🔴 Event 1 · Firing/);
    const values = JSON.stringify(post.blocks).match(/"value":"[^"]*"/g);
    // Refresh, Watch (a thread answer is seen by everyone there, so it can be watched) and Full log.
    expect(values).toEqual(['"value":"1:0:compact"', '"value":"1:0:compact"', '"value":"1:0:compact"']);
    expect(JSON.stringify(post.blocks)).toContain('"action_id":"eventlog_watch"');
    expect(checkMessageLimits({ text: String(post.text), blocks: post.blocks as SlackMessage['blocks'] })).toEqual([]);
  });

  it('sends a BlueKing failure to the requester only, never into the thread', async () => {
    await answerInThread(ctx, client, '9403', target(null));

    expect(slack.calls('chat.postMessage')).toHaveLength(0);
    const [note] = slack.calls('chat.postEphemeral');
    expect(note).toMatchObject({ channel: 'C0INCIDENT', user: 'U0ALICE', thread_ts: '1642390290.000200' });
    expect(String(note.text)).toContain('9403');
  });

  it('explains a refused post through the response_url, naming the scope Slack says is missing', async () => {
    slack.reply('chat.postMessage', { body: { ok: false, error: 'missing_scope', needed: 'chat:write.public', provided: 'chat:write' } });

    const posted = await postToThread(ctx, client, target(`${responses.url}/hook`), renderNoIdFound('en'));

    expect(posted).toBe(false);
    const [note] = responses.requests.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(note).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: '⚠️ Could not post the log in this thread' });
    expect(JSON.stringify(note.blocks)).toContain('lacks the chat:write.public permission (scope)');
    expect(logLines.find((l) => l.msg === 'slack.post_failed')).toMatchObject({ slack_error: 'missing_scope', needed_scope: 'chat:write.public' });
  });

  it('names no scope when Slack\'s "needed" is not a scope list', async () => {
    slack.reply('chat.postMessage', { body: { ok: false, error: 'missing_scope', needed: '<!channel> please' } });

    await postToThread(ctx, client, target(`${responses.url}/hook`), renderNoIdFound('en'));

    const shown = responses.requests[0]?.body ?? '';
    expect(shown).toContain('lacks the needed permission (scope)');
    expect(shown).not.toContain('please');
  });

  it('says when Slack cannot be reached at all, without throwing', async () => {
    const unreachable = new webApi.WebClient(TOKEN, { slackApiUrl: 'http://127.0.0.1:1/api/', retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });

    const posted = await postToThread(ctx, unreachable, target(`${responses.url}/hook`), renderNoIdFound('en'));

    expect(posted).toBe(false);
    expect(responses.requests[0]?.body).toContain('Slack error: request_error');
  });

  it('logs, and does not throw, when even the private note cannot be delivered', async () => {
    slack.reply('chat.postEphemeral', { body: { ok: false, error: 'user_not_in_channel' } });

    await expect(tellRequester(ctx, client, target(null), renderNoIdFound('en'))).resolves.toBeUndefined();
    expect(logLines.find((l) => l.msg === 'slack.ephemeral_failed')).toMatchObject({ slack_error: 'user_not_in_channel', user: 'U0ALICE' });
    expect(JSON.stringify(logLines)).not.toContain(TOKEN);
  });
});
