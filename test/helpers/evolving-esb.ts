import { EVOLVING_INCIDENT_ID, evolvingIncidentResponse, type EvolvingStage } from '../../src/console/demo/evolving-incident';
import { createServerClock } from '../../src/console/demo/server-clock';
import type { Harness } from './app-harness';
import { answerByEventId } from './esb-answers';

/**
 * The fake ESB answering the evolving incident (8001, a watchable open event) at `stage`, other IDs with
 * their fixtures; every chat.postMessage gets a ts of its own, as in Slack (a watch posts its live message).
 */
export function serveEvolvingIncident(h: Harness, stage: EvolvingStage = 'created'): void {
  const others = answerByEventId();
  const clock = createServerClock('Asia/Shanghai');
  h.esb.setFallback((request) =>
    request.query.get('id') === EVOLVING_INCIDENT_ID ? { status: 200, body: evolvingIncidentResponse(stage, clock).body } : others(request),
  );
  h.slack.reply('chat.postMessage', (args, i) => ({ body: { ok: true, channel: args.channel, ts: `1717400000.${String(i + 1).padStart(6, '0')}` } }));
}
