import type { WatchTarget } from '../watcher';
import type { webApi } from '@slack/bolt';
import type { WatchRecord } from '../watch-record';
import type { SlackContext } from '../../slack/context';
import { lookUpAndRender, type Surface } from '../../lookup/lookup-reply';
import { renderPostFailure } from '../../render/status-message';
import { renderAlreadyClosed, renderAlreadyWatched, renderWatchFull, renderWatchStarted } from '../watch-status';
import type { SlackMessage } from '../../render/types';
import { slackErrorCode } from '../../slack/slack-api-error';

/** A request to watch an event, from whichever entry point. */
export interface WatchRequest extends WatchTarget {
  id: string;
  /** Tell the person who asked (ephemeral: response_url or chat.postEphemeral). */
  tell(message: SlackMessage): Promise<void>;
  /** Whether to confirm a start to them (a slash command's placeholder must be replaced; a click or mention needs no word). */
  confirm: boolean;
}

/**
 * Start watching: point to the watch that exists, else look the event up as
 * the requester (so a missing event or a refused user is told at once, the
 * way a lookup is), post the watching message and keep it current.
 */
export async function startWatch(ctx: SlackContext, client: webApi.WebClient, req: WatchRequest): Promise<void> {
  const { lang } = ctx.config;
  const existing = await ctx.watcher.existing(req.channel, req.id);
  if (existing) return pointTo(ctx, client, req, existing);
  const reply = await lookUpAndRender(ctx, { id: req.id, userId: req.userId, channelId: req.channel, teamId: req.teamId, bypassCache: false }, FAILURES_ONLY);
  if (!reply.fetched) return reply.message ? req.tell(reply.message) : undefined;
  const result = await ctx.watcher.start({ ...reply.fetched, channel: req.channel, threadTs: req.threadTs, userId: req.userId, teamId: req.teamId });
  switch (result.kind) {
    case 'started':
      if (req.confirm) await req.tell(renderWatchStarted(req.id, req.threadTs !== null, lang));
      return;
    case 'exists':
      return pointTo(ctx, client, req, result.watch);
    case 'full':
      return req.tell(renderWatchFull(result.max, lang));
    case 'closed':
      return req.tell(renderAlreadyClosed(req.id, lang));
    case 'post_failed':
      return req.tell(renderPostFailure(result.result.failure, lang));
  }
}

/**
 * The lookup's failure, worded for the requester; a log found is not drawn here: the watcher draws its first
 * message from it (for a big log, one worker job instead of two).
 */
const FAILURES_ONLY: Surface<SlackMessage | null> = { log: () => null, rawLog: async () => null, other: (message) => message };

async function pointTo(ctx: SlackContext, client: webApi.WebClient, req: WatchRequest, watch: WatchRecord): Promise<void> {
  ctx.log.info('watch.exists', { event_id: req.id, channel: req.channel, user: req.userId, started_by: watch.startedBy });
  await req.tell(renderAlreadyWatched(req.id, watch.startedBy, await permalinkOf(ctx, client, watch), ctx.config.lang));
}

/** A link to the watching message (chat.getPermalink needs no extra scope); null when Slack gives none. */
async function permalinkOf(ctx: SlackContext, client: webApi.WebClient, watch: WatchRecord): Promise<string | null> {
  if (watch.messageTs === '') return null;
  try {
    const res = await client.chat.getPermalink({ channel: watch.channel, message_ts: watch.messageTs });
    return typeof res.permalink === 'string' ? res.permalink : null;
  } catch (err) {
    ctx.log.debug('watch.permalink_failed', { channel: watch.channel, slack_error: slackErrorCode(err) });
    return null;
  }
}
