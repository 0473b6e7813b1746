import type { Lang } from '../config';
import type { InvalidReason } from '../eventlog/model/invalid-reason';
import { messagesFor } from '../i18n/catalog';

/** A plain sentence saying what was wrong and what is expected. No Slack markup: the renderer escapes it. */
export function describeInvalid(reason: InvalidReason, lang: Lang): string {
  return messagesFor(lang).replies.invalidInput[reason];
}
