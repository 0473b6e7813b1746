import { z } from 'zod';
import { LookupError } from '../eventlog/model/lookup-error';
import { epochMsToWallClock, type WallClock } from '../eventlog/model/time-zone';
import type { AckAsk, ShieldAsk, UnshieldAsk } from '../eventlog/model/triage-source';
import { readEnvelopeData, type EsbAnswer } from './envelope';

/**
 * The bodies of monitor_v3's write components (ack_event, add_shield,
 * disable_shield) and of business_list_by_actions, and their answers read.
 * Pure; the client does the I/O. Shapes are from bk-monitor's source
 * (docs/bk-monitor-api.md, "Alert context and triage actions").
 */

export function buildAckBody(ask: AckAsk): Record<string, unknown> {
  return { bk_biz_id: ask.bizId, id: Number(ask.alertId), message: ask.note };
}

/**
 * One alert's shield: begin now, end after the duration, as naive wall-clock times in the
 * business's zone (BK_TIMEZONE), once (cycle type 1). BlueKing then checks the calling user's
 * IAM right to manage shields (verify_user_permission).
 */
export function buildAddShieldBody(ask: ShieldAsk, zone: string): Record<string, unknown> {
  return {
    bk_biz_id: ask.bizId,
    category: 'alert',
    dimension_config: { alert_id: ask.alertId },
    begin_time: naiveTime(ask.beginMs, zone),
    end_time: naiveTime(ask.endMs, zone),
    cycle_config: { type: 1, begin_time: '', end_time: '', day_list: [], week_list: [] },
    shield_notice: false,
    description: ask.description,
    verify_user_permission: true,
  };
}

export function buildDisableShieldBody(ask: UnshieldAsk): Record<string, unknown> {
  const id = Number(ask.shieldId);
  return { id: [Number.isSafeInteger(id) ? id : ask.shieldId], bk_biz_id: ask.bizId, verify_user_permission: true };
}

/** The IAM action bk-monitor's web UI checks before it lets a user act on an alert. */
export const VIEW_EVENT_ACTION = 'view_event_v2';

export function buildBusinessListBody(username: string): Record<string, unknown> {
  return { username, action_ids: [VIEW_EVENT_ACTION] };
}

/** `YYYY-MM-DD HH:mm:ss` in `zone`. */
export function naiveTime(epochMs: number, zone: string): string {
  const w: WallClock = epochMsToWallClock(epochMs, zone);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}

/**
 * An answer whose `data` says nothing (ack_event answers `null` whatever happened,
 * disable_shield success even for an unknown ID): only failures are read.
 * @throws LookupError when the call failed
 */
export function readAcceptedAnswer(input: EsbAnswer): void {
  readEnvelopeData(input);
}

const shieldSchema = z.object({ id: z.union([z.number().int(), z.string().regex(/^\d{1,20}$/)]).transform(String) });

/** add_shield's answer: the new shield's ID. */
export function parseAddShieldResponse(input: EsbAnswer): string {
  const { data, code, message, requestId } = readEnvelopeData(input);
  const parsed = shieldSchema.safeParse(data);
  if (!parsed.success) throw new LookupError({ kind: 'bad_shape', code, upstreamMessage: message, requestId, httpStatus: input.httpStatus });
  return parsed.data.id;
}

const businessSchema = z.array(z.object({ id: z.union([z.number().int(), z.string().regex(/^\d{1,12}$/).transform(Number)]) }).passthrough());

/** business_list_by_actions' answer: the IDs of the businesses where the user holds the action. */
export function parseBusinessListResponse(input: EsbAnswer): number[] {
  const { data, code, message, requestId } = readEnvelopeData(input);
  const parsed = businessSchema.safeParse(data);
  if (!parsed.success) throw new LookupError({ kind: 'bad_shape', code, upstreamMessage: message, requestId, httpStatus: input.httpStatus });
  return parsed.data.map((b) => b.id);
}
