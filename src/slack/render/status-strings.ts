import type { Lang } from '../../config';
import type { Refusal } from '../../eventlog/service';
import type { SlackApiFailure } from '../slack-api-error';

/**
 * Words for the bot's short status messages (placeholders, refusals, thread
 * problems), in English and Chinese. Plain text: callers escape via renderPlainMessage.
 */
export interface StatusStrings {
  lookingUp(id: string): string;
  invalidTitle: string;
  youTyped(excerpt: string): string;
  usageHint: string;
  noIdTitle: string;
  noIdLines: readonly string[];
  chooseTitle(n: number): string;
  chooseLine: string;
  staleButton: string;
  refusal(refusal: Refusal): { title: string; lines: string[] };
  postFailure(failure: SlackApiFailure): { title: string; lines: string[] };
}

const EN: StatusStrings = {
  lookingUp: (id) => `Looking up event ${id} in BlueKing…`,
  invalidTitle: 'Could not read an event ID',
  youTyped: (excerpt) => `You typed: ${excerpt}`,
  usageHint: 'Try /eventlog 5310 or /eventlog 164239028644167 public; /eventlog help shows every way to ask.',
  noIdTitle: 'No BlueKing event ID found in this message',
  noIdLines: [
    'Looked for “告警ID: …”, “Alert ID: …”, “Event ID: …”, event-center links (#/event-center/detail/…, alertId=…) and 15+ digit alert IDs, in the text, blocks and attachments.',
    'IDs from “查看详情” links (action_id, collectId) are notification IDs, not event IDs.',
    '/eventlog <id> works in any channel, and “@eventlog <id>” in a thread.',
  ],
  chooseTitle: (n) => `This message mentions ${n} event IDs`,
  chooseLine: 'Pick one to post its log in the thread:',
  staleButton: 'That button no longer works (it may be from an older version of the bot). Run /eventlog <id> again.',
  refusal: (r) => {
    switch (r.kind) {
      case 'access':
        return {
          title: 'The event log bot is not enabled here',
          lines: [
            r.denied === 'team'
              ? 'This Slack workspace is not on the bot’s allowlist.'
              : r.denied === 'channel'
                ? 'This channel is not on the bot’s allowlist. Try the incident channels it serves.'
                : 'Your Slack user is not on the bot’s allowlist.',
            'Ask whoever runs the bot to add it (ALLOWED_TEAM_IDS / ALLOWED_CHANNEL_IDS / ALLOWED_USER_IDS).',
          ],
        };
      case 'identity':
        return {
          title: 'No BlueKing account is linked to your Slack user',
          lines: [
            ...(r.why === 'unmapped'
              ? [
                  'The bot looks events up as your own BlueKing user, and you are not in its user map.',
                  'Ask whoever runs the bot to map your Slack user ID to your BlueKing username (BK_USER_MAP_FILE).',
                ]
              : [
                  'The bot looks events up as your own BlueKing user, named by your Slack email (the part before @), and could not read a usable one.',
                  'Add your work email to your Slack profile, or ask whoever runs the bot to grant it the users:read.email scope.',
                ]),
          ],
        };
      case 'user_rate_limited':
        return { title: 'Slow down a little', lines: [`You have made many lookups in the last minute. Try again in ${r.retryAfterSec} s.`] };
      case 'busy':
        return {
          title: 'BlueKing is busy with other lookups',
          lines: ['Too many lookups are running at once, so this one was not sent. Try again in a few seconds.'],
        };
    }
  },
  postFailure: ({ code, neededScope }) => {
    const fix: Record<string, string> = {
      not_in_channel: 'The bot is not in this channel. Invite it with /invite @eventlog (or add the chat:write.public scope for public channels), then try again.',
      channel_not_found:
        'Slack says this channel does not exist for the bot (a private channel or a direct message it is not in). Invite it with /invite @eventlog, or use /eventlog <id> there.',
      is_archived: 'This channel is archived, so nothing can be posted in it. Unarchive it, or look the event up with /eventlog <id> elsewhere.',
      missing_scope: `The bot’s Slack app lacks the ${neededScope ?? 'needed'} permission (scope). Add it under OAuth & Permissions, or reinstall the app from manifest.yml, then try again.`,
      not_allowed_token_type: 'The bot token is not a bot token (xoxb-). Check SLACK_BOT_TOKEN.',
      invalid_auth: 'Slack no longer accepts the bot’s token. Reinstall the app and update SLACK_BOT_TOKEN.',
      token_revoked: 'The bot’s token was revoked. Reinstall the app and update SLACK_BOT_TOKEN.',
      account_inactive: 'The bot’s Slack app was uninstalled or deactivated. Reinstall it.',
      ratelimited: 'Slack is rate limiting the bot. Try again in a minute.',
      msg_too_long: 'The log was too long for one Slack message. Use /eventlog <id> and page through it.',
      msg_blocks_too_long: 'The log was too long for one Slack message. Use /eventlog <id> and page through it.',
      invalid_blocks: 'Slack refused the message layout. Please report this with the event ID.',
      request_error: 'The bot could not reach Slack. Try again in a minute.',
      http_error: 'Slack answered with an HTTP error. Try again in a minute.',
    };
    return {
      title: 'Could not post the log in this thread',
      lines: [fix[code] ?? `Slack answered “${code}”.`, `Slack error: ${code}`],
    };
  },
};

