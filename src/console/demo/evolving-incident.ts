import { successResponse, type DemoResponse } from './envelope';
import { createOldEventLog, noticeAction, SRE_ON_CALL } from './old-generation';
import type { ServerClock } from './server-clock';

/**
 * Demo event 8001: an incident that is still going, for `watch 8001`. Each
 * stage is what BlueKing would answer a little later: created; a notice fails
 * (no receivers); lisi acks with a note; it recovers (the recovery notice goes
 * out); it is closed. The console's watch steps through them one poll at a
 * time, and the end-to-end tests serve the same bodies from their fake ESB.
 */
export const EVOLVING_INCIDENT_ID = '8001';

/** Stages in order; each is the whole log at that moment. */
export const EVOLVING_STAGES = ['created', 'notice_failed', 'acknowledged', 'recovered', 'closed'] as const;
export type EvolvingStage = (typeof EVOLVING_STAGES)[number];

/** 2024-06-03 14:20:00 Asia/Shanghai. */
const START = 1_717_395_600;
const MIN = 60;
const HASH = '5be1d0c3a7f94e2b8c6d1a0e9f3b7c52';
const ACTION = noticeAction([SRE_ON_CALL], 5);

/** How long the story lasts, created to closed, in minutes. */
export const EVOLVING_INCIDENT_MINUTES = 20;

/**
 * The ESB body for event 8001 at `stage`. `startSec` (epoch seconds) moves the whole story, so
 * the console can tell it as if it began a few minutes ago; tests keep the fixed default.
 */
export function evolvingIncidentResponse(stage: EvolvingStage, clock: ServerClock, startSec: number = START): DemoResponse {
  const reached = EVOLVING_STAGES.indexOf(stage);
  const eventId = `${HASH}.${startSec}.31.9.2`;
  const log = createOldEventLog(eventId, clock);
  const at = (minute: number) => startSec + minute * MIN;
  log.add(at(0), 'CREATE', 'SUCCESS', '[主机 10.0.4.17] 磁盘使用率 >= 90.0%，当前值 93.4%', {});
  log.add(at(1), 'ANOMALY_NOTICE', 'SUCCESS', '通知发送成功', { action: ACTION, anomaly_id: `${eventId}.1` });
  if (reached >= 1) log.add(at(6), 'ANOMALY_NOTICE', 'FAILED', '通知人为空', { action: ACTION, anomaly_id: `${eventId}.6`, empty_receiver: true });
  if (reached >= 2) log.add(at(9), 'ACK', '', 'lisi', { message: '正在清理 /data 日志' });
  if (reached >= 3) {
    log.add(at(17), 'RECOVER', 'SUCCESS', '连续 5 个周期不满足触发条件，告警已恢复', {});
    log.add(at(17) + 2, 'RECOVERY_NOTICE', 'SUCCESS', '通知发送成功', { action: ACTION, anomaly_id: `${eventId}.17` });
  }
  if (reached >= 4) log.add(at(EVOLVING_INCIDENT_MINUTES), 'CLOSE', 'SUCCESS', '告警已恢复，事件已关闭', {});
  return successResponse(log.records(), { code: 0, requestId: `8001a0b1c2d3e4f5a6b7c8d9e0f1a2b${reached}` });
}
