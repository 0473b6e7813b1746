import type { RunningApp } from '../../src/app';
import { createBot } from '../../src/bot';
import { loadConfig, type Config } from '../../src/config';
import type { EventLogSource } from '../../src/eventlog/model/source';
import { createLogger } from '../../src/log';
import type { LogWorkers } from '../../src/offload/log-workers';
import { createPrometheusMetrics } from '../../src/metrics-prometheus';
import { startFakeEsb, type FakeEsb } from './fake-esb';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api';
import { eventCallback, slashCommand } from './slack-payloads';
import { startRecordingServer, type RecordingServer } from './recording-server';
import { slackSignatureHeaders } from './slack-signature';

export const SIGNING_SECRET = 'test-signing-secret-5f2c9d';
export const BOT_TOKEN = 'xoxb-test-bot-token-81f3a0';
export const BK_SECRET = 'bk-app-secret-7d41e9c2';

/** The real app on a real port, with the three remote parties played by local servers. */
export interface Harness {
  url: string;
  running: RunningApp;
  config: Config;
  esb: FakeEsb;
  slack: FakeSlackApi;
  responses: RecordingServer;
  /** Every log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  logLines: string[];
  postCommand(text: string, fields?: Record<string, string>): Promise<Response>;
  postInteraction(payload: object): Promise<Response>;
  postEvent(event: object): Promise<Response>;
  /** POST a raw body with the given headers (for signature tests). */
  postRaw(body: string, headers: Record<string, string>): Promise<Response>;
  /** response_url POSTs received so far, parsed. */
  responseBodies(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Optional knobs for tests that need the app wired differently from the default. */
export interface HarnessOptions {
  /** Web API retries (default 0, so a stand-in's error is seen at once); a rate-limit test needs at least 1. */
  webApiRetries?: number;
  /** Pass log lines through the secret redactor, as production does (default true). */
  redactLogs?: boolean;
  /** The app's clock (cache TTL, rate limits); Slack's signatures still use the real time. */
  now?: () => number;
  /** Read big BlueKing bodies on worker threads, as production does (default false: from the .ts sources a worker's first job transpiles its imports, seconds on a busy machine). */
  offload?: boolean;
  /** Wrap the real BlueKing client, e.g. to hand the app a log no real client would produce. */
  wrapSource?: (client: EventLogSource) => EventLogSource;
  /** Wrap the log workers the app is given (with `offload: true`), e.g. to count their jobs. */
  wrapRawLogs?: (workers: LogWorkers) => LogWorkers;
}

let commandCounter = 0;

/** The settings of a bot in HTTP mode talking to local stand-ins for Slack's Web API and the ESB. */
export function testBotEnv(slackApiUrl: string, esbUrl: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
    BK_API_BASE_URL: esbUrl,
    BK_APP_CODE: 'eventlog-bot',
    BK_APP_SECRET: BK_SECRET,
    BK_USERNAME: 'oncall-bot',
  };
}

/** Start the real app in HTTP mode; `env` overrides the default settings (any setting name from the README). */
export async function startHarness(env: Record<string, string> = {}, options: HarnessOptions = {}): Promise<Harness> {
  const esb = await startFakeEsb();
  const slack = await startFakeSlackApi();
  const responses = await startRecordingServer(() => ({ status: 200, body: 'ok' }));
  const config: Config = {
    ...loadConfig({
      ...testBotEnv(slack.apiUrl, esb.url),
      BK_TIMEOUT_MS: '2000',
      LOG_LEVEL: 'debug',
      ...env,
    }),
    port: 0,
  };
  if (config.slack.kind !== 'http' || !config.bk) throw new Error('harness needs HTTP mode and BlueKing settings');
  const logLines: string[] = [];
  const secrets = options.redactLogs === false ? [] : [BK_SECRET, BOT_TOKEN, SIGNING_SECRET];
  const log = createLogger({ level: config.logLevel, secrets, write: (line) => logLines.push(line) });
  const bot = createBot({ ...config, slack: config.slack }, {
    log,
    metrics: createPrometheusMetrics({ defaultMetrics: false }),
    webApiRetries: options.webApiRetries ?? 0,
    now: options.now,
    logWorkers: options.offload === true ? (options.wrapRawLogs ?? true) : false,
    ...(options.wrapSource ? { wrapSource: options.wrapSource } : {}),
  });
  const running = bot.app;
  const { port } = await bot.start();
  const url = `http://127.0.0.1:${port}`;

  const postRaw = (body: string, headers: Record<string, string>): Promise<Response> =>
    fetch(`${url}/slack/events`, { method: 'POST', body, headers });
  const postSigned = (body: string, contentType: string): Promise<Response> =>
    postRaw(body, { 'content-type': contentType, ...slackSignatureHeaders(SIGNING_SECRET, body) });

  return {
    url,
    running,
    config,
    esb,
    slack,
    responses,
    logLines,
    get logs() {
      return logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    postCommand: (text, fields = {}) => {
      commandCounter++;
      const form = new URLSearchParams(
        slashCommand(text, `${responses.url}/commands/${commandCounter}`, { trigger_id: `${commandCounter}.trigger`, ...fields }),
      );
      return postSigned(form.toString(), 'application/x-www-form-urlencoded');
    },
    postInteraction: (payload) =>
      postSigned(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded'),
    postEvent: (event) => postSigned(JSON.stringify(eventCallback(event)), 'application/json'),
    postRaw,
    responseBodies: () => responses.requests.map((r) => JSON.parse(r.body) as Record<string, unknown>),
    close: async () => {
      await bot.stop(2000);
      await Promise.all([esb.close(), slack.close(), responses.close()]);
    },
  };
}
