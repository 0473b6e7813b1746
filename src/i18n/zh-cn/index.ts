import type { Messages } from '../messages';
import { bkErrors } from './bk-errors';
import { consoleMessages } from './console';
import { render } from './render';
import { replies } from './replies';

/** Every message in Simplified Chinese (zh-CN), one file per area. */
export const zhCN = { render, replies, bkErrors, console: consoleMessages } satisfies Messages;
