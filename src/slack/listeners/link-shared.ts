import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import type { SlackContext } from '../context';
import { unfurlTargets, type UnfurlTarget } from '../../ids/unfurl-links';
import { isSlackRetry } from '../retry-dedupe';
import { logDrawing, lookUpAndRender, type Surface } from '../../lookup/lookup-reply';
import type { UnfurlView } from '../../render/unfurl-blocks';
import { slackErrorCode } from '../slack-api-error';

type LinkSharedArgs = SlackEventMiddlewareArgs<'link_shared'> & AllMiddlewareArgs;
type LinkSharedEvent = LinkSharedArgs['event'];

/**
 * A BlueKing Monitor link pasted in a channel (or still in the composer) is
 * unfurled with the compact answer and a Full log button, looked up as the
 * user who pasted it: their identity and the allowlists apply, and a refusal
 * or a BlueKing failure leaves the link as it is (nothing said in the channel).
 * Slack sends only links on the manifest's unfurl_domains; the host of
 * BK_MONITOR_URL is checked again here.
 */
export function register(app: App, ctx: SlackContext): void {
  app.event('link_shared', async ({ event, body, client, context }: LinkSharedArgs) => {
    const targets = unfurlTargets(event.links, ctx.config.monitorUrl);
    if (targets.length === 0) {
      ctx.log.debug('unfurl.no_links', { user: event.user, channel: event.channel, links: event.links.length });
      return;
    }
    // Slack retries an event it doubts was received: keyed on the message (or the composer's unfurl_id), like a mention.
    if (await isSlackRetry(ctx, 'unfurl', `${event.channel}/${event.message_ts}/${event.unfurl_id ?? '-'}`, context.retryNum)) return;
    const teamId = 'team_id' in body && typeof body.team_id === 'string' ? body.team_id : null;
    ctx.tasks.run(() => unfurl(ctx, client, event, teamId, targets));
  });
}

async function unfurl(ctx: SlackContext, client: webApi.WebClient, event: LinkSharedEvent, teamId: string | null, targets: UnfurlTarget[]): Promise<void> {
  const surface: Surface<UnfurlView | null> = {
    ...logDrawing(ctx, { kind: 'unfurl' }),
    // Refusals and failures are for the person who asked, never for the whole channel.
    other: () => null,
  };
  const byId = new Map<string, Promise<UnfurlView | null>>();
  for (const { id } of targets) {
    if (!byId.has(id)) {
      const request = { id, userId: event.user, channelId: event.channel, teamId, bypassCache: false };
      byId.set(id, lookUpAndRender(ctx, request, surface).then((reply) => reply.message));
    }
  }
  const unfurls: Record<string, UnfurlView> = {};
  for (const { url, id } of targets) {
    const shown = await byId.get(id);
    if (shown) unfurls[url] = shown;
  }
  const logContext = { user: event.user, channel: event.channel, source: event.source ?? null, links: targets.length, unfurled: Object.keys(unfurls).length };
  if (Object.keys(unfurls).length === 0) {
    ctx.log.info('unfurl.nothing_to_show', logContext);
    return;
  }
  try {
    // A posted message is named by channel + ts (the form chat.unfurl always takes; newer link_shared events may
    // carry no unfurl_id). A link still in the composer has placeholders there ("COMPOSER", "U…-uuid"): unfurl_id + source.
    await client.chat.unfurl(
      event.source === 'composer' && event.unfurl_id
        ? { unfurl_id: event.unfurl_id, source: 'composer', unfurls }
        : { channel: event.channel, ts: event.message_ts, unfurls },
    );
    ctx.log.info('unfurl.sent', logContext);
  } catch (err) {
    ctx.log.warn('unfurl.failed', { ...logContext, slack_error: slackErrorCode(err) });
  }
}
