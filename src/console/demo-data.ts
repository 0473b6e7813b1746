/**
 * The built-in demo events: raw ESB response bodies, served through the same
 * parseEventLogResponse path as a real BlueKing answer, so the demo shows
 * exactly what a real lookup would.
 */
import { parseEventLogResponse } from '../bk/envelope';
import { BkError } from '../bk/errors';
import type { Lang } from '../config';
import type { EventLog } from '../eventlog/record';
import type { EventLogSource } from '../eventlog/source';
import { BIG_LOG_ID, bigLogResponse } from './demo/big-log';
import { alertNotFoundResponse, type DemoResponse } from './demo/envelope';
import { LONG_CONVERGENCE_ID, longConvergenceResponse } from './demo/long-convergence';
import { NEW_GENERATION_ALERT_ID, newGenerationAlertResponse } from './demo/new-generation-alert';
import { NOTICE_STORM_ID, noticeStormResponse } from './demo/notice-storm';
import { ODD_RECORDS_ID, oddRecordsResponse } from './demo/odd-records';
import { PERMISSION_ERROR_ID, permissionErrorResponse } from './demo/permission-error';
import { createServerClock, type ServerClock } from './demo/server-clock';
import { SHEET_EXAMPLE_ID, sheetExampleResponse } from './demo/sheet-example';

export type { DemoResponse } from './demo/envelope';

/** One demo ID and what it shows, for `help`, in each language the bot speaks. */
export interface DemoEvent {
  id: string;
  description: Record<Lang, string>;
}

interface DemoDefinition extends DemoEvent {
  respond(clock: ServerClock): DemoResponse;
}

const DEFINITIONS: readonly DemoDefinition[] = [
  {
    id: SHEET_EXAMPLE_ID,
    description: {
      en: "the API sheet's own example: created, then a notice that failed (通知人为空)",
      'zh-CN': '接口文档自带的示例：告警产生，随后一条通知失败（通知人为空）',
    },
    respond: sheetExampleResponse,
  },
  {
    id: NOTICE_STORM_ID,
    description: {
      en: 'notification storm: 18 failed notices, one partly sent, one shielded; acked, recovered, closed',
      'zh-CN': '通知风暴：18 条通知失败、1 条部分成功、1 条被屏蔽；已确认、已恢复、已关闭',
    },
    respond: noticeStormResponse,
  },
  {
    id: LONG_CONVERGENCE_ID,
    description: {
      en: 'six hours of convergence: 45 rounds folding 576 anomalies',
      'zh-CN': '持续六小时的收敛：45 轮共收敛 576 个异常点',
    },
    respond: longConvergenceResponse,
  },
  {
    id: NEW_GENERATION_ALERT_ID,
    description: {
      en: 'new-generation alert (Monitor 3.6+): severity up, a failed phone call, a throttled notice, acked, closed by the system',
      'zh-CN': '新版告警（监控 3.6+）：级别上升、电话通知失败、通知被流控、已确认、系统关闭',
    },
    respond: newGenerationAlertResponse,
  },
  {
    id: BIG_LOG_ID,
    description: {
      en: 'a flapping probe with 521 records, cut and paged to fit one message',
      'zh-CN': '反复抖动的拨测告警，共 521 条流水，分页显示',
    },
    respond: bigLogResponse,
  },
  {
    id: ODD_RECORDS_ID,
    description: {
      en: 'an unknown record type and status, and records nobody can read',
      'zh-CN': '未知的记录类型和状态，以及无法解析的记录',
    },
    respond: oddRecordsResponse,
  },
  {
    id: PERMISSION_ERROR_ID,
    description: {
      en: 'an upstream failure: the ESB says the app may not call get_event_log (1306403)',
      'zh-CN': '上游报错：ESB 表示应用无权调用 get_event_log（1306403）',
    },
    respond: permissionErrorResponse,
  },
];

/** Every demo ID with a one-line description, in the order `help` lists them. */
export const DEMO_EVENTS: readonly DemoEvent[] = DEFINITIONS.map(({ id, description }) => ({ id, description }));

/**
 * The raw response for every demo ID, written for a Monitor server in `zone`.
 * Exported so a fake ESB in tests can serve the very same bodies.
 */
export function buildDemoResponses(zone: string): ReadonlyMap<string, DemoResponse> {
  const clock = createServerClock(zone);
  return new Map(DEFINITIONS.map((d) => [d.id, d.respond(clock)]));
}

const JSON_HEADERS = {
  get: (name: string): string | null => (name.toLowerCase() === 'content-type' ? 'application/json' : null),
};

const demoSources = new WeakSet<EventLogSource>();

/**
 * An EventLogSource serving the demo events. Bodies are built once here and
 * parsed on every lookup, like a real answer. An unknown ID gets the answer a
 * new-generation Monitor gives (3324002), so it fails as not_found the real way.
 */
export function createDemoSource(zone: string): EventLogSource {
  const responses = buildDemoResponses(zone);
  const source: EventLogSource = {
    async fetchEventLog(id: string, _identity, signal?: AbortSignal): Promise<EventLog> {
      // A real lookup aborted before it answered fails as a timeout; keep the demo honest about that.
      if (signal?.aborted) throw new BkError({ kind: 'timeout' });
      const response = responses.get(id) ?? alertNotFoundResponse(id);
      return parseEventLogResponse({ id, httpStatus: response.httpStatus, headers: JSON_HEADERS, body: response.body, zone });
    },
  };
  demoSources.add(source);
  return source;
}

/** Whether a source serves the built-in demo events (the console then lists them). */
export function isDemoSource(source: EventLogSource): boolean {
  return demoSources.has(source);
}
