import type { ConsoleMessages } from '../messages';

/** What the console prints around the answers, in English. */
export const consoleMessages = {
  noSlack: (source) => `No Slack settings found (SLACK_BOT_TOKEN / SLACK_APP_TOKEN / SLACK_SIGNING_SECRET): running the local console with ${source}.`,
  demoSource: 'built-in demo data',
  blueKingSource: (host, authStyle) => `BlueKing at ${host} (${authStyle} auth)`,
  welcome: 'Type an event ID to see its log as the bot would answer it in Slack.',
  source: (label) => `Lookups go to ${label}.`,
  commandsTitle: 'Console commands:',
  commands: [
    ['/eventlog <id>  or  <id>', 'the answer, as terminal text'],
    ['/eventlog <id> public', 'the same; in Slack it would be posted to the channel'],
    ['json <id>  or  /eventlog <id> --json', 'the exact Block Kit payload {text, blocks}'],
    ['builder <id>', 'a Block Kit Builder link to see it as Slack draws it'],
    ['/eventlog <id> --page=N', 'page N of a long log, as Older/Newer show it (0 = first view)'],
    ['watch <id>  or  /eventlog <id> watch', 'follow it as a watch does in Slack: each update and thread reply (try watch 8001)'],
    ['/eventlog <id> --all', 'the Full log window (what the Full log button opens); with --page=N'],
    ['/eventlog <id> --filter=F', 'the Full log filtered: all, notices, failures or state'],
    ['json <id> --modal', 'the Full log modal as exact Block Kit (paste into Block Kit Builder)'],
    ['help', 'this list'],
    ['quit', 'leave (Ctrl-D works too)'],
  ],
  demoTitle: 'Demo events:',
  demos: {
    sheetExample: "the API sheet's own example: created, then a notice that failed (通知人为空)",
    noticeStorm: 'notification storm: 18 failed notices, one partly sent, one shielded; acked, recovered, closed',
    longConvergence: 'six hours of convergence: 45 rounds folding 576 anomalies',
    newGenerationAlert: 'new-generation alert (Monitor 3.6+): severity up, a failed phone call, a throttled notice, acked, closed by the system',
    bigLog: 'a flapping probe with 521 records, cut and paged to fit one message',
    oddRecords: 'an unknown record type and status, and records nobody can read',
    permissionError: 'an upstream failure: the ESB says the app may not call get_event_log (1306403)',
  },
  unknownCommand: (name) => `${name} is not a command here. Type /eventlog <id>, or help.`,
  unexpectedError: (errorName) => `Something went wrong inside the bot (${errorName}); nothing was sent anywhere. Try again or type help.`,
  publicNote: 'In Slack this answer would be posted to the channel for everyone.',
  pushText: 'Notification text:',
  builderNote: 'Open in a browser (Block Kit Builder):',
  prompt: 'eventlog> ',
  watchCalls: {
    post: 'Slack ← chat.postMessage (the watching message)',
    update: 'Slack ← chat.update (the same message, kept current)',
    reply: 'Slack ← chat.postMessage in its thread:',
  },
  watchPoll: (n) => `… poll ${n} (one WATCH_INTERVAL_MS later)`,
  watchQuiet: (polls) =>
    `Nothing changed in ${polls} polls, so the console stops here; in Slack the watch goes on until the event closes, WATCH_MAX_HOURS, or Stop watching.`,
  watchSummary: (updates, replies) => `Watch ended: ${updates} chat.update, ${replies} thread ${replies === 1 ? 'reply' : 'replies'}.`,
} satisfies ConsoleMessages;
