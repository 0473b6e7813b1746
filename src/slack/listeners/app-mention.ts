import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import { extractEventIds } from '../../ids/extract-ids';
import { isWatchWord, parseCommandText, withoutUserMentions } from '../../ids/parse-command';
import { startWatch } from '../../watch/slack/start-watch';
import type { SlackContext } from '../context';
import { renderUsage } from '../../render/plain-message';
import { renderIdChoice, renderInvalidInput, renderNoIdFound, renderRestarting } from '../../render/status-message';
import { slackErrorCode } from '../slack-api-error';
import { answerInThread, tellRequester, type ThreadTarget } from '../thread-reply';
import { isSlackRetry } from '../retry-dedupe';

type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;
type MentionEvent = MentionArgs['event'];

/**
 * `@eventlog 123` in a thread answers there; a bare `@eventlog` in a thread
 * reads the thread's parent (the alert post) and finds the ID in it.
 */
export function register(app: App, ctx: SlackContext): void {
  app.event('app_mention', async ({ event, client, context }: MentionArgs) => {
    // Never answer bots (including ourselves): two bots could mention each other forever.
    if (event.bot_id || !event.user) return;
    // Bolt acked the event before this listener ran, so asking the store here never delays the ack.
    // Keyed on the message (channel and ts), which a redelivery keeps, on this replica or another.
    if (await isSlackRetry(ctx, 'mention', `${event.channel}/${event.ts}`, context.retryNum)) return;
    ctx.tasks.run(
      () => handleMention(event, client, ctx),
      () => tellRequester(ctx, client, targetOf(event), renderRestarting(ctx.config.lang)),
    );
  });
}

/** A mention is answered in its thread; private notes go by chat.postEphemeral (a mention has no response_url). */
function targetOf(event: MentionEvent): ThreadTarget {
  return { channel: event.channel, threadTs: event.thread_ts ?? event.ts, userId: event.user ?? '', teamId: event.team ?? null, responseUrl: null };
}

async function handleMention(event: MentionEvent, client: webApi.WebClient, ctx: SlackContext): Promise<void> {
  const { lang } = ctx.config;
  const target = targetOf(event);
  const { words, watch } = readWatchWord(withoutUserMentions(event.text));
  const request = parseCommandText(words);
  ctx.log.info('mention', { user: target.userId, channel: target.channel, in_thread: Boolean(event.thread_ts), kind: request.kind, watch });
  // `@eventlog watch <id>`, or a bare `@eventlog watch` under an alert post: the watching message goes into this thread.
  const answer = (id: string): Promise<void> =>
    watch || (request.kind === 'lookup' && request.watch) ? watchInThread(ctx, client, id, target) : answerInThread(ctx, client, id, target);
  if (request.kind === 'lookup') return answer(request.id);
  if (request.kind === 'help' && words.length > 0) return tellRequester(ctx, client, target, renderUsage(lang));

  // No ID typed: look in the mention itself, then in the thread's parent post.
  let ids = extractEventIds(event, ctx.now());
  if (ids.length === 0 && event.thread_ts) ids = await idsInThreadParent(ctx, client, event.channel, event.thread_ts);
  if (ids.length === 1) return answer(ids[0]);
  if (ids.length > 1) return tellRequester(ctx, client, target, renderIdChoice(ids, target.threadTs, lang));
  if (request.kind === 'invalid') return tellRequester(ctx, client, target, renderInvalidInput(request.reason, request.excerpt, lang));
  return tellRequester(ctx, client, target, renderNoIdFound(lang));
}

/** A leading "watch" (or 关注, …) taken off the mention's words. */
function readWatchWord(text: string): { words: string; watch: boolean } {
  const [first = '', ...rest] = text.split(/\s+/);
  return isWatchWord(first) ? { words: rest.join(' '), watch: true } : { words: text, watch: false };
}

function watchInThread(ctx: SlackContext, client: webApi.WebClient, id: string, target: ThreadTarget): Promise<void> {
  return startWatch(ctx, client, {
    id,
    channel: target.channel,
    threadTs: target.threadTs,
    userId: target.userId,
    teamId: target.teamId,
    confirm: false,
    tell: (message) => tellRequester(ctx, client, target, message),
  });
}

/** The thread's first message, read with conversations.replies (needs the *:history scopes). */
async function idsInThreadParent(ctx: SlackContext, client: webApi.WebClient, channel: string, threadTs: string): Promise<string[]> {
  try {
    const res = await client.conversations.replies({ channel, ts: threadTs, limit: 1, inclusive: true });
    const parent = res.messages?.[0];
    return parent ? extractEventIds(parent, ctx.now()) : [];
  } catch (err) {
    ctx.log.warn('slack.thread_read_failed', { channel, slack_error: slackErrorCode(err) });
    return [];
  }
}
