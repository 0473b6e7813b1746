import { summarize } from '../../../src/eventlog/summarize';
import { renderEventLog } from '../../../src/slack/render/event-log-message';
import { checkMessageLimits } from '../../../src/slack/render/check-limits';
import { hostileLog } from './hostile-logs';

test('scratch', () => {
  const s = summarize(hostileLog(500, 10_000), Date.UTC(2020, 1, 1));
  for (const page of [0, 1, 19]) {
    const m = renderEventLog(s, { lang: 'en', timezone: 'Asia/Shanghai', monitorUrl: 'https://bk.example.com', variant: 'full', page, withActions: true, sharedBy: 'U12345', nowMs: s.nowMs });
    let total = 0; JSON.stringify(m.blocks, (k, v) => { if (k === 'text' && typeof v === 'string') total += v.length; return v; });
    console.log(total, m.text + '\n' + m.blocks.map((b) => JSON.stringify(b)).join('\n') + '\n' + checkMessageLimits(m).join('\n'));
  }
});
