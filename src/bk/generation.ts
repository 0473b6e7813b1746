import type { Generation } from '../eventlog/model/record';

/**
 * Which Monitor generation answered, guessed from the records' shape (the API
 * does not say). It decides the order the records are read in: a new-generation
 * answer is newest first (src/eventlog/summary/summarize-order.ts). The record times
 * still sort everything, so a wrong guess only flips records that share a
 * second; 'unknown' is the honest answer when the evidence is thin.
 */

/** Operates only the alert-based (3.6+) Monitor writes. */
const NEW_GENERATION_OPERATES: ReadonlySet<string> = new Set([
  'ACTION',
  'ALERT_QOS',
  'SYSTEM_CLOSE',
  'SYSTEM_RECOVER',
  'RECOVERING',
  'DELAY_RECOVER',
  'ABORT_RECOVER',
  'SEVERITY_UP',
  'EVENT_DROP',
]);
/** New-generation alert IDs: 10 digits of Unix time plus a sequence. */
const ALERT_ID = /^\d{15,}$/;

/** What the records showed, accumulated one record at a time. */
export interface GenerationEvidence {
  records: number;
  numericEventId: boolean;
  newOperate: boolean;
  oldNoticeOperate: boolean;
  dottedEventId: boolean;
  /** Every record's extend_info was exactly {} (not "", not absent). */
  allExtendInfoEmpty: boolean;
  allEventIdsAlertLike: boolean;
}

/** Evidence before any record is seen. */
export function noEvidence(): GenerationEvidence {
  return {
    records: 0,
    numericEventId: false,
    newOperate: false,
    oldNoticeOperate: false,
    dottedEventId: false,
    allExtendInfoEmpty: true,
    allEventIdsAlertLike: true,
  };
}

/** Add one valid record's facts to the evidence (mutates `e`: called in the parse loop). */
export function addEvidence(
  e: GenerationEvidence,
  record: { operate: string; eventId: string; eventIdWasNumber: boolean; extendInfoWasEmptyObject: boolean },
): void {
  e.records += 1;
  if (record.eventIdWasNumber) e.numericEventId = true;
  if (NEW_GENERATION_OPERATES.has(record.operate)) e.newOperate = true;
  if (record.operate.endsWith('_NOTICE')) e.oldNoticeOperate = true;
  if (record.eventId.includes('.')) e.dottedEventId = true;
  if (!record.extendInfoWasEmptyObject) e.allExtendInfoEmpty = false;
  if (!ALERT_ID.test(record.eventId)) e.allEventIdsAlertLike = false;
}

/** The generation the evidence points to. */
export function guessGeneration(e: GenerationEvidence): Generation {
  if (e.records === 0) return 'unknown';
  if (e.numericEventId || e.newOperate || (e.allExtendInfoEmpty && e.allEventIdsAlertLike)) return 'new';
  if (e.oldNoticeOperate || e.dottedEventId) return 'old';
  return 'unknown';
}
