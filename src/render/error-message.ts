import { describeLookupError } from './describe-error';
import type { LookupError } from '../eventlog/model/lookup-error';
import { messagesFor } from '../i18n/catalog';
import { RENDER_BUDGET } from './limits';
import { clipInline } from './mrkdwn';
import { safeMessage } from './plain-message';
import type { RenderOptions, SlackMessage } from './types';

/**
 * Why a lookup failed, in plain words: title, explanation, what BlueKing
 * said (escaped), the hint, and code + request_id for whoever digs further.
 * Built from describeLookupError, which never carries credentials.
 */
export function renderLookupError(id: string, err: LookupError, opts: Pick<RenderOptions, 'lang'>): SlackMessage {
  const { replies, render } = messagesFor(opts.lang);
  const words = replies.lookupError;
  const description = describeLookupError(err, opts.lang);
  const title = clipInline(description.title, RENDER_BUDGET.plainLine);
  const lines = [clipInline(description.explanation, RENDER_BUDGET.plainLine)];
  if (err.upstreamMessage && err.upstreamMessage.trim() !== '') {
    lines.push(`${words.upstream}${render.reasonSeparator}_${clipInline(err.upstreamMessage, RENDER_BUDGET.plainLine)}_`);
  }
  if (description.hint) lines.push(`${words.hint} ${clipInline(description.hint, RENDER_BUDGET.plainLine)}`);
  const context = [words.event(clipInline(id, RENDER_BUDGET.name))];
  if (err.code) context.push(`${words.code} \`${clipInline(err.code, RENDER_BUDGET.name)}\``);
  if (err.requestId) context.push(`${words.request} \`${clipInline(err.requestId, RENDER_BUDGET.requestId)}\``);
  return safeMessage({
    emoji: '⚠️',
    title,
    lines,
    context: context.join(' · '),
    text: `⚠️ ${context[0]}${render.reasonSeparator}${title}`,
  });
}
