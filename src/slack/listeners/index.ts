import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
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

/** Every entry point, each in its own file exporting register(app, ctx). */
export function registerListeners(app: App, ctx: SlackContext): void {
  eventlogCommand.register(app, ctx);
  messageShortcut.register(app, ctx);
  appMention.register(app, ctx);
  logButtons.register(app, ctx);
  pickIdButton.register(app, ctx);
  watchButtons.register(app, ctx);
  fullLog.register(app, ctx);
  modalActions.register(app, ctx);
  linkShared.register(app, ctx);
  triageButtons.register(app, ctx);
  triageModals.register(app, ctx);
  unknownInteractions.register(app, ctx);
}
