import { ACTION_IDS, MODAL_ACTION_IDS, PICK_ACTION_PATTERN } from './actions';
import { TRIAGE_ACTION_IDS, TRIAGE_CALLBACK_IDS } from './triage-state';

/** Every action_id of a button or control this bot draws, so a listener answers it. */
const KNOWN_ACTION_IDS: ReadonlySet<string> = new Set([...Object.values(ACTION_IDS), ...Object.values(MODAL_ACTION_IDS), ...Object.values(TRIAGE_ACTION_IDS)]);

/** The callback_id of every modal whose submission a listener takes (the Full log modal has none). */
const SUBMITTED_VIEWS: ReadonlySet<string> = new Set(Object.values(TRIAGE_CALLBACK_IDS));

/** Whether some listener of this bot answers `actionId` (every button and control it draws). */
export function isKnownActionId(actionId: string): boolean {
  return KNOWN_ACTION_IDS.has(actionId) || PICK_ACTION_PATTERN.test(actionId);
}

/** Whether some listener takes the submission of a modal with this `callback_id`. */
export function isSubmittedView(callbackId: string | null): boolean {
  return callbackId !== null && SUBMITTED_VIEWS.has(callbackId);
}
