import type { DeliveryLookup } from '../deliveries/deliveries';
import type { LogEntry } from '../model/record';
import type { HeadState, NextStep, NobodyPaged, NoticeItem, NoticeSummary, Paging, PersonWays } from './summarize-types';

/**
 * Did the page reach anyone, and what would fix it: who was reached and who
 * was not (per-receiver results), whether nobody was paged at all, and the
 * next steps the failures point at. Only what the data shows. Pure.
 */





const NO_RECEIVERS_TEXT = /通知人为空|通知对象为空|通知人员为空|no receivers?/i;
const PHONE_TEXT = /手机号码?.{0,6}(格式不正确|错误|无效|不存在|为空)|phone number/i;
const NO_ESCALATION_GROUP = /未配置升级用户组/;

export function summarizePaging(timeline: readonly LogEntry[], notices: NoticeSummary, deliveries: DeliveryLookup, state: HeadState): Paging {
  const report = deliveries.kind === 'present' ? deliveries.report : null;
  const reached = new Map<string, Set<string>>();
  const failed = new Map<string, Set<string>>();
  const phoneTrouble = new Set<string>();
  let rotaEmpty = [...notices.problems, ...notices.skipped].some(foundNobody);
  for (const delivery of report?.failed ?? []) {
    if (PHONE_TEXT.test(delivery.fullReason)) delivery.receivers.forEach((who) => phoneTrouble.add(who));
    if (NO_RECEIVERS_TEXT.test(delivery.fullReason)) rotaEmpty = true;
  }
  for (const notice of report?.notices ?? []) {
    for (const d of notice.deliveries) {
      const into = d.outcome === 'succeeded' ? reached : d.outcome === 'failed' ? failed : null;
      for (const who of d.receivers) into?.set(who, (into.get(who) ?? new Set()).add(d.way));
    }
  }
  const escalationSkipped = timeline.some((e) => e.kind === 'record' && NO_ESCALATION_GROUP.test(e.message));
  const nextSteps: NextStep[] = [];
  if (rotaEmpty) nextSteps.push({ kind: 'fix_rota' });
  if (phoneTrouble.size > 0) nextSteps.push({ kind: 'fix_phone', who: [...phoneTrouble] });
  if (escalationSkipped) nextSteps.push({ kind: 'no_escalation_group' });
  return {
    reached: people(reached),
    notReached: people(failed).filter((p) => !reached.has(p.who)),
    nobodyPaged: nobodyPaged(notices, report !== null ? report.counts.succeeded : null, state, escalationSkipped),
    nextSteps,
  };
}

function nobodyPaged(notices: NoticeSummary, delivered: number | null, state: HeadState, escalationSkipped: boolean): NobodyPaged | null {
  const { counts } = notices;
  const sentSomehow = counts.succeeded + counts.triggered + counts.partial + counts.running > 0 || (delivered ?? 0) > 0;
  if (sentSomehow) return null;
  // The most specific reason first: the escalation had no group, every notice found nobody, no notice at all.
  if (escalationSkipped) return 'no_escalation_group';
  if (counts.total > 0 && notices.problems.length > 0 && notices.problems.every(foundNobody)) return 'no_receivers';
  const open = state === 'firing' || state === 'acked';
  return counts.total === 0 && notices.failedActions.length === 0 && open ? 'no_notice' : null;
}

/** A notice that went to nobody: flagged so, or its text says so (the API sheet's own example only says "通知人为空"). */
function foundNobody(item: NoticeItem): boolean {
  return item.emptyReceiver || item.why === 'no_receivers' || NO_RECEIVERS_TEXT.test(item.reason ?? '');
}

function people(byWho: ReadonlyMap<string, ReadonlySet<string>>): PersonWays[] {
  return [...byWho].map(([who, ways]) => ({ who, ways: [...ways].filter((w) => w !== '') }));
}
