import { successResponse, type DemoResponse } from './envelope';
import { createOldEventLog } from './old-generation';
import type { ServerClock } from './server-clock';

/**
 * Demo event 9002 (old generation): records a newer or odder deployment may
 * send. An operate and a status this bot has no label for (shown raw), a
 * record whose `operate` is a number (the API sheet calls it "int"), a
 * create_time nobody can read, and a `null` where a record should be. None
 * may crash the reply or vanish from it.
 */
export const ODD_RECORDS_ID = '9002';

/** 2024-07-08 09:00:00 Asia/Shanghai. */
const START = 1_720_400_400;
const MIN = 60;
const EVENT_ID = `3a7c9e1b5d2f4a6c8e0b1d3f5a7c9e2b.${START}.64.101.3`;

/** The event's raw records: readable ones from the log, then the broken ones spliced in. */
export function oddRecords(clock: ServerClock): unknown[] {
  const log = createOldEventLog(EVENT_ID, clock);
  log.add(START, 'CREATE', 'SUCCESS', '[进程] nginx 进程数 == 0', {});
  log.add(START + 2 * MIN, 'UPGRADE_NOTICE', 'SKIPPED', '告警升级通知：未配置升级用户组，已跳过', {});
  log.add(START + 20 * MIN, 'CLOSE', 'SUCCESS', '策略已被删除，事件关闭', {});
  const [created, upgraded, closed] = log.records();
  return [
    created,
    upgraded,
    { status: 'SUCCESS', event_id: EVENT_ID, message: '', operate: 5, extend_info: {}, create_time: clock(START + 3 * MIN) },
    { status: 'SUCCESS', event_id: EVENT_ID, message: '进程已拉起', operate: 'RECOVER', extend_info: {}, create_time: '昨天 09:15' },
    null,
    closed,
  ];
}

/** The ESB body for event 9002. */
export function oddRecordsResponse(clock: ServerClock): DemoResponse {
  return successResponse(oddRecords(clock), { code: 0, requestId: 'e4f6a8c0b2d4e6f8a0c2e4b6d8f0a2c4' });
}
