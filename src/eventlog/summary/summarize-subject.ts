import type { AlertLookup, AlertSeverity } from '../model/alert-context';
import type { LogEntry } from '../model/record';
import type { HeadState, Lifecycle, Subject } from './summarize-types';

/**
 * What is alerting, where, how bad and how it stands now: the header's facts.
 * search_alert's answer wins (the alert itself); without it, only what the log
 * proves: the target in brackets an old-generation CREATE text starts with,
 * the CREATE text itself, and the severity a SEVERITY_UP or assignment text names. Pure.
 */



const SEVERITY_WORD: Readonly<Record<string, AlertSeverity>> = { 致命: 1, 预警: 2, 提醒: 3 };
// "收到了更高级别的事件，告警级别上升为：致命" and "告警适配到自动分派规则组$…$, 级别维持【预警】不变".
const SEVERITY_TEXT = /(?:告警级别上升为[：:]\s*|级别(?:维持|调整为)【)(致命|预警|提醒)/;
// Old generation CREATE: "[主机 10.0.1.23] CPU总使用率 avg(usage) >= 95.0%，当前值 97.3%". A bracket
// naming no address or number ("[进程] …") is a category, not a target: it stays part of the text.
const BRACKETED_TARGET = /^\s*\[([^\]\n]{0,40}\d[^\]\n]{0,40})\]\s*/;
// New generation CREATE: "<event text>, 达到了触发告警条件（…）": the condition says nothing a triager needs first.
const TRIGGER_CONDITION = /[,，]\s*达到了触发告警条件[\s\S]*$/;

export function summarizeSubject(timeline: readonly LogEntry[], lifecycle: Lifecycle, alert: AlertLookup): Subject {
  const fromLog = logFacts(timeline);
  const ackByLog = lifecycle.ack?.by ?? null;
  if (alert.kind === 'absent') {
    return { state: stateOf(lifecycle), ...fromLog, owners: [], ackBy: ackByLog, shieldLeft: null, fromAlert: false, name: null };
  }
  const a = alert.alert;
  const state = alertState(a.status, a.isAck, a.isShielded) ?? stateOf(lifecycle);
  return {
    state,
    severity: a.severity ?? fromLog.severity,
    name: a.name || a.strategyName || null,
    target: alertTarget(a.ip, a.target, a.dimensions.map((d) => d.displayValue)) ?? fromLog.target,
    what: a.name || a.strategyName ? null : fromLog.what,
    owners: [...new Set([...a.assignees, ...a.appointees])],
    ackBy: a.ackOperator || ackByLog,
    shieldLeft: a.isShielded ? (a.shieldLeftTime === '0s' ? '' : a.shieldLeftTime) : null,
    fromAlert: true,
  };
}

/** The alert's own status wins over what the log suggests; null for a status we do not know. */
function alertState(status: string, isAck: boolean, isShielded: boolean): HeadState | null {
  if (status === 'RECOVERED') return 'recovered';
  if (status === 'CLOSED') return 'closed';
  if (status !== 'ABNORMAL') return null;
  if (isShielded) return 'shielded';
  return isAck ? 'acked' : 'firing';
}

function stateOf(lifecycle: Lifecycle): HeadState {
  switch (lifecycle.state) {
    case 'recovered':
    case 'closed':
      return lifecycle.state;
    default:
      return lifecycle.ack ? 'acked' : 'firing';
  }
}

/** "10.0.3.8", else the target without its cloud ID, else the first dimension values. */
function alertTarget(ip: string, target: string, dimensionValues: readonly string[]): string | null {
  if (ip) return ip;
  if (target) return target.replace(/\|\d+$/, '');
  const values = dimensionValues.filter((v) => v.trim() !== '').slice(0, 2);
  return values.length > 0 ? values.join(', ') : null;
}

function logFacts(timeline: readonly LogEntry[]): Pick<Subject, 'severity' | 'target' | 'what'> {
  let severity: AlertSeverity | null = null;
  let create: string | null = null;
  for (const entry of timeline) {
    if (entry.kind !== 'record') continue;
    if (entry.operate === 'CREATE' && create === null) create = entry.message.trim();
    const named = SEVERITY_TEXT.exec(entry.message)?.[1];
    if (named !== undefined) severity = SEVERITY_WORD[named] ?? severity;
  }
  if (create === null || create === '') return { severity, target: null, what: null };
  const bracket = BRACKETED_TARGET.exec(create);
  const what = (bracket ? create.slice(bracket[0].length) : create).replace(TRIGGER_CONDITION, '').trim();
  return { severity, target: bracket?.[1]?.trim() || null, what: what === '' ? null : what };
}
