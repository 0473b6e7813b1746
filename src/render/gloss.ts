import type { Lang } from '../config';
import { messagesFor } from '../i18n/catalog';

/**
 * BlueKing's own phrases, glossed the same way everywhere in English:
 * "通知人为空" → "通知人为空 (no receivers)". The text is already escaped
 * mrkdwn or plain; a phrase is glossed once, where it first appears. zh-CN shows the phrase alone.
 */
export function gloss(text: string, lang: Lang): string {
  const words = messagesFor(lang).firstScreen;
  for (const [phrase, meaning] of Object.entries(words.glosses)) {
    const at = text.indexOf(phrase);
    if (at < 0 || text.includes(`(${meaning})`)) continue;
    return text.slice(0, at) + words.glossed(phrase, meaning) + text.slice(at + phrase.length);
  }
  return text;
}
