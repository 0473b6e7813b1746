import http from 'node:http';
import { App, HTTPReceiver, LogLevel, type AllMiddlewareArgs, type SlackCommandMiddlewareArgs } from '@slack/bolt';
import nodeFetch from 'node-fetch';
import { buildEventLogRequest } from '../src/bk/request';
import { loadConfig } from '../src/config';
import { RELAY_ANSWER_TEXT } from './bench-types';

/**
 * The floors the bot is measured against, each a bare Bolt app in HTTP mode
 * with signature checks, started as `node dist-bench/bench/floor.js <kind>` with
 * the same settings as the bot:
 *   ack-only: acks every command and does nothing else;
 *   relay:    acks, GETs the same ESB URL (same credentials, node-fetch with a
 *             keep-alive agent, as the bot's client), reads the body, and
 *             answers the response_url with a fixed text.
 */

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

async function main(): Promise<void> {
  const kind = process.argv[2];
  if (kind !== 'ack-only' && kind !== 'relay') throw new Error('usage: floor.js ack-only|relay');
  const config = loadConfig(process.env);
  if (config.slack.kind !== 'http' || !config.bk) throw new Error('floor needs HTTP-mode Slack settings and BlueKing settings');
  const bk = config.bk;
  const receiver = new HTTPReceiver({ signingSecret: config.slack.signingSecret, port: config.port, logLevel: LogLevel.ERROR });
  const app = new App({
    token: config.slack.botToken,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {},
    // As lean as Bolt goes (the bot turns the conversation store off too).
    convoStore: false,
  });
  const agent = new http.Agent({ keepAlive: true });

  if (kind === 'ack-only') {
    app.command(/^\/.+/, async ({ ack }: CommandArgs) => {
      await ack();
    });
  } else {
    app.command(/^\/.+/, async ({ command, ack, respond }: CommandArgs) => {
      await ack();
      const request = buildEventLogRequest(bk, command.text.trim(), bk.username);
      const res = await nodeFetch(request.url, { method: 'GET', headers: request.headers, agent });
      await res.text();
      await respond({ response_type: 'ephemeral', replace_original: true, text: RELAY_ANSWER_TEXT });
    });
  }
  await app.start(config.port);
  const stop = (): void => {
    app.stop().finally(() => process.exit(0));
  };
  // Exit cleanly on SIGTERM so `--cpu-prof` writes its profile.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`floor failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
