import { MAX_ID_DIGITS } from '../../eventlog/model/event-id';
import type { ReplyMessages } from '../messages';
import { subject } from './subject';

/** An example ID that reads like a real new-generation alert ID. */
const EXAMPLE = '170245811112345';

/** What the ID in a "查看详情" link is: the one wording every message uses. */
export const DETAIL_LINK_ID = 'The ID in the default “查看详情” (details) link (action_id, collectId) is an action record ID, not the alert ID.';

/** The short answers in English. */
export const replies = {
  lookingUp: (id) => `Looking up event ${id} in BlueKing…`,
  invalidTitle: 'Could not read an event ID',
  youTyped: (excerpt) => `You typed: ${excerpt}`,
  usageHint: 'Try /eventlog <id>, or /eventlog <id> public to post it in the channel; /eventlog help shows every way to ask.',
  invalidInput: {
    not_a_number: `That is not an event ID. Type the ID as digits, e.g. ${EXAMPLE}.`,
    negative: `Event IDs are never negative. Type the ID without a minus sign, e.g. ${EXAMPLE}.`,
    zero: `0 is not an event ID; IDs start at 1. Type the ID shown in the alert, e.g. ${EXAMPLE}.`,
    leading_zero: 'Event IDs do not start with 0. Type the ID exactly as BlueKing shows it, without leading zeros.',
    plus_sign: `Leave out the + sign and type only the digits, e.g. ${EXAMPLE}.`,
    decimal: `Event IDs are whole numbers. Type the ID without a decimal point, e.g. ${EXAMPLE}.`,
    exponent: `Scientific notation such as 1e5 is not an event ID. Type every digit of the ID, e.g. ${EXAMPLE}.`,
    hex: `Hexadecimal numbers are not event IDs. Type the ID in decimal digits, e.g. ${EXAMPLE}.`,
    digit_separators: `Type the ID without commas or other separators between the digits, e.g. ${EXAMPLE}.`,
    too_long: `Event IDs have at most ${MAX_ID_DIGITS} digits. Check that you copied only the ID.`,
    full_width_digits: `The ID is typed in full-width digits (１２３). Type it with ordinary digits 0-9, e.g. ${EXAMPLE}.`,
    non_ascii_digits: `The ID uses digits from another script. Type it with ordinary digits 0-9, e.g. ${EXAMPLE}.`,
    invisible_characters: 'The text contains invisible characters (zero-width or text-direction marks), usually picked up when copying. Type the ID again by hand.',
    several_ids: 'That names more than one event. Look up one ID at a time.',
    unexpected_words: `Only an event ID is expected, optionally followed by "public", "watch" or "--all". Remove the other words, e.g. ${EXAMPLE} public.`,
    too_long_text: 'That text is too long to read an ID from. Paste only the event ID, the alert\'s "告警ID" line or its BlueKing detail link.',
    link_without_id: 'That link does not name an event. Use the alert\'s detail link (…/event-center/detail/ID) or type the "告警ID"; ' + DETAIL_LINK_ID,
    mention: `That is a Slack mention, not an event ID. Type the ID as digits, e.g. ${EXAMPLE}.`,
    missing_id: `Add the event ID before "public", e.g. ${EXAMPLE} public.`,
  },
  noIdTitle: 'No BlueKing event ID found in this message',
  noIdLines: [
    'Looked for “告警ID: …”, “Alert ID: …”, “Event ID: …”, event-center links (#/event-center/detail/…, alertId=…) and 15+ digit alert IDs, in the text, blocks and attachments.',
    DETAIL_LINK_ID,
    '/eventlog <id> works in any channel, and “@eventlog <id>” in a thread.',
  ],
  chooseTitle: (n) => `This message mentions ${n} event IDs`,
  chooseLine: 'Pick one to post its log in the thread:',
  chooseLeftOut: (shown, leftOut) => `Only the first ${shown} are offered; ${leftOut} more ${leftOut === 1 ? 'was' : 'were'} left out (look one up by its ID).`,
  staleButton: (command, id) => `That button no longer works (it may be from an older version of the bot). Run ${command} ${id ?? '<id>'} again.`,
  refusal: {
    access: {
      title: 'The event log bot is not enabled here',
      denied: {
        team: 'This Slack workspace is not on the bot’s allowlist.',
        channel: 'This channel is not on the bot’s allowlist. Try the incident channels it serves.',
        user: 'Your Slack user is not on the bot’s allowlist.',
      },
      ask: 'Ask whoever runs the bot to add it (ALLOWED_TEAM_IDS / ALLOWED_CHANNEL_IDS / ALLOWED_USER_IDS).',
    },
    identity: {
      title: 'No BlueKing account is linked to your Slack user',
      unmapped: [
        'The bot looks events up as your own BlueKing user, and you are not in its user map.',
        'Ask whoever runs the bot to map your Slack user ID to your BlueKing username (BK_USER_MAP_FILE).',
      ],
      no_email: [
        'The bot looks events up as your own BlueKing user, named by your Slack email (the part before @), and could not read a usable one.',
        'Add your work email to your Slack profile, or ask whoever runs the bot to grant it the users:read.email scope.',
      ],
      other_domain: [
        'Your Slack email is not on a domain the bot takes as BlueKing accounts, so it cannot tell which BlueKing user you are.',
        'If it is your work address, ask whoever runs the bot to add its domain to BK_EMAIL_DOMAINS.',
      ],
      other_team: [
        'Your Slack account belongs to another workspace (Slack Connect or another organisation), so the bot will not name a BlueKing user for you.',
        'If your workspace should be served, ask whoever runs the bot to add it to ALLOWED_TEAM_IDS.',
      ],
    },
    user_rate_limited: {
      title: 'Slow down a little',
      line: (seconds) => `You have made many lookups in the last minute. Try again in ${seconds} s.`,
    },
    busy: {
      // The bot's own limit on lookups at once, not BlueKing's state: nothing to check in BlueKing.
      title: 'The bot is busy with other lookups',
      line: 'Too many lookups are running at once, so this one was not sent. Try again in a few seconds.',
    },
  },
  postFailure: {
    title: 'Could not post the log in this thread',
    fixes: {
      not_in_channel: 'The bot is not in this channel. Invite it with /invite @eventlog (or add the chat:write.public scope for public channels), then try again.',
      channel_not_found:
        'Slack says this channel does not exist for the bot (a private channel or a direct message it is not in). Invite it with /invite @eventlog, or use /eventlog <id> there.',
      is_archived: 'This channel is archived, so nothing can be posted in it. Unarchive it, or look the event up with /eventlog <id> elsewhere.',
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
    },
    missingScope: (scope) =>
      `The bot’s Slack app lacks the ${scope ?? 'needed'} permission (scope). Add it under OAuth & Permissions, or reinstall the app from manifest.yml, then try again.`,
    unknownFix: (code) => `Slack answered “${code}”.`,
    errorLine: (code) => `Slack error: ${code}`,
  },
  modalOpenFailure: {
    title: 'Could not open the full log',
    expired: 'Slack allows 3 seconds between the click and the window opening, and that time had passed. Click Full log again.',
    other: (code) => `Slack answered “${code}”. Try again, or use /eventlog <id> to see the log as a message.`,
    errorLine: (code) => `Slack error: ${code}`,
  },
  usage: {
    title: 'How to use /eventlog',
    lines: [
      '• `/eventlog &lt;id&gt;` — show a BlueKing event’s log (only you see it)',
      '• `/eventlog &lt;id&gt; public` — post it in the channel',
      '• `/eventlog &lt;id&gt; --all` — the whole log in a window, with filters (also the *Full log* button under every answer)',
      '• `/eventlog &lt;id&gt; watch` — post it in the channel and keep it current until the event ends, with a thread reply for each change (also the *Watch* button, and `@bot watch &lt;id&gt;`)',
      '• `/eventlog help` — this help',
      '• Message shortcut *Show event log* on an alert post — answers in its thread',
      '• `@bot &lt;id&gt;` in a thread — answers in that thread',
    ],
    context: 'The ID is the alert or event ID from BlueKing Monitor: the number after `告警ID:` in an alert post.',
  },
  lookupError: { event: subject, code: 'code', request: 'request', upstream: 'BlueKing said', hint: '💡' },
  renderFailed: {
    title: (id) => `Could not show event ${id}`,
    line: "The bot failed to lay out BlueKing's answer. This is a bug in the bot: please report it with the event ID.",
  },
  restarting: {
    title: 'The bot is restarting',
    line: 'Your lookup was still waiting for BlueKing when the bot had to stop. Please try again in a moment.',
  },
} satisfies ReplyMessages;
