import type { Messages } from '../messages';
import { bkErrors } from './bk-errors';
import { consoleMessages } from './console';
import { deliveries } from './deliveries';
import { firstScreen } from './first-screen';
import { render } from './render';
import { replies } from './replies';
import { triage } from './triage';
import { watch } from './watch';

/** Every message in Simplified Chinese (zh-CN), one file per area. */
export const zhCN = { render, replies, bkErrors, console: consoleMessages, watch, deliveries, triage, firstScreen } satisfies Messages;
