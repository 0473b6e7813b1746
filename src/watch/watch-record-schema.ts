import { z } from 'zod';
import type { WatchSnapshot } from './snapshot';
import type { WatchRecord } from './watch-record';

/**
 * A watch record as read back from the store, checked field by field: the
 * store is shared, so a record may be damaged, hand-edited or written by
 * another version of the bot (a rolling deploy). Typed against WatchRecord,
 * so a change to the record that this schema misses does not compile.
 */

const count = z.number().int().nonnegative();
const text = z.string().nullable();

const snapshotSchema = z.object({
  records: count,
  unreadable: count,
  state: z.enum(['open', 'acknowledged', 'recovering', 'recovered', 'closed']),
  notices: count,
  failedNotices: count,
  shielded: count,
  running: count,
  acked: z.boolean(),
  ackBy: text,
  ackNote: text,
  severityRaises: count,
  recovered: z.boolean(),
  closed: z.boolean(),
  closedBySystem: z.boolean(),
  lastFailureReason: text,
  lastFailureNoReceivers: z.boolean(),
  deliveriesKnown: z.boolean().optional(),
  failedDeliveries: count.optional(),
  succeededDeliveries: count.optional(),
  runningDeliveries: count.optional(),
  lastDeliveryFailure: text.optional(),
  alertShielded: z.boolean().optional(),
}) satisfies z.ZodType<WatchSnapshot>;

const recordSchema = z.object({
  key: z.string(),
  eventId: z.string(),
  teamId: text,
  channel: z.string(),
  messageTs: z.string(),
  threadTs: z.string(),
  variant: z.enum(['full', 'compact']),
  startedBy: z.string(),
  startedAtMs: z.number(),
  snapshot: snapshotSchema,
  updatedAtMs: z.number(),
  nextPollAtMs: z.number(),
  failures: count,
}) satisfies z.ZodType<WatchRecord>;

/** The record stored under `key`, or why it cannot be one (not JSON, a field missing or of the wrong type, another key). */
export function readWatchRecord(key: string, json: string): { ok: true; watch: WatchRecord } | { ok: false; why: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, why: 'not JSON' };
  }
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, why: `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}` };
  }
  if (parsed.data.key !== key) return { ok: false, why: 'key: not the key it is stored under' };
  return { ok: true, watch: parsed.data };
}
