import type { EventLog, EventRecord, LogEntry, NoticeInfo, UnreadableRecord } from '../../../src/eventlog/model/record';

/**
 * Hand-built event logs for summarize and render tests: plain values shaped
 * exactly as the BlueKing client normalizes them (src/eventlog/model/record.ts).
 */

/** Epoch ms of a wall-clock time in Asia/Shanghai (UTC+8, no DST). */
export function shanghai(date: string, time: string): number {
  return Date.parse(`${date}T${time}+08:00`);
}

export const OLD_EVENT_ID = 'd751713988987e9331980363e24189ce.1577846280.88.118.1';

/** A validated record with sensible defaults; `index` is set by makeLog. */
export function rec(fields: Partial<EventRecord> & Pick<EventRecord, 'operate'>): EventRecord {
  return {
    kind: 'record',
    index: 0,
    status: 'SUCCESS',
    eventId: OLD_EVENT_ID,
    message: '',
    timeMs: null,
    rawTime: '',
    converge: null,
    notice: null,
    ackNote: null,
    ...fields,
  };
}

/** An unreadable entry; `detail` is the parser's own words for what went wrong (shown in English only). */
export function unreadable(detail: string): UnreadableRecord {
  return { kind: 'unreadable', index: 0, reason: { kind: 'unexpected', detail } };
}

/** A notice's extend_info as the client normalizes it. */
export function notice(fields: Partial<NoticeInfo> = {}): NoticeInfo {
  return {
    groups: [{ name: 'SRE 值班组', receivers: ['lisi', 'zhangsan'], ways: ['weixin', 'mail'] }],
    emptyReceiver: false,
    shield: null,
    webhookCount: 0,
    ...fields,
  };
}

/** An EventLog whose entries carry their upstream positions as `index`. */
export function makeLog(id: string, entries: LogEntry[], generation: EventLog['generation'] = 'old', requestId: string | null = null): EventLog {
  return { id, generation, requestId, entries: entries.map((entry, index) => ({ ...entry, index })) };
}

const at = (time: string): Pick<EventRecord, 'timeMs' | 'rawTime'> => ({
  timeMs: shanghai('2020-01-01', time),
  rawTime: `2020-01-01 ${time}`,
});

/**
 * The old-generation event the message was first designed around: created 10:38, one
 * notice failed (no receivers), one partly sent, one shielded, acked 11:05 by
 * lisi, 52 anomalies converged, recovered and closed 11:31.
 */
export function sketchLog(): EventLog {
  return makeLog(
    '5310',
    [
      rec({ operate: 'CREATE', ...at('10:38:00') }),
      rec({ operate: 'ANOMALY_NOTICE', status: 'FAILED', message: '通知人为空', ...at('10:40:00'), notice: notice({ emptyReceiver: true }) }),
      rec({ operate: 'ANOMALY_NOTICE', status: 'PARTIAL_SUCCESS', message: 'mail 发送失败', ...at('10:50:00'), notice: notice() }),
      rec({
        operate: 'ANOMALY_NOTICE',
        status: 'SHIELDED',
        ...at('11:00:00'),
        notice: notice({ shield: { type: 'business', detail: '业务维护屏蔽' } }),
      }),
      rec({ operate: 'ACK', status: '', message: 'lisi', ackNote: 'rolling back release 2.3', ...at('11:05:00') }),
      rec({
        operate: 'CONVERGE',
        ...at('11:29:00'),
        converge: {
          anomalyCount: 52,
          dataWindow: { minMs: shanghai('2020-01-01', '10:38:00'), maxMs: shanghai('2020-01-01', '11:27:00') },
          processWindow: { minMs: shanghai('2020-01-01', '10:40:00'), maxMs: shanghai('2020-01-01', '11:29:00') },
        },
      }),
      rec({ operate: 'RECOVER', message: '告警已恢复', ...at('11:31:00') }),
      rec({ operate: 'RECOVERY_NOTICE', ...at('11:31:00'), notice: notice() }),
      rec({ operate: 'CLOSE', message: '事件已关闭', ...at('11:31:00') }),
    ],
    'old',
    '4b1e2a90c3d44f5e8a7b6c5d4e3f2a1b',
  );
}

export const NEW_ALERT_ID = '164239028644167';

/**
 * A new-generation alert, newest first as Monitor sends it: created, a
 * notification action, severity raised, acknowledged by admin with a note,
 * then closed by the system. Status is always SUCCESS, extend_info empty.
 */
export function newGenerationLog(): EventLog {
  const t = (time: string): Pick<EventRecord, 'timeMs' | 'rawTime'> => ({
    timeMs: shanghai('2022-01-17', time),
    rawTime: `2022-01-17 ${time}`,
  });
  const base = { eventId: NEW_ALERT_ID };
  return makeLog(
    NEW_ALERT_ID,
    [
      rec({ ...base, operate: 'SYSTEM_CLOSE', message: '长时间未收到新的异常事件，系统关闭告警', ...t('13:40:00') }),
      rec({ ...base, operate: 'ACK', message: 'admin确认了该告警事件并备注：,扩容中', ...t('11:02:00') }),
      rec({ ...base, operate: 'SEVERITY_UP', message: '收到了更高级别的事件，告警级别上升为：致命', ...t('10:58:00') }),
      rec({ ...base, operate: 'ACTION', message: '达到通知告警的执行条件【告警触发时】，已触发告警通知', ...t('10:45:00') }),
      rec({ ...base, operate: 'CONVERGE', message: 'avg(CPU使用率) >= 90.0%, 当前值96.1%', ...t('10:44:40') }),
      rec({ ...base, operate: 'CREATE', message: 'avg(CPU使用率) >= 90.0%, 当前值93.5%, 达到了触发告警条件（5周期内满足1次检测算法）', ...t('10:44:28') }),
    ],
    'new',
    '9f0e1d2c3b4a59687766554433221100',
  );
}
