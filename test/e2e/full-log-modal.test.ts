import type { Harness } from '../helpers/app-harness';
import { answerByEventId, mixedProbeKind, mixedProbeLog, probeName } from '../helpers/esb-answers';
import { harnessPerTest } from '../helpers/harness-per-test';
import { blockActions, viewBlockActions, type OpenView, type ViewControl } from '../helpers/slack-payloads';
import { buttonOf, requireButton, sentViews } from '../helpers/sent-messages';
import { waitFor } from '../helpers/wait-for';
import { checkModalLimits } from '../helpers/check-limits';

const EPHEMERAL_TS = '1700000300.000500';
const MIXED_ID = '7100';
const BIG_ID = '7500';

type Json = Record<string, unknown>;

/** All mrkdwn and plain text of a view's blocks, joined: what a reader could see. */
function viewText(view: Json): string {
  return JSON.stringify(view.blocks ?? []).replace(/\\n/g, '\n');
}

/** The probe names a view's timeline shows (the sections after the divider; the callout above may name some too), in order. */
function probesIn(view: Json): string[] {
  const blocks = (view.blocks ?? []) as Json[];
  const timeline = blocks.slice(blocks.findIndex((b) => b.type === 'divider') + 1).filter((b) => b.type === 'section');
  return JSON.stringify(timeline).match(/probe \d{4}/g) ?? [];
}

/** Action IDs of the elements in a view's actions blocks. */
function controlsOf(view: Json): string[] {
  const blocks = (view.blocks ?? []) as Json[];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements as Json[]).map((e) => String(e.action_id)));
}

