import type { ConsoleMessages } from '../messages';

/** 控制台自身输出的中文文本。 */
export const consoleMessages = {
  noSlack: (source) => `未找到 Slack 设置（SLACK_BOT_TOKEN / SLACK_APP_TOKEN / SLACK_SIGNING_SECRET）：使用${source}运行本地控制台。`,
  demoSource: '内置演示数据',
  blueKingSource: (host, authStyle) => `蓝鲸 ${host}（${authStyle} 认证）`,
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
  demos: {
    sheetExample: '接口文档自带的示例：告警产生，随后一条通知失败（通知人为空）',
    noticeStorm: '通知风暴：18 条通知失败、1 条部分成功、1 条被屏蔽；已确认、已恢复、已关闭',
    longConvergence: '持续六小时的收敛：45 轮共收敛 576 个异常点',
    newGenerationAlert: '新版告警（监控 3.6+）：级别上升、电话通知失败、通知被流控、已确认、系统关闭',
    bigLog: '反复抖动的拨测告警，共 521 条流水，分页显示',
    oddRecords: '未知的记录类型和状态，以及无法解析的记录',
    permissionError: '上游报错：ESB 表示应用无权调用 get_event_log（1306403）',
  },
  unknownCommand: (name) => `${name} 不是可用命令。请输入 /eventlog <id> 或 help。`,
  unexpectedError: (errorName) => `机器人内部出错（${errorName}），没有发送任何内容。请重试或输入 help。`,
  publicNote: '在 Slack 中，这条回复会公开发送到频道。',
  pushText: '通知文本：',
  builderNote: '在浏览器中打开（Block Kit Builder）：',
  prompt: 'eventlog> ',
} satisfies ConsoleMessages;
