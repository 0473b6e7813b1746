import type { Lang } from '../config';
import { messagesFor } from '../i18n/catalog';

/**
 * Whether BlueKing's own reason already says the notice had no receivers in the
 * reader's words ("通知人为空" read in Chinese), so "(no receivers)" would only repeat it.
 */
export function saysNoReceivers(reason: string, lang: Lang): boolean {
  return reason.includes(messagesFor(lang).render.noReceiversReason);
}
