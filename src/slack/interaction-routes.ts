import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';

export type ActionArgs<A extends BlockAction = BlockAction> = SlackActionMiddlewareArgs<A> & AllMiddlewareArgs;
export type SubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Handler<T> = (args: T) => Promise<void>;

/** Where the listener files register the buttons and modals they answer. */
export interface InteractionRoutes {
  /** Clicks on a control with this action_id (or a family of them, such as the ID picker's numbered buttons). */
  action<A extends BlockAction = BlockAction>(actionId: string | RegExp, handler: Handler<ActionArgs<A>>): void;
  /** The submission of a modal with this callback_id. */
  submission(callbackId: string, handler: Handler<SubmissionArgs>): void;
}

export interface InteractionRouter extends InteractionRoutes {
  /** Whether a route answers clicks on `actionId`. */
  answersAction(actionId: string): boolean;
  /** Whether a route takes the submission of a modal with this callback_id. */
  takesSubmission(callbackId: string): boolean;
  /** One Bolt listener for every block action, one for every view submission, each routing by ID. */
  install(app: App): void;
}

/**
 * Bolt runs every registered listener's middleware for every request (a copy
 * of its chain, an async matcher, a promise each): with twenty buttons and
 * modals registered one by one, that was a tenth of the CPU of a lookup
 * (bench item 2). Here the buttons and modals share one Bolt listener per
 * kind, and a Map finds the handler.
 */
export function createInteractionRouter(): InteractionRouter {
  const actions = new Map<string, Handler<ActionArgs>>();
  const actionPatterns: Array<{ pattern: RegExp; handler: Handler<ActionArgs> }> = [];
  const submissions = new Map<string, Handler<SubmissionArgs>>();

  const handlerFor = (actionId: string): Handler<ActionArgs> | undefined =>
    actions.get(actionId) ?? actionPatterns.find(({ pattern }) => pattern.test(actionId))?.handler;

  return {
    action<A extends BlockAction>(actionId: string | RegExp, handler: Handler<ActionArgs<A>>): void {
      // As with Bolt's own action_id constraint, the element's type is the registrant's word: the ID names a control it drew.
      const routed = handler as unknown as Handler<ActionArgs>;
      if (typeof actionId === 'string') actions.set(actionId, routed);
      else actionPatterns.push({ pattern: actionId, handler: routed });
    },
    submission(callbackId, handler) {
      submissions.set(callbackId, handler);
    },
    answersAction: (actionId) => handlerFor(actionId) !== undefined,
    takesSubmission: (callbackId) => submissions.has(callbackId),
    install(app) {
      app.action<BlockAction>({ type: 'block_actions' }, async (args: ActionArgs) => {
        // Unrouted IDs never get here: the unknown-interaction middleware answers them first.
        await handlerFor(args.action.action_id)?.(args);
      });
      app.view<ViewSubmitAction>({ type: 'view_submission' }, async (args: SubmissionArgs) => {
        await submissions.get(args.view.callback_id)?.(args);
      });
    },
  };
}
