/**
 * The built-in demo events: raw ESB response bodies, served through the same
 * parseEventLogResponse path as a real BlueKing answer, so the demo shows
 * exactly what a real lookup would.
 */
import { parseEventLogResponse } from '../bk/envelope';
import { parseSearchActionResponse } from '../bk/search-action';
import { parseSearchAlertResponse } from '../bk/search-alert';
import type { ActionList } from '../eventlog/model/action-record';
import type { AlertContext } from '../eventlog/model/alert-context';
import { LookupError } from '../eventlog/model/lookup-error';
import type { EventLog } from '../eventlog/model/record';
import type { EventLogSource } from '../eventlog/model/source';
import type { DemoName } from '../i18n/messages';
import { BIG_LOG_ID, bigLogResponse } from './demo/big-log';
import { EVOLVING_INCIDENT_ID, EVOLVING_INCIDENT_MINUTES, EVOLVING_STAGES, evolvingIncidentResponse } from './demo/evolving-incident';
import { searchActionBody } from './demo/action-records';
import { searchAlertResponse } from './demo/alert-documents';
import { ACTIONS_REFUSED_ID, actionsRefusedAlertDocument, actionsRefusedLogResponse, actionsRefusedResponse } from './demo/actions-refused';
import { alertNotFoundResponse, type DemoResponse } from './demo/envelope';
import { LONG_CONVERGENCE_ID, longConvergenceResponse } from './demo/long-convergence';
import { newGenerationActionsResponse } from './demo/new-generation-actions';
import { NEW_GENERATION_ALERT_ID, newGenerationAlertDocument, newGenerationAlertResponse } from './demo/new-generation-alert';
import { NOTICE_STORM_ID, noticeStormResponse } from './demo/notice-storm';
import { PAGING_STORM_ID, pagingStormActions, pagingStormAlert, pagingStormResponse } from './demo/paging-storm';
import {
  NOBODY_PAGED_ID,
  nobodyPagedDocument,
  nobodyPagedResponse,
  SHIELDED_ALERT_ID,
  shieldedAlertDocument,
  shieldedAlertResponse,
} from './demo/alert-states';
import { ODD_RECORDS_ID, oddRecordsResponse } from './demo/odd-records';
import { PERMISSION_ERROR_ID, permissionErrorResponse } from './demo/permission-error';
import { createServerClock, type ServerClock } from './demo/server-clock';
import { createDemoTriage } from './demo/demo-triage';
import { SHEET_EXAMPLE_ID, sheetExampleResponse } from './demo/sheet-example';

export type { DemoResponse } from './demo/envelope';

/** One demo ID and its name; `help` shows its description, messagesFor(lang).console.demos[name]. */
export interface DemoEvent {
  id: string;
  name: DemoName;
}

/** Events still open are told relative to `nowSec` (epoch seconds), so none reads as open for years. */
interface DemoDefinition extends DemoEvent {
  respond(clock: ServerClock, nowSec: number): DemoResponse;
  /** The search_action answer for this alert; none = an empty action list. */
  actions?: (nowSec: number) => DemoResponse;
  /** The search_alert answer for this alert; none = no such alert in the window. */
  alert?: (nowSec: number) => DemoResponse;
}

const DEFINITIONS: readonly DemoDefinition[] = [
  { id: SHEET_EXAMPLE_ID, name: 'sheetExample', respond: sheetExampleResponse },
  { id: NOTICE_STORM_ID, name: 'noticeStorm', respond: noticeStormResponse },
  { id: LONG_CONVERGENCE_ID, name: 'longConvergence', respond: longConvergenceResponse },
  { id: NEW_GENERATION_ALERT_ID, name: 'newGenerationAlert', respond: newGenerationAlertResponse, actions: newGenerationActionsResponse, alert: newGenerationAlertDocument },
  { id: PAGING_STORM_ID, name: 'pagingStorm', respond: pagingStormResponse, actions: pagingStormActions, alert: pagingStormAlert },
  { id: SHIELDED_ALERT_ID, name: 'shieldedAlert', respond: shieldedAlertResponse, alert: shieldedAlertDocument },
  { id: NOBODY_PAGED_ID, name: 'nobodyPaged', respond: nobodyPagedResponse, alert: nobodyPagedDocument },
  { id: ACTIONS_REFUSED_ID, name: 'actionsRefused', respond: actionsRefusedLogResponse, actions: actionsRefusedResponse, alert: actionsRefusedAlertDocument },
  { id: EVOLVING_INCIDENT_ID, name: 'evolvingIncident', respond: (clock, nowSec) => evolvingIncidentResponse('created', clock, evolvingStartSec(nowSec)) },
  { id: BIG_LOG_ID, name: 'bigLog', respond: bigLogResponse },
  { id: ODD_RECORDS_ID, name: 'oddRecords', respond: oddRecordsResponse },
  { id: PERMISSION_ERROR_ID, name: 'permissionError', respond: permissionErrorResponse },
];

/** 8001's story is set in the last minutes, so it reads as a live incident (every record in the past). */
function evolvingStartSec(nowSec: number): number {
  return Math.floor(nowSec / 60) * 60 - (EVOLVING_INCIDENT_MINUTES + 1) * 60;
}

