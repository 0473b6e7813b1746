import { summarize } from '../../src/eventlog/summary/summarize';
import { renderFetchedLog } from '../../src/render/event-log-message';
import { snapshotOf } from '../../src/watch/snapshot';
import { lookForWatch } from '../../src/watch/watch-look';
import { incidentAt, NOT_ASKED } from './watch-fixtures';
import { parseSearchAlertResponse } from '../../src/bk/search-alert';
import type { AlertLookup } from '../../src/eventlog/model/alert-context';
import { alertDocument, ALERT_ID, searchAlertAnswer } from '../fixtures/bk/search-alert';

/** A poll's look: the snapshot, and the changed message drawn in the same go (one read of a big log, not two). */

const SETTINGS = { lang: 'en' as const, timezone: 'Asia/Shanghai', monitorUrl: null };
const NOW_MS = Date.UTC(2024, 5, 3, 8);
const VIEW = { variant: 'full' as const, page: 0, sharedBy: null, watch: { kind: 'live' as const, banner: '👁 Watching', key: 'C0CHANNEL/8001' } };
const at = (stage: Parameters<typeof incidentAt>[0]) => ({ log: incidentAt(stage), deliveries: NOT_ASKED, alert: NOT_ASKED });
const snapshotAt = (stage: Parameters<typeof incidentAt>[0]) => snapshotOf(summarize(incidentAt(stage), NOW_MS, NOT_ASKED));

describe('lookForWatch', () => {
  it('draws the watching message when the log changed since the last poll', () => {
    const look = lookForWatch(at('acknowledged'), SETTINGS, { view: VIEW, since: snapshotAt('notice_failed') }, NOW_MS);
    expect(look.snapshot).toEqual(snapshotAt('acknowledged'));
    expect(look.message).toEqual(renderFetchedLog(at('acknowledged'), SETTINGS, VIEW, NOW_MS));
  });

  it('draws nothing when nothing changed, or when the log is closed (the watch ends with a message of its own)', () => {
    expect(lookForWatch(at('notice_failed'), SETTINGS, { view: VIEW, since: snapshotAt('notice_failed') }, NOW_MS)).toEqual({ snapshot: snapshotAt('notice_failed'), message: null });
    const closed = lookForWatch(at('closed'), SETTINGS, { view: VIEW, since: snapshotAt('recovered') }, NOW_MS);
    expect(closed.snapshot.closed).toBe(true);
    expect(closed.message).toBeNull();
  });

  it('keeps what the last poll knew about deliveries when this one knows nothing', () => {
    const since = { ...snapshotAt('notice_failed'), deliveriesKnown: true, failedDeliveries: 2, succeededDeliveries: 1, runningDeliveries: 0, lastDeliveryFailure: 'mail: bounced' };
    const look = lookForWatch(at('notice_failed'), SETTINGS, { view: VIEW, since }, NOW_MS);
    expect(look.snapshot).toEqual(since);
    expect(look.message).toBeNull();
  });

  it('redraws when BlueKing says the alert is now shielded, though no log record says so, and keeps that when search_alert fails', () => {
    const alertSaying = (isShielded: boolean): AlertLookup => ({
      kind: 'present',
      alert: parseSearchAlertResponse({ httpStatus: 200, headers: { get: () => null }, body: searchAlertAnswer([alertDocument({ is_shielded: isShielded })]) }, ALERT_ID)!,
    });
    const withAlert = (alert: AlertLookup) => ({ log: incidentAt('notice_failed'), deliveries: NOT_ASKED, alert });
    const before = snapshotOf(summarize(incidentAt('notice_failed'), NOW_MS, NOT_ASKED, alertSaying(false)));
    expect(before.alertShielded).toBe(false);

    const shielded = lookForWatch(withAlert(alertSaying(true)), SETTINGS, { view: VIEW, since: before }, NOW_MS);
    expect(shielded.snapshot.alertShielded).toBe(true);
    expect(shielded.message).toEqual(renderFetchedLog(withAlert(alertSaying(true)), SETTINGS, VIEW, NOW_MS));

    const failed = lookForWatch(withAlert({ kind: 'absent', absence: { kind: 'off' } }), SETTINGS, { view: VIEW, since: shielded.snapshot }, NOW_MS);
    expect(failed.snapshot.alertShielded).toBe(true);
    expect(failed.message).toBeNull();
  });

  it('without a last poll (a watch starting), draws the message as asked', () => {
    expect(lookForWatch(at('created'), SETTINGS, { view: VIEW, since: null }, NOW_MS).message).toEqual(renderFetchedLog(at('created'), SETTINGS, VIEW, NOW_MS));
    expect(lookForWatch(at('created'), SETTINGS, { view: null, since: null }, NOW_MS).message).toBeNull();
  });
});
