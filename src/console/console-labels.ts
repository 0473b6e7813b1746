/** Every sentence the console itself prints, in both languages the bot speaks. */
import type { Lang } from '../config';

export interface ConsoleLabels {
  welcome: string;
  source(label: string): string;
  commandsTitle: string;
  commands: ReadonlyArray<readonly [usage: string, meaning: string]>;
  demoTitle: string;
  unknownCommand(name: string): string;
  unexpectedError(errorName: string): string;
  publicNote: string;
  pushText: string;
  builderNote: string;
  prompt: string;
}

const LABELS: Record<Lang, ConsoleLabels> = {
  en: {
    welcome: 'Type an event ID to see its log as the bot would answer it in Slack.',
    source: (label) => `Lookups go to ${label}.`,
    commandsTitle: 'Console commands:',
    commands: [
      ['/eventlog <id>  or  <id>', 'the answer, as terminal text'],
      ['/eventlog <id> public', 'the same; in Slack it would be posted to the channel'],
      ['json <id>  or  /eventlog <id> --json', 'the exact Block Kit payload {text, blocks}'],
      ['builder <id>', 'a Block Kit Builder link to see it as Slack draws it'],
      ['/eventlog <id> --page=N', 'page N of a long log, as Older/Newer show it (0 = first view)'],
      ['help', 'this list'],
      ['quit', 'leave (Ctrl-D works too)'],
    ],
    demoTitle: 'Demo events:',
    unknownCommand: (name) => `${name} is not a command here. Type /eventlog <id>, or help.`,
    unexpectedError: (errorName) => `Something went wrong inside the bot (${errorName}); nothing was sent anywhere. Try again or type help.`,
    publicNote: 'In Slack this answer would be posted to the channel for everyone.',
    pushText: 'Notification text:',
    builderNote: 'Open in a browser (Block Kit Builder):',
    prompt: 'eventlog> ',
  },
  'zh-CN': {
    welcome: '输入事件 ID，即可看到机器人在 Slack 中给出的事件流水回复。',
    source: (label) => `查询来源：${label}。`,
    commandsTitle: '控制台命令：',
    commands: [
      ['/eventlog <id>  或  <id>', '以终端文本显示回复'],
      ['/eventlog <id> public', '同上；在 Slack 中会公开发送到频道'],
      ['json <id>  或  /eventlog <id> --json', '完整的 Block Kit 消息 {text, blocks}'],
      ['builder <id>', 'Block Kit Builder 链接，查看 Slack 中的实际效果'],
      ['/eventlog <id> --page=N', '长流水的第 N 页，与“更早/更新”按钮一致（0 = 首页）'],
      ['help', '显示本帮助'],
      ['quit', '退出（也可按 Ctrl-D）'],
    ],
    demoTitle: '演示事件：',
    unknownCommand: (name) => `${name} 不是可用命令。请输入 /eventlog <id> 或 help。`,
    unexpectedError: (errorName) => `机器人内部出错（${errorName}），没有发送任何内容。请重试或输入 help。`,
    publicNote: '在 Slack 中，这条回复会公开发送到频道。',
    pushText: '通知文本：',
    builderNote: '在浏览器中打开（Block Kit Builder）：',
    prompt: 'eventlog> ',
  },
};

/** The console's sentences in `lang`. */
export function consoleLabels(lang: Lang): ConsoleLabels {
  return LABELS[lang];
}
