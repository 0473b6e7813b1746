/**
 * Which response_url a reply may be POSTed to. Slack's are always on its
 * hooks host (https://hooks.slack.com/commands/…, and GovSlack's
 * https://hooks.slack-gov.com/…); a signed request naming any other URL was
 * crafted, and answering it would send a full event log wherever it points.
 * With SLACK_API_URL set (GovSlack, a proxy), its scheme, host and port are Slack too; only a
 * loopback SLACK_API_URL (a stand-in on this machine, as in tests) takes its host on any port.
 */

export const SLACK_HOOK_HOSTS: readonly string[] = ['hooks.slack.com', 'hooks.slack-gov.com'];
const LOOPBACK: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A check for response URLs, given SLACK_API_URL (null = Slack's default). */
export function responseUrlAllowed(slackApiUrl: string | null): (responseUrl: string) => boolean {
  const api = slackApiUrl === null ? null : new URL(slackApiUrl);
  return (responseUrl) => {
    if (!URL.canParse(responseUrl)) return false;
    const url = new URL(responseUrl);
    if (url.username !== '' || url.password !== '') return false;
    // Port compared too: another port on Slack's (or the proxy's) host is another service.
    if (url.protocol === 'https:' && url.port === '' && SLACK_HOOK_HOSTS.includes(url.hostname)) return true;
    if (api === null || url.protocol !== api.protocol || url.hostname !== api.hostname) return false;
    return url.port === api.port || LOOPBACK.has(api.hostname);
  };
}