describe('Full log modal, over real HTTP', () => {
  let h: Harness;
  harnessPerTest((started) => (h = started), { USER_RATE_LIMIT_PER_MIN: '0', BK_CACHE_TTL_MS: '600000' });

  beforeEach(() => {
    h.esb.setFallback(answerByEventId({ [MIXED_ID]: mixedProbeLog(300), [BIG_ID]: mixedProbeLog(5000) }));
  });

  /** `/eventlog <id>`, then a click on its Full log button; resolves once the modal holds the answer. */
  async function openFromAnswer(id: string): Promise<{ open: Json; update: Json }> {
    await h.postCommand(id);
    const [answer] = await waitFor(() => h.responseBodies(), 1);
    const button = requireButton(answer, 'eventlog_full_log');
    const click = blockActions({ action_id: 'eventlog_full_log', value: button.value, text: button.text.text }, { ephemeral: true, messageTs: EPHEMERAL_TS }, `${h.responses.url}/full-log`);
    const res = await h.postInteraction(click);
    expect(res.status).toBe(200);
    const [open] = await h.slack.waitForCall('views.open');
    expect(open.trigger_id).toBe(click.trigger_id);
    const [update] = await h.slack.waitForCall('views.update');
    return { open, update };
  }

  /** Click `control` in the modal as it stands after the last views.update; resolves with the next views.update's arguments. */
  async function clickInModal(current: OpenView, control: ViewControl): Promise<Json> {
    const before = h.slack.calls('views.update').length;
    const res = await h.postInteraction(viewBlockActions(current, control));
    expect(res.status).toBe(200);
    // Generous: this waits on the app, not on a clock; a busy CI machine must not fail it.
    const updates = await h.slack.waitForCall('views.update', before + 1, 30_000);
    return updates[before] as Json;
  }

  /** The modal Slack would show after `update`: its view, with the id the update named and a fresh hash. */
  function shown(update: Json, n: number): OpenView {
    return { id: String(update.view_id), hash: `1700000600.hash${n}`, view: update.view as Json };
  }

  it('opens at once with a loading view on the click’s trigger_id, then fills it with the log via views.update (view_id and hash)', async () => {
    const { open, update } = await openFromAnswer('5310');
    const loading = open.view as Json;
    expect(checkModalLimits(loading)).toEqual([]);
    expect(viewText(loading)).toContain('Looking up event 5310');
    expect(JSON.parse(String(loading.private_metadata))).toEqual({ id: '5310', p: 0, f: 'all', c: 'C0INCIDENT' });

    expect(update).toMatchObject({ view_id: 'V0FULLLOG', hash: '1700000500.open0001' });
    const view = update.view as Json;
    expect(checkModalLimits(view)).toEqual([]);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'eventlog_full_log', title: { type: 'plain_text', text: 'Event log' } });
    const blocks = view.blocks as Json[];
    // The same head as every answer: header first, then the verdict; the filter; then the timeline.
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringContaining('Event 5310') } });
    expect(controlsOf(view)).toEqual(['eventlog_modal_filter', 'eventlog_modal_refresh']);
    expect(h.slack.calls('chat.postEphemeral')).toEqual([]);
  });

  it('pages Older/Newer and filters inside the modal from its private_metadata; Refresh keeps the page', async () => {
    const { update } = await openFromAnswer(MIXED_ID);
    let current = shown(update, 0);
    expect(controlsOf(current.view)).toEqual(['eventlog_modal_filter', 'eventlog_modal_older', 'eventlog_modal_refresh']);

    const older = await clickInModal(current, { type: 'button', action_id: 'eventlog_modal_older', text: 'Older' });
    expect(older).toMatchObject({ view_id: 'V0FULLLOG', hash: '1700000600.hash0' });
    current = shown(older, 1);
    expect(JSON.parse(String(current.view.private_metadata))).toMatchObject({ p: 1, f: 'all' });

    const refreshed = await clickInModal(current, { type: 'button', action_id: 'eventlog_modal_refresh', text: 'Refresh' });
    expect(JSON.parse(String((refreshed.view as Json).private_metadata))).toMatchObject({ p: 1, f: 'all' });
    expect(probesIn(refreshed.view as Json)).toEqual(probesIn(current.view));
    current = shown(refreshed, 2);

    const failures = await clickInModal(current, { type: 'static_select', action_id: 'eventlog_modal_filter', value: 'failures', text: 'Failures only' });
    const failuresView = failures.view as Json;
    expect(JSON.parse(String(failuresView.private_metadata))).toMatchObject({ p: 0, f: 'failures' });
    expect(viewText(failuresView)).toContain('Failures only: 99 of 300 records');
    for (const probe of probesIn(failuresView)) {
      const i = Number(probe.slice(6)) - 1;
      expect(['FAILED', 'PARTIAL_SUCCESS']).toContain(mixedProbeKind(i).status);
    }
  });

  /**
   * Every page of the modal for `id` under `filter`, walked with Older; each page must be within
   * Slack's modal limits. Resolves with the probes seen, in order.
   */
  async function walkOlder(id: string, filter: string): Promise<string[]> {
    const { update } = await openFromAnswer(id);
    let n = 0;
    let current = shown(update, n++);
    if (filter !== 'all') {
      current = shown(await clickInModal(current, { type: 'static_select', action_id: 'eventlog_modal_filter', value: filter, text: filter }), n++);
    }
    const seen: string[] = [];
    for (;;) {
      expect(checkModalLimits(current.view)).toEqual([]);
      seen.push(...probesIn(current.view));
      if (!controlsOf(current.view).includes('eventlog_modal_older')) break;
      current = shown(await clickInModal(current, { type: 'button', action_id: 'eventlog_modal_older', text: 'Older' }), n++);
      if (n > 1000) throw new Error('paging does not end');
    }
    // Every page came from one BlueKing call.
    expect(h.esb.requests).toHaveLength(1);
    return seen;
  }

  const KEEPS: Record<string, (i: number) => boolean> = {
    all: () => true,
    notices: (i) => mixedProbeKind(i).operate.endsWith('_NOTICE'),
    failures: (i) => ['FAILED', 'PARTIAL_SUCCESS'].includes(mixedProbeKind(i).status),
    state: (i) => ['CREATE', 'ACK', 'SEVERITY_UP'].includes(mixedProbeKind(i).operate),
  };

  function expectEachOnce(seen: readonly string[], count: number, filter: string): void {
    const expected = Array.from({ length: count }, (_, i) => i).filter(KEEPS[filter] ?? (() => false)).map((i) => probeName(i + 1));
    expect(seen).toHaveLength(expected.length);
    expect([...seen].sort()).toEqual(expected);
  }

  // Long walks (a click is a signed HTTP round trip, a lookup and a render): hang guards sized for a loaded machine.
  it.each(Object.keys(KEEPS))('walks every page of a 300-record log under “%s”, within modal limits, each of its records exactly once', async (filter) => {
    expectEachOnce(await walkOlder(MIXED_ID, filter), 300, filter);
  }, 60_000);

  // Every filter over 5,000 records, page by page, is checked on the renderer itself (test/render/modal-view.test.ts);
  // over HTTP, one filter's full walk (67 pages) keeps the suite's time sane.
  it('walks every page of a 5,000-record log under “failures”, within modal limits, each failure exactly once', async () => {
    expectEachOnce(await walkOlder(BIG_ID, 'failures'), 5000, 'failures');
  }, 180_000);

  it('shows BlueKing’s error inside the modal, in the same words as the message answer', async () => {
    await h.postCommand('999');
    const [message] = await waitFor(() => h.responseBodies(), 1);
    const res = await h.postCommand('999 --all');
    expect(res.status).toBe(200);
    const [update] = await h.slack.waitForCall('views.update');
    const view = update.view as Json;
    expect(checkModalLimits(view)).toEqual([]);
    expect(view.blocks).toEqual(expect.arrayContaining((message.blocks as Json[]).map((b) => expect.objectContaining(b))));
    expect(controlsOf(view)).toEqual(['eventlog_modal_refresh']);
  });

  it('opens from /eventlog <id> --all with the command’s trigger_id, and posts nothing in the channel', async () => {
    const res = await h.postCommand('5310 --all', { trigger_id: '777.command.trigger' });
    expect(res.status).toBe(200);
    const [open] = await h.slack.waitForCall('views.open');
    expect(open.trigger_id).toBe('777.command.trigger');
    await h.slack.waitForCall('views.update');
    expect(h.responseBodies()).toEqual([]);
  });

  it('tells the user privately when the click’s trigger_id has expired, instead of failing silently', async () => {
    h.slack.reply('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    await h.postCommand('5310');
    const [answer] = await waitFor(() => h.responseBodies(), 1);
    const button = requireButton(answer, 'eventlog_full_log');
    await h.postInteraction(blockActions({ action_id: 'eventlog_full_log', value: button.value, text: button.text.text }, { ephemeral: true, messageTs: EPHEMERAL_TS }, `${h.responses.url}/expired`));
    const bodies = await waitFor(() => h.responseBodies(), 2);
    expect(bodies[1]).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('Could not open the full log') });
    expect(JSON.stringify(bodies[1].blocks)).toContain('expired_trigger_id');
    expect(h.slack.calls('views.update')).toEqual([]);
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'modal.open_failed', slack_error: 'expired_trigger_id' }));
  });

  it('answers a click in a modal whose private_metadata it did not write with a plain note, asking BlueKing nothing', async () => {
    const forged = { id: 'V0FORGED', hash: '1700000600.forged', view: { type: 'modal', private_metadata: '{"id":"<!channel>","p":0,"f":"all","c":null}', blocks: [] } };
    expect((await h.postInteraction(viewBlockActions(forged, { type: 'button', action_id: 'eventlog_modal_older', text: 'Older' }))).status).toBe(200);
    const [update] = await h.slack.waitForCall('views.update');
    expect(update.view_id).toBe('V0FORGED');
    const view = update.view as Json;
    expect(checkModalLimits(view)).toEqual([]);
    expect(view.private_metadata).toBeUndefined();
    expect(viewText(view)).toContain('That button no longer works');
    expect(h.esb.requests).toEqual([]);
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'modal.stale_state', control: 'older' }));
  });

  it('puts a Full log button on every answer', async () => {
    await h.postCommand('5310');
    const [answer] = await waitFor(() => h.responseBodies(), 1);
    expect(buttonOf(answer, 'eventlog_full_log')).toMatchObject({ value: '5310:0:full', text: { text: 'Full log' } });
    expect(sentViews(h)).toEqual([]);
  });
});