const ZH: StatusStrings = {
  lookingUp: (id) => `正在从蓝鲸查询事件 ${id}…`,
  invalidTitle: '无法识别事件 ID',
  youTyped: (excerpt) => `你输入的是：${excerpt}`,
  usageHint: '例如 /eventlog 5310 或 /eventlog 164239028644167 public；/eventlog help 查看全部用法。',
  noIdTitle: '没有在这条消息里找到蓝鲸事件 ID',
  noIdLines: [
    '已在正文、blocks 和附件中查找“告警ID: …”、“Alert ID: …”、“Event ID: …”、事件中心链接（#/event-center/detail/…、alertId=…）以及 15 位以上的告警 ID。',
    '“查看详情”链接里的 action_id、collectId 是通知 ID，不是事件 ID。',
    '在任何频道都可以用 /eventlog <id>，在线程中可以用“@eventlog <id>”。',
  ],
  chooseTitle: (n) => `这条消息提到了 ${n} 个事件 ID`,
  chooseLine: '选择一个，在线程中发出它的流水：',
  staleButton: '这个按钮已失效（可能来自旧版本的机器人），请重新执行 /eventlog <id>。',
  refusal: (r) => {
    switch (r.kind) {
      case 'access':
        return {
          title: '此处未启用事件流水机器人',
          lines: [
            r.denied === 'team' ? '当前 Slack 工作区不在机器人的允许列表中。' : r.denied === 'channel' ? '当前频道不在机器人的允许列表中。' : '你的 Slack 用户不在机器人的允许列表中。',
            '请联系机器人的维护者添加（ALLOWED_TEAM_IDS / ALLOWED_CHANNEL_IDS / ALLOWED_USER_IDS）。',
          ],
        };
      case 'identity':
        return {
          title: '你的 Slack 用户没有关联蓝鲸账号',
          lines: [
            ...(r.why === 'unmapped'
              ? ['机器人以你本人的蓝鲸用户查询，但用户映射中没有你。', '请联系机器人的维护者把你的 Slack 用户 ID 映射到蓝鲸用户名（BK_USER_MAP_FILE）。']
              : ['机器人以你本人的蓝鲸用户查询（取自 Slack 邮箱 @ 之前的部分），但没有读到可用的邮箱。', '请在 Slack 个人资料中填写工作邮箱，或请机器人的维护者为应用开通 users:read.email 权限。']),
          ],
        };
      case 'user_rate_limited':
        return { title: '请稍后再试', lines: [`你在一分钟内查询次数过多，请 ${r.retryAfterSec} 秒后再试。`] };
      case 'busy':
        return { title: '蓝鲸正忙', lines: ['同时进行的查询过多，本次查询未发出，请几秒后再试。'] };
    }
  },
  postFailure: ({ code, neededScope }) => {
    const fix: Record<string, string> = {
      not_in_channel: '机器人不在此频道。请用 /invite @eventlog 邀请它（公开频道也可以为应用添加 chat:write.public 权限），然后重试。',
      channel_not_found: 'Slack 表示机器人找不到此频道（它不在的私有频道或私信）。请用 /invite @eventlog 邀请机器人，或在此处使用 /eventlog <id>。',
      is_archived: '此频道已归档，无法发消息。请取消归档，或在其他频道用 /eventlog <id> 查询。',
      missing_scope: `机器人的 Slack 应用缺少 ${neededScope ?? '所需的'} 权限（scope）。请在 OAuth & Permissions 中添加，或按 manifest.yml 重新安装，然后重试。`,
      not_allowed_token_type: 'SLACK_BOT_TOKEN 不是机器人令牌（xoxb-）。',
      invalid_auth: 'Slack 不再接受机器人的令牌。请重新安装应用并更新 SLACK_BOT_TOKEN。',
      token_revoked: '机器人的令牌已被吊销。请重新安装应用并更新 SLACK_BOT_TOKEN。',
      account_inactive: '机器人的 Slack 应用已被卸载或停用。请重新安装。',
      ratelimited: 'Slack 正在限流，请一分钟后再试。',
      msg_too_long: '流水太长，放不进一条消息。请使用 /eventlog <id> 分页查看。',
      msg_blocks_too_long: '流水太长，放不进一条消息。请使用 /eventlog <id> 分页查看。',
      invalid_blocks: 'Slack 拒绝了消息格式。请带上事件 ID 反馈此问题。',
      request_error: '机器人连不上 Slack，请一分钟后再试。',
      http_error: 'Slack 返回了 HTTP 错误，请一分钟后再试。',
    };
    return { title: '无法在此线程中发出流水', lines: [fix[code] ?? `Slack 返回“${code}”。`, `Slack 错误：${code}`] };
  },
};

export function statusStrings(lang: Lang): StatusStrings {
  return lang === 'zh-CN' ? ZH : EN;
}