/** Every demo ID with a one-line description, in the order `help` lists them. */
export const DEMO_EVENTS: readonly DemoEvent[] = DEFINITIONS.map(({ id, name }) => ({ id, name }));

/**
 * The raw response for every demo ID, written for a Monitor server in `zone`
 * as of `nowMs`. Exported so a fake ESB in tests can serve the very same bodies.
 */
export function buildDemoResponses(zone: string, nowMs: number = Date.now()): ReadonlyMap<string, DemoResponse> {
  const clock = createServerClock(zone);
  return new Map(DEFINITIONS.map((d) => [d.id, d.respond(clock, Math.floor(nowMs / 1000))]));
}

/** The search_action answers of the demo alerts that have one, by alert ID (served to a fake ESB in tests too). */
export function buildDemoActionResponses(nowMs: number = Date.now()): ReadonlyMap<string, DemoResponse> {
  return new Map(DEFINITIONS.flatMap((d) => (d.actions ? [[d.id, d.actions(Math.floor(nowMs / 1000))] as const] : [])));
}

/** The search_alert answers of the demo alerts that have one, by alert ID (served to a fake ESB in tests too). */
export function buildDemoAlertResponses(nowMs: number = Date.now()): ReadonlyMap<string, DemoResponse> {
  return new Map(DEFINITIONS.flatMap((d) => (d.alert ? [[d.id, d.alert(Math.floor(nowMs / 1000))] as const] : [])));
}

const NO_ALERT: DemoResponse = searchAlertResponse([], '00000000000000000000000000000000');

const NO_ACTIONS: DemoResponse = { httpStatus: 200, body: searchActionBody([], '00000000000000000000000000000000') };

const JSON_HEADERS = {
  get: (name: string): string | null => (name.toLowerCase() === 'content-type' ? 'application/json' : null),
};

const demoSources = new WeakSet<EventLogSource>();

/**
 * An EventLogSource serving the demo events. Bodies are built once here and
 * parsed on every lookup, like a real answer. An unknown ID gets the answer a
 * new-generation Monitor gives (3324002), so it fails as not_found the real way.
 */
export function createDemoSource(zone: string, nowMs: number = Date.now()): EventLogSource {
  const responses = buildDemoResponses(zone, nowMs);
  const clock = createServerClock(zone);
  // The incident that evolves (8001) moves one stage on with every lookup, so `watch 8001` sees it change.
  let evolvingLookups = 0;
  const evolvingStart = evolvingStartSec(Math.floor(nowMs / 1000));
  const actionResponses = buildDemoActionResponses(nowMs);
  const alertResponses = buildDemoAlertResponses(nowMs);
  const readAlert = (alertId: string): AlertContext | null => {
    const response = alertResponses.get(alertId) ?? NO_ALERT;
    return parseSearchAlertResponse({ httpStatus: response.httpStatus, headers: JSON_HEADERS, body: response.body }, alertId);
  };
  // `ack <id>` / `shield <id> 3h` in the console change the demo alerts, and every later read shows it.
  const triage = createDemoTriage(async (alertId) => readAlert(alertId), zone);
  const source: EventLogSource = {
    async fetchEventLog(id: string, _identity, signal?: AbortSignal): Promise<EventLog> {
      // A real lookup aborted before it answered fails as a timeout; keep the demo honest about that.
      if (signal?.aborted) throw new LookupError({ kind: 'timeout' });
      if (id === EVOLVING_INCIDENT_ID) {
        const stage = EVOLVING_STAGES[Math.min(evolvingLookups++, EVOLVING_STAGES.length - 1)] ?? 'closed';
        return parseDemoResponse(id, evolvingIncidentResponse(stage, clock, evolvingStart), zone);
      }
      return parseDemoResponse(id, triage.withRecords(id, responses.get(id) ?? alertNotFoundResponse(id)), zone);
    },
    async fetchActions(alertId: string, _identity, signal?: AbortSignal): Promise<ActionList> {
      if (signal?.aborted) throw new LookupError({ kind: 'timeout' });
      const response = actionResponses.get(alertId) ?? NO_ACTIONS;
      return parseSearchActionResponse({ httpStatus: response.httpStatus, headers: JSON_HEADERS, body: response.body });
    },
    async fetchAlert(alertId: string, _identity, signal?: AbortSignal): Promise<AlertContext | null> {
      if (signal?.aborted) throw new LookupError({ kind: 'timeout' });
      return triage.current(readAlert(alertId));
    },
    triage,
  };
  demoSources.add(source);
  return source;
}

/** A demo body read exactly as the BlueKing client reads a real answer. */
export function parseDemoResponse(id: string, response: DemoResponse, zone: string): EventLog {
  return parseEventLogResponse({ id, httpStatus: response.httpStatus, headers: JSON_HEADERS, body: response.body, zone });
}

/** Whether a source serves the built-in demo events (the console then lists them). */
export function isDemoSource(source: EventLogSource): boolean {
  return demoSources.has(source);
}
