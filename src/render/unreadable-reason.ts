import type { Lang } from '../config';
import type { UnreadableReason } from '../eventlog/model/record';
import { messagesFor } from '../i18n/catalog';

/** Why a record could not be read, in the reader's language (the parser gives only a code). Plain text. */
export function unreadableReasonText(reason: UnreadableReason, lang: Lang): string {
  const words = messagesFor(lang).render.unreadableReason;
  switch (reason.kind) {
    case 'not_object':
      return words.notObject(words.types[reason.got]);
    case 'missing':
      return words.missing(reason.field);
    case 'wrong_type':
      return words.wrongType(reason.field, words.types[reason.expected], words.types[reason.got]);
    case 'unexpected':
      return words.unexpected(reason.detail);
  }
}
