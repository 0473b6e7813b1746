import { LookupError } from '../../src/eventlog/lookup-error';
import { createDemoSource, DEMO_EVENTS } from '../../src/console/demo-data';
import { summarize } from '../../src/eventlog/summarize';
import { checkMessageLimits } from '../support/check-limits';
import { renderLookupError } from '../../src/slack/render/error-message';
import { renderEventLog } from '../../src/slack/render/event-log-message';
import type { RenderOptions, SlackMessage } from '../../src/slack/render/types';

// A fixed clock, so "open for …" and every other word of the payload is reproducible.
const NOW = Date.parse('2024-08-01T12:00:00Z');
const source = createDemoSource('Asia/Shanghai');

async function payloadFor(id: string, opts: Pick<RenderOptions, 'lang' | 'variant'>): Promise<SlackMessage> {
  try {
    const log = await source.fetchEventLog(id, { username: null });
    return renderEventLog(summarize(log, NOW), {
      ...opts,
      timezone: 'Asia/Shanghai',
      monitorUrl: 'https://paas.example.com/o/bk_monitorv3',
      page: 0,
      withActions: true,
      sharedBy: null,
    });
  } catch (err) {
    if (err instanceof LookupError) return renderLookupError(id, err, { lang: opts.lang });
    throw err;
  }
}

/**
 * The exact Block Kit of every demo event, full and compact, English and Chinese, pinned in
 * __snapshots__: any change to what a triager sees shows up as a reviewed diff, never silently.
 */
describe('exact payloads of the demo events', () => {
  const cases = DEMO_EVENTS.flatMap((event) =>
    (['full', 'compact'] as const).flatMap((variant) => (['en', 'zh-CN'] as const).map((lang) => [event.id, variant, lang] as const)),
  );

  it.each(cases)('event %s, %s variant, %s', async (id, variant, lang) => {
    const message = await payloadFor(id, { lang, variant });
    expect(checkMessageLimits(message)).toEqual([]);
    expect(message).toMatchSnapshot();
  });
});
