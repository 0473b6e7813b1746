import { summarize } from '../../../src/eventlog/summarize';
import { renderEventLog } from '../../../src/slack/render/event-log-message';
import { newGenerationLog, sketchLog, shanghai } from '../../eventlog/summarize-fixtures';

test('scratch', () => {
  const s = summarize(sketchLog(), shanghai('2020-01-01', '12:00:00'));
  const m = renderEventLog(s, { lang: 'en', timezone: 'Asia/Shanghai', monitorUrl: 'https://paas.example.com/o/bk_monitorv3', variant: 'full', page: 0, withActions: true, sharedBy: null, nowMs: s.nowMs });
  const n = summarize(newGenerationLog(), shanghai('2022-01-17', '14:00:00'));
  const m2 = renderEventLog(n, { lang: 'zh-CN', timezone: 'Asia/Shanghai', monitorUrl: null, variant: 'compact', page: 0, withActions: true, sharedBy: null, nowMs: n.nowMs });
  require('fs').writeFileSync('/tmp/out1.json', JSON.stringify(m, null, 2));
  require('fs').writeFileSync('/tmp/out2.json', JSON.stringify(m2, null, 2));
});
