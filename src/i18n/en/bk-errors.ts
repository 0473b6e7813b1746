import type { BkErrorMessages, HttpFailure } from '../messages';
import { DETAIL_LINK_ID } from './replies';

const HTTP_EXPLANATION: Readonly<Record<HttpFailure, string>> = {
  redirect: 'The server answered with a redirect instead of data, often to a login page.',
  refused: 'The server refused the call without a BlueKing error body: a proxy or firewall, or BlueKing rejecting the credentials.',
  server: 'BlueKing or a proxy in front of it failed with a server error.',
  other: 'The server answered with an error status and no BlueKing error body.',
};

const HTTP_HINT: Readonly<Record<HttpFailure, string>> = {
  redirect: 'Point BK_API_BASE_URL at the ESB / API host itself (e.g. https://paas.example.com), not at a page that needs a login.',
  refused: 'Check BK_APP_CODE and BK_APP_SECRET, and whether a proxy between the bot and BlueKing needs its own access.',
  server: 'Try again shortly; if it persists, ask the BlueKing admin, quoting the request ID.',
  other: 'Check BK_API_BASE_URL and BK_EVENT_LOG_PATH.',
};

/** English wording for every failure kind. */
export const bkErrors = {
  app_credentials: () => ({
    title: 'BlueKing rejected the app credentials',
    explanation: 'The ESB or API gateway did not accept the app code and secret the bot sent.',
    hint: "Check BK_APP_CODE and BK_APP_SECRET against the app's basic information in the BlueKing developer center (蓝鲸开发者中心).",
  }),
  user_identity: () => ({
    title: 'BlueKing did not accept the user identity',
    explanation: 'The call needs a verified BlueKing user (bk_username), and the ESB did not accept the one sent.',
    hint:
      "Put the app on the ESB's skip-user-auth whitelist (免用户认证白名单) so bk_username is trusted, and check BK_USERNAME. " +
      'Older ESBs ignore the X-Bkapi-Authorization header: try BK_AUTH_STYLE=query.',
  }),
  user_permission: () => ({
    title: 'The BlueKing user may not see this',
    explanation: 'BlueKing says the user the bot asks as has no permission for this event.',
    hint: 'Grant that user access to the business in BlueKing Monitor (permission center, 权限中心), or have the bot ask as a user who has it.',
  }),
  app_permission: () => ({
    title: 'The app may not call the event-log API',
    explanation: 'BlueKing says this app has no permission to call monitor_v3 get_event_log.',
    hint: "In the developer center, apply for or renew the app's permission to the monitor_v3 get_event_log API (云 API 权限).",
  }),
  component_not_found: () => ({
    title: 'The event-log API was not found',
    explanation: 'BlueKing answered that no API exists at the path the bot called.',
    hint:
      'Check BK_EVENT_LOG_PATH (default /api/c/compapi/v2/monitor_v3/get_event_log/) and BK_API_BASE_URL; ' +
      'some ESB versions serve monitor_v3 under another path or not at all.',
  }),
  not_found: () => ({
    title: 'No such event or alert',
    explanation: 'BlueKing Monitor has no event or alert with this ID.',
    hint:
      'Check the ID. Monitor 3.6 and later use alert IDs of 15 or more digits (e.g. 164239028644167); older Monitor uses short event IDs (e.g. 4821). ' +
      DETAIL_LINK_ID,
  }),
  bad_parameter: () => ({
    title: 'BlueKing refused the request',
    explanation: 'BlueKing says the ID is not in the format it expects.',
    hint: 'Send the numeric event or alert ID only. If it is one, this Monitor may expect the other kind (old event ID or new alert ID).',
  }),
  rate_limited: (facts) => ({
    title: 'BlueKing is rate limiting the bot',
    explanation: 'Too many calls in a short time, so BlueKing refused this one.',
    hint:
      facts.retryAfterSec !== null
        ? `Wait ${facts.retryAfterSec} s and try again.`
        : "Wait a moment and try again. If it keeps happening, ask the BlueKing admin to raise the app's rate limit.",
  }),
  upstream_failure: () => ({
    title: 'BlueKing could not reach Monitor',
    explanation: 'The ESB or API gateway answered, but its call to the Monitor backend failed or timed out.',
    hint: 'Usually temporary: try again shortly. If it persists, the BlueKing admin can find the request ID in the ESB logs and check the Monitor service.',
  }),
  gateway: () => ({
    title: 'The BlueKing API gateway refused the call',
    explanation: 'The API gateway stopped the call before it reached Monitor.',
    hint: "Ask the gateway's owner, quoting the code and request ID; IP allow-lists and resource settings live in the gateway's configuration.",
  }),
  api_error: () => ({
    title: 'BlueKing returned an error',
    explanation: 'BlueKing answered with an error the bot has no specific advice for.',
    hint: 'See the code and message. The BlueKing admin can find the call in the ESB logs by its request ID.',
  }),
  http_error: (facts) => ({
    title: facts.httpStatus ? `BlueKing answered HTTP ${facts.httpStatus}` : 'BlueKing answered with an HTTP error',
    explanation: HTTP_EXPLANATION[facts.httpFailure],
    hint: HTTP_HINT[facts.httpFailure],
  }),
  html_page: () => ({
    title: 'BlueKing answered with a web page',
    explanation: 'A web page came back where JSON data was expected: usually a login, proxy or firewall page.',
    hint: 'Check that BK_API_BASE_URL points at the ESB / API host (e.g. https://paas.example.com) and that no single sign-on proxy sits in front of it.',
  }),
  not_json: () => ({
    title: "BlueKing's answer could not be read",
    explanation: 'The answer was neither JSON nor a web page.',
    hint: 'Check BK_API_BASE_URL and BK_EVENT_LOG_PATH; something other than BlueKing may be answering.',
  }),
  bad_shape: () => ({
    title: "BlueKing's answer had an unexpected shape",
    explanation: 'The answer was JSON, but not an event log with a list of records.',
    hint: 'Check that BK_EVENT_LOG_PATH points at monitor_v3 get_event_log.',
  }),
  body_too_large: () => ({
    title: "BlueKing's answer was too large",
    explanation: 'The answer was bigger than the bot accepts (BK_MAX_BODY_BYTES), so it was not read.',
    hint: 'If this event really has that many records, raise BK_MAX_BODY_BYTES.',
  }),
  timeout: () => ({
    title: 'BlueKing did not answer in time',
    explanation: 'No complete answer arrived within the time limit.',
    hint: 'Try again. If BlueKing is often this slow, raise BK_TIMEOUT_MS.',
  }),
  connection_refused: () => ({
    title: 'Could not connect to BlueKing',
    explanation: 'The connection was refused: nothing is listening at that host and port.',
    hint: 'Check the host and port in BK_API_BASE_URL, and that the ESB is running.',
  }),
  unknown_host: () => ({
    title: "BlueKing's host name was not found",
    explanation: 'DNS could not resolve the host name in BK_API_BASE_URL.',
    hint: "Check the host name in BK_API_BASE_URL and the bot's DNS settings.",
  }),
  connection_reset: () => ({
    title: 'The connection to BlueKing was cut',
    explanation: 'BlueKing or something in between closed the connection before the answer was complete.',
    hint: 'Usually temporary: try again. If it repeats, a proxy or load balancer may be dropping connections.',
  }),
  network: (facts) =>
    facts.tls
      ? {
          title: 'Could not reach BlueKing securely',
          explanation: "The TLS connection failed: BlueKing's certificate was not accepted.",
          hint: 'Check the certificate of the host in BK_API_BASE_URL. If an internal CA signed it, give Node that CA with NODE_EXTRA_CA_CERTS.',
        }
      : {
          title: 'Could not reach BlueKing',
          explanation: 'A network error stopped the call.',
          hint: 'Check BK_API_BASE_URL and the network between the bot and BlueKing (proxy, firewall).',
        },
  cancelled: () => ({
    title: 'The lookup was cancelled',
    explanation: 'It was stopped before BlueKing answered.',
    hint: null,
  }),
  internal: () => ({
    title: 'The bot hit an internal error',
    explanation: 'Something went wrong inside the bot itself, not in BlueKing. It has been logged.',
    hint: 'Try again; if it repeats, report it to whoever runs the bot with the event ID and the time.',
  }),
} satisfies BkErrorMessages;
