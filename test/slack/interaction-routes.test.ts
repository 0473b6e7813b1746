import type { App } from '@slack/bolt';
import { createInteractionRouter, type ActionArgs, type SubmissionArgs } from '../../src/slack/interaction-routes';

/** A stand-in for Bolt's App that keeps what install() registers. */
function fakeApp(): { app: App; registered: Array<{ kind: 'action' | 'view'; constraints: unknown; listener: (args: unknown) => Promise<void> }> } {
  const registered: Array<{ kind: 'action' | 'view'; constraints: unknown; listener: (args: unknown) => Promise<void> }> = [];
  const app = {
    action: (constraints: unknown, listener: (args: unknown) => Promise<void>) => registered.push({ kind: 'action', constraints, listener }),
    view: (constraints: unknown, listener: (args: unknown) => Promise<void>) => registered.push({ kind: 'view', constraints, listener }),
  } as unknown as App;
  return { app, registered };
}

const click = (actionId: string): ActionArgs => ({ action: { action_id: actionId } }) as unknown as ActionArgs;
const submit = (callbackId: string): SubmissionArgs => ({ view: { callback_id: callbackId } }) as unknown as SubmissionArgs;

describe('interaction routes', () => {
  it('registers one Bolt listener for every block action and one for every view submission, however many routes', () => {
    const routes = createInteractionRouter();
    for (const id of ['a', 'b', 'c', 'd']) routes.action(id, async () => undefined);
    routes.action(/^pick_\d+$/, async () => undefined);
    routes.submission('ack', async () => undefined);
    routes.submission('shield', async () => undefined);
    const { app, registered } = fakeApp();
    routes.install(app);
    expect(registered.map(({ kind, constraints }) => [kind, constraints])).toEqual([
      ['action', { type: 'block_actions' }],
      ['view', { type: 'view_submission' }],
    ]);
  });

  it('hands each click to the handler of its action_id, exact IDs before patterns, and each submission to its callback_id', async () => {
    const routes = createInteractionRouter();
    const seen: string[] = [];
    routes.action(/^pick_\d+$/, async (args) => void seen.push(`pattern:${args.action.action_id}`));
    routes.action('pick_7', async () => void seen.push('exact:pick_7'));
    routes.action('refresh', async () => void seen.push('refresh'));
    routes.submission('ack', async (args) => void seen.push(`submit:${args.view.callback_id}`));
    const { app, registered } = fakeApp();
    routes.install(app);
    const [actions, views] = registered.map((r) => r.listener);
    await actions(click('refresh'));
    await actions(click('pick_3'));
    await actions(click('pick_7'));
    await actions(click('nobody_answers_this'));
    await views(submit('ack'));
    await views(submit('old_modal'));
    expect(seen).toEqual(['refresh', 'pattern:pick_3', 'exact:pick_7', 'submit:ack']);
  });

  it('says which IDs it answers, so the unknown-interaction middleware acks the rest', () => {
    const routes = createInteractionRouter();
    routes.action('refresh', async () => undefined);
    routes.action(/^pick_\d+$/, async () => undefined);
    routes.submission('ack', async () => undefined);
    expect([routes.answersAction('refresh'), routes.answersAction('pick_12'), routes.answersAction('pick_x'), routes.answersAction('share')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([routes.takesSubmission('ack'), routes.takesSubmission('shield')]).toEqual([true, false]);
  });
});
