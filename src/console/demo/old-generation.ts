/**
 * Builders for old-generation (Monitor v3.2 era) records, so each demo event
 * states its story and not the plumbing. Shapes follow docs/bk-monitor-api.md.
 */
import type { ServerClock } from './server-clock';

/** One raw record as the old generation sends it. */
export interface OldRecord {
  status: string;
  event_id: string;
  message: string;
  operate: string;
  extend_info: unknown;
  create_time: string;
}

/** A notice group as configured in Monitor (`notice_group_list` item). */
export interface NoticeGroupSpec {
  id: number;
  name: string;
  /** "type:id" pairs, e.g. "user:lisi", "group:bk_biz_maintainer". */
  receivers: readonly string[];
  ways: readonly string[];
}

export const SRE_ON_CALL: NoticeGroupSpec = {
  id: 3,
  name: 'SRE 值班组',
  receivers: ['group:oncall_sre'],
  ways: ['weixin', 'mail'],
};

export const BIZ_MAINTAINERS: NoticeGroupSpec = {
  id: 1,
  name: '运维',
  receivers: ['group:bk_biz_maintainer', 'user:lisi'],
  ways: ['mail', 'sms'],
};

/** `extend_info.action` of a notice record: the notice action that ran. */
export function noticeAction(groups: readonly NoticeGroupSpec[], alarmIntervalMin: number): Record<string, unknown> {
  return {
    id: 11,
    action_type: 'notice',
    config: {
      alarm_start_time: '00:00:00',
      alarm_end_time: '23:59:59',
      send_recovery_alarm: true,
      alarm_interval: alarmIntervalMin,
    },
    notice_template: { anomaly_template: '{{content.level}}\n{{content.begin_time}}\n{{content.content}}', recovery_template: '' },
    notice_group_list: groups.map((g) => ({
      id: g.id,
      name: g.name,
      notice_receiver: g.receivers.map((r) => {
        const [type, id] = r.split(':');
        return { type, id };
      }),
      // Level "1" (fatal); Monitor keys notice ways by alarm level.
      notice_way: { '1': [...g.ways] },
      message: '',
      webhook_url: '',
    })),
  };
}

/** `extend_info` of a CONVERGE record; windows in epoch seconds. */
export function convergeInfo(opts: {
  dataMin: number;
  dataMax: number;
  processMin: number;
  processMax: number;
  count: number;
  anomalyRecord: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    process_time: { min: opts.processMin, max: opts.processMax },
    data_time: { min: opts.dataMin, max: opts.dataMax },
    anomaly_count: opts.count,
    anomaly_record: opts.anomalyRecord,
  };
}

/** One anomaly point as Monitor keeps it (`origin_alarm` style), for `anomaly_record`. */
export function anomalyPoint(opts: {
  anomalyId: string;
  timeSec: number;
  value: number;
  message: string;
  dimensions: Record<string, string>;
  clock: ServerClock;
}): Record<string, unknown> {
  return {
    data: { time: opts.timeSec, value: opts.value, values: { time: opts.timeSec, value: opts.value }, dimensions: opts.dimensions },
    anomaly: { '1': { anomaly_id: opts.anomalyId, anomaly_time: opts.clock(opts.timeSec), anomaly_message: opts.message } },
  };
}

/**
 * Collects one event's records: every record carries the same `event_id`,
 * `create_time` is written by the server clock, and `records()` returns them
 * oldest first (ties keep the order added), as the old generation stores them.
 */
export interface OldEventLog {
  add(atSec: number, operate: string, status: string, message: string, extendInfo: unknown): void;
  records(): OldRecord[];
}

/** A fresh OldEventLog for one event. */
export function createOldEventLog(eventId: string, clock: ServerClock): OldEventLog {
  const timed: Array<{ atSec: number; record: OldRecord }> = [];
  return {
    add(atSec, operate, status, message, extendInfo) {
      timed.push({
        atSec,
        record: { status, event_id: eventId, message, operate, extend_info: extendInfo, create_time: clock(atSec) },
      });
    },
    // Sorted on epoch seconds, not on the wall-clock strings, which repeat in a DST fall-back hour.
    records: () => [...timed].sort((a, b) => a.atSec - b.atSec).map((t) => t.record),
  };
}
