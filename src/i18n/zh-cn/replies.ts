import { MAX_ID_DIGITS } from '../../eventlog/model/event-id';
import type { ReplyMessages } from '../messages';
import { subject } from './subject';

/** 示例 ID：与新版告警 ID 同形。 */
const EXAMPLE = '170245811112345';

/** “查看详情”链接中的 ID 是什么：全部文案只用这一种说法。 */
export const DETAIL_LINK_ID = '默认的“查看详情”链接中的 ID（action_id、collectId）是处理记录 ID，不是告警 ID。';

/** 简短回复的中文文本。 */
export const replies = {
  lookingUp: (id) => `正在从蓝鲸查询${subject(id)}…`,
  invalidTitle: '无法识别告警或事件 ID',
  youTyped: (excerpt) => `你输入的是：${excerpt}`,
  usageHint: '例如 /eventlog <id>，或 /eventlog <id> public 发到频道；/eventlog help 查看全部用法。',
  invalidInput: {
    not_a_number: `这不是告警或事件 ID。请输入数字形式的 ID，例如 ${EXAMPLE}。`,
    negative: `ID 不会是负数。请去掉负号，例如 ${EXAMPLE}。`,
    zero: `0 不是有效的 ID，ID 从 1 开始。请输入告警中显示的 ID，例如 ${EXAMPLE}。`,
    leading_zero: 'ID 不以 0 开头。请按蓝鲸显示的原样输入 ID，不要加前导 0。',
    plus_sign: `请去掉加号，只输入数字，例如 ${EXAMPLE}。`,
    decimal: `ID 是整数。请不要带小数点，例如 ${EXAMPLE}。`,
    exponent: `科学计数法（如 1e5）不是有效的 ID。请输入完整的每一位数字，例如 ${EXAMPLE}。`,
    hex: `十六进制数不是有效的 ID。请输入十进制数字，例如 ${EXAMPLE}。`,
    digit_separators: `请输入连续的数字，不要在数字之间加逗号或其他分隔符，例如 ${EXAMPLE}。`,
    too_long: `ID 最多 ${MAX_ID_DIGITS} 位数字。请确认只复制了 ID 本身。`,
    full_width_digits: `ID 使用了全角数字（１２３）。请切换到半角，输入普通数字 0-9，例如 ${EXAMPLE}。`,
    non_ascii_digits: `ID 使用了其他文字的数字。请输入普通数字 0-9，例如 ${EXAMPLE}。`,
    invisible_characters: '文本中含有不可见字符（零宽字符或文字方向控制符），通常是复制时带入的。请手动重新输入 ID。',
    several_ids: '这里包含多个 ID。请一次只查询一个 ID。',
    unexpected_words: `只需输入 ID，可在后面加“public”（公开）、“watch”（跟踪）或“--all”（完整流水）。请去掉其他文字，例如 ${EXAMPLE} public。`,
    too_long_text: '文本太长，无法从中读取 ID。请只粘贴 ID、告警中的“告警ID”一行或蓝鲸告警详情链接。',
    link_without_id: `该链接中没有告警 ID。请使用告警详情链接（…/event-center/detail/ID）或直接输入“告警ID”。${DETAIL_LINK_ID}`,
    mention: `这是 Slack 的提及（@），不是告警或事件 ID。请输入数字形式的 ID，例如 ${EXAMPLE}。`,
    missing_id: `请在“public”前输入 ID，例如 ${EXAMPLE} public。`,
  },
  noIdTitle: '没有在这条消息里找到蓝鲸告警或事件 ID',
  noIdLines: [
    '已在正文、blocks 和附件中查找“告警ID: …”、“Alert ID: …”、“Event ID: …”、事件中心链接（#/event-center/detail/…、alertId=…）以及 15 位以上的告警 ID。',
    DETAIL_LINK_ID,
    '在任何频道都可以用 /eventlog <id>，在话题中可以用 @eventlog <id>。',
  ],
  chooseTitle: (n) => `这条消息提到了 ${n} 个 ID`,
  chooseLine: '选择一个，在话题中发出它的流水：',
  chooseLeftOut: (shown, leftOut) => `仅列出前 ${shown} 个，另有 ${leftOut} 个未列出（可按 ID 单独查询）。`,
  staleButton: (command, id) => `这个按钮已失效（可能来自旧版本的机器人），请重新执行 ${command} ${id ?? '<id>'}。`,
  refusal: {
    access: {
      title: '此处未启用事件流水机器人',
      denied: {
        team: '当前 Slack 工作区不在机器人的允许列表中。',
        channel: '当前频道不在机器人的允许列表中。',
        user: '你的 Slack 用户不在机器人的允许列表中。',
      },
      ask: '请联系机器人的维护者添加（ALLOWED_TEAM_IDS / ALLOWED_CHANNEL_IDS / ALLOWED_USER_IDS）。',
    },
    identity: {
      title: '你的 Slack 用户没有关联蓝鲸账号',
      unmapped: ['机器人以你本人的蓝鲸用户查询，但用户映射中没有你。', '请联系机器人的维护者把你的 Slack 用户 ID 映射到蓝鲸用户名（BK_USER_MAP_FILE）。'],
      no_email: [
        '机器人以你本人的蓝鲸用户查询（取自 Slack 邮箱 @ 之前的部分），但没有读到可用的邮箱。',
        '请在 Slack 个人资料中填写工作邮箱，或请机器人的维护者为应用开通 users:read.email 权限。',
      ],
      other_domain: [
        '你的 Slack 邮箱不属于机器人认可的蓝鲸账号域名，因此无法确定你是哪个蓝鲸用户。',
        '如果这是你的工作邮箱，请联系机器人的维护者把该域名加入 BK_EMAIL_DOMAINS。',
      ],
      other_team: [
        '你的 Slack 账号属于另一个工作区（Slack Connect 或其他组织），机器人不会为你指定蓝鲸用户。',
        '如果应当为你的工作区提供服务，请联系机器人的维护者把它加入 ALLOWED_TEAM_IDS。',
      ],
    },
    user_rate_limited: { title: '请稍后再试', line: (seconds) => `你在一分钟内查询次数过多，请 ${seconds} 秒后再试。` },
    // 这是机器人自己的并发上限，不是蓝鲸的状态：不要让人去查蓝鲸。
    busy: { title: '机器人正忙', line: '机器人同时进行的查询已达上限，本次查询没有发往蓝鲸。请几秒后再试。' },
  },
  postFailure: {
    title: '无法在此话题中发出流水',
    fixes: {
      not_in_channel: '机器人不在此频道。请用 /invite @eventlog 邀请它（公开频道也可以为应用添加 chat:write.public 权限），然后重试。',
      channel_not_found: 'Slack 表示机器人找不到此频道（它不在的私有频道或私信）。请用 /invite @eventlog 邀请机器人，或在此处使用 /eventlog <id>。',
      is_archived: '此频道已归档，无法发消息。请取消归档，或在其他频道用 /eventlog <id> 查询。',
      not_allowed_token_type: 'SLACK_BOT_TOKEN 不是机器人令牌（xoxb-）。',
      invalid_auth: 'Slack 不再接受机器人的令牌。请重新安装应用并更新 SLACK_BOT_TOKEN。',
      token_revoked: '机器人的令牌已被吊销。请重新安装应用并更新 SLACK_BOT_TOKEN。',
      account_inactive: '机器人的 Slack 应用已被卸载或停用。请重新安装。',
      ratelimited: 'Slack 正在限流，请一分钟后再试。',
      msg_too_long: '流水太长，放不进一条消息。请使用 /eventlog <id> 分页查看。',
      msg_blocks_too_long: '流水太长，放不进一条消息。请使用 /eventlog <id> 分页查看。',
      invalid_blocks: 'Slack 拒绝了消息格式。请带上该 ID 向机器人的维护者反馈此问题。',
      request_error: '机器人连不上 Slack，请一分钟后再试。',
      http_error: 'Slack 返回了 HTTP 错误，请一分钟后再试。',
    },
    missingScope: (scope) => `机器人的 Slack 应用缺少 ${scope ?? '所需的'} 权限（scope）。请在 OAuth & Permissions 中添加，或按 manifest.yml 重新安装，然后重试。`,
    unknownFix: (code) => `Slack 返回“${code}”。`,
    errorLine: (code) => `Slack 错误：${code}`,
  },
  modalOpenFailure: {
    title: '无法打开完整流水',
    expired: 'Slack 要求在点击后 3 秒内打开窗口，这次已经超时。请再点一次“完整流水”。',
    other: (code) => `Slack 返回“${code}”。请重试，或使用 /eventlog <id> 以消息形式查看流水。`,
    errorLine: (code) => `Slack 错误：${code}`,
  },
  usage: {
    title: '/eventlog 用法',
    lines: [
      '• `/eventlog &lt;id&gt;` — 查看蓝鲸事件流水（仅自己可见）',
      '• `/eventlog &lt;id&gt; public` — 发到频道里',
      '• `/eventlog &lt;id&gt; --all` — 在窗口中查看完整流水，可筛选（每条回复下的 *完整流水* 按钮同样可以）',
      '• `/eventlog &lt;id&gt; watch` — 发到频道里并持续跟踪到结束，每次变化在话题中回复（也可用 *跟踪* 按钮或 `@eventlog watch &lt;id&gt;`）',
      '• `/eventlog help` — 显示本帮助',
      '• 告警消息的快捷方式 *查看流水* — 在该消息的话题中回复',
      '• 在话题中 `@eventlog &lt;id&gt;` — 在该话题中回复',
    ],
    context: 'ID 为监控 3.6 及以上的告警 ID 或旧版监控的事件 ID：即告警消息中 `告警ID:` 后面的数字。',
  },
  lookupError: { event: subject, code: '错误码', request: 'request_id', upstream: '蓝鲸返回', hint: '💡' },
  renderFailed: {
    title: (id) => `无法显示${subject(id)}`,
    line: '机器人未能排版蓝鲸返回的结果。这是机器人的缺陷，请带上该 ID 向机器人的维护者反馈。',
  },
  restarting: {
    title: '机器人正在重启',
    line: '机器人停止时，你的查询仍在等待蓝鲸返回。请稍后再试。',
  },
} satisfies ReplyMessages;
