import { blocksToTerminalText } from '../../src/console/terminal-text';
import { createDemoSource, DEMO_EVENTS } from '../../src/console/demo-data';
import { PERMISSION_ERROR_ID } from '../../src/console/demo/permission-error';
import { fetchLogWithDeliveries } from '../../src/eventlog/service/fetch-with-deliveries';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import { summarize } from '../../src/eventlog/summary/summarize';
import { renderLookupError } from '../../src/render/error-message';
import { renderEventLog } from '../../src/render/event-log-message';
import type { RenderOptions, SlackMessage } from '../../src/render/types';
import { checkMessageLimits } from '../helpers/check-limits';

// A fixed clock, so "open for …" and every other word of the payload is reproducible.
const NOW = Date.parse('2024-08-01T12:00:00Z');
const source = createDemoSource('Asia/Shanghai', NOW);

type View = Pick<RenderOptions, 'lang' | 'variant'>;

async function payloadFor(id: string, opts: View): Promise<SlackMessage> {
  try {
    // As a lookup runs them: with per-receiver results (search_action) and the alert (search_alert) for the new-generation alerts.
    const { log, deliveries, alert } = await fetchLogWithDeliveries(source, id, { username: null }, { noticeResults: 'auto', alertContext: 'auto' });
    return renderEventLog(summarize(log, NOW, deliveries, alert), {
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

/** What a reader sees: the notification text, then the blocks as plain terminal text (no colour). */
function readable(message: SlackMessage): string {
  return `${message.text}\n${'═'.repeat(40)}\n${blocksToTerminalText(message.blocks, { isTTY: false })}`;
}

/**
 * Exact Block Kit where the layout itself is what could break: block order and
 * types, block and action IDs, button values, fields, the context split. One
 * case per layout: an old-generation log in full (callout, convergence,
 * timeline, footer, buttons), a new-generation thread reply in Chinese, a log
 * long enough to page, and an upstream error (the same for both variants).
 */
describe('exact payloads where the layout matters', () => {
  it.each([
    ['5310', 'full', 'en'],
    ['164239028644167', 'compact', 'zh-CN'],
    ['7001', 'full', 'en'],
    [PERMISSION_ERROR_ID, 'full', 'en'],
  ] as const)('event %s, %s variant, %s', async (id, variant, lang) => {
    const message = await payloadFor(id, { lang, variant });
    expect(checkMessageLimits(message)).toEqual([]);
    expect(message).toMatchSnapshot();
  });
});

/**
 * Every demo event, full and compact, English and Chinese, as a reader sees it
 * (the words, their order, the times), pinned in __snapshots__: any change to
 * what a triager reads shows up as a reviewed diff. An error answer does not
 * depend on the variant, so it is pinned once per language, and that it is the
 * same for both variants is asserted instead.
 */
describe('what a triager reads, every demo event', () => {
  const langs = ['en', 'zh-CN'] as const;
  const logs = DEMO_EVENTS.filter((event) => event.id !== PERMISSION_ERROR_ID);
  const cases = logs.flatMap((event) => (['full', 'compact'] as const).flatMap((variant) => langs.map((lang) => [event.id, variant, lang] as const)));

  it.each(cases)('event %s, %s variant, %s', async (id, variant, lang) => {
    const message = await payloadFor(id, { lang, variant });
    expect(checkMessageLimits(message)).toEqual([]);
    expect(readable(message)).toMatchSnapshot();
  });

  it.each(langs)('the permission error, %s, the same in both variants', async (lang) => {
    const full = await payloadFor(PERMISSION_ERROR_ID, { lang, variant: 'full' });
    expect(await payloadFor(PERMISSION_ERROR_ID, { lang, variant: 'compact' })).toEqual(full);
    expect(checkMessageLimits(full)).toEqual([]);
    expect(readable(full)).toMatchSnapshot();
  });
});
