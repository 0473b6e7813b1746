import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import * as eventlogCommand from './eventlog-command';

/** Every entry point, each in its own file exporting register(app, ctx). */
export function registerListeners(app: App, ctx: SlackContext): void {
  eventlogCommand.register(app, ctx);
}
