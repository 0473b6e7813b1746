import type { ClientRequest, IncomingMessage } from 'node:http';
import type http from 'node:http';
import type https from 'node:https';

/**
 * node-fetch 2 notices a response cut short only for chunked bodies; a body
 * with Content-Length that stops half way just hangs until the timeout. To
 * name that failure for what it is, each call gets a view of the shared
 * keep-alive agent that watches the call's own response for an early close.
 */

/** Node's Agent hook that receives every request (public in practice, untyped in @types/node). */
interface RequestHook {
  addRequest(req: ClientRequest, options: unknown): void;
}

/**
 * A per-call view of `agent`: same sockets and pool, plus a watch on the
 * response, calling `onCutShort` if it closes before its body was complete.
 */
export function agentWatchingForCutShort<A extends http.Agent | https.Agent>(agent: A, onCutShort: () => void): A {
  const shared = agent as unknown as RequestHook;
  const view = Object.create(agent) as A & RequestHook;
  view.addRequest = (req, options) => {
    req.once('response', (res: IncomingMessage) => {
      res.once('close', () => {
        if (!res.complete) onCutShort();
      });
    });
    shared.addRequest.call(agent, req, options);
  };
  return view;
}
