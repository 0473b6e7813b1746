import type { Lang } from '../config';
import { en } from './en';
import type { Messages } from './messages';
import { zhCN } from './zh-cn';

export type { Messages } from './messages';

/** One catalog per language the bot speaks; a Lang without one fails to compile. */
export const CATALOGS: Readonly<Record<Lang, Messages>> = { en, 'zh-CN': zhCN };

/** Every message in `lang`. There is no fallback: each language carries every message. */
export function messagesFor(lang: Lang): Messages {
  return CATALOGS[lang];
}
