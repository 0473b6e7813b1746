import type { Lang } from '../config';
import { EN_TEXTS } from './describe-en';
import type { BkErrorDescription } from './describe-shared';
import { ZH_CN_TEXTS } from './describe-zh-cn';
import type { BkError } from './errors';

export type { BkErrorDescription } from './describe-shared';

/**
 * Plain words for an on-call engineer: a title, what happened and what to do.
 * Built only from the error's kind and its safe fields (status, retry delay,
 * transport code), never from credentials; the texts carry no Slack markup.
 */
export function describeBkError(err: BkError, lang: Lang): BkErrorDescription {
  const texts = lang === 'zh-CN' ? ZH_CN_TEXTS : EN_TEXTS;
  return texts[err.kind](err);
}
