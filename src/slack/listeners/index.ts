import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { createInteractionRouter } from '../interaction-routes';
import * as appMention from './app-mention';
import * as eventlogCommand from './eventlog-command';
import * as fullLog from './full-log';
import * as linkShared from './link-shared';
import * as logButtons from './log-buttons';
import * as messageShortcut from './message-shortcut';
import * as modalActions from './modal-actions';
import * as pickIdButton from './pick-id-button';
import * as unknownInteractions from './unknown-interactions';
import * as triageButtons from './triage-buttons';
import * as triageModals from './triage-modals';
import * as watchButtons from '../../watch/slack/watch-buttons';

/**
 * Every entry point, each in its own file exporting register(…, ctx). Buttons and
 * modals register on one router (see interaction-routes.ts), not on Bolt one by one.
 */
export function registerListeners(app: App, ctx: SlackContext): void {
  eventlogCommand.register(app, ctx);
  messageShortcut.register(app, ctx);
  appMention.register(app, ctx);
  linkShared.register(app, ctx);
  const routes = createInteractionRouter();
  logButtons.register(routes, ctx);
  pickIdButton.register(routes, ctx);
  watchButtons.register(routes, ctx);
  fullLog.register(routes, ctx);
  modalActions.register(routes, ctx);
  triageButtons.register(routes, ctx);
  triageModals.register(routes, ctx);
  // Before the routes: an interaction no route answers is acked here, never left to Bolt's 3-second timeout.
  unknownInteractions.register(app, routes, ctx);
  routes.install(app);
}
