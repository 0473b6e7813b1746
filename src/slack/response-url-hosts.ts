/**
 * Which response_url a reply may be POSTed to. Slack's are always on its
 * hooks host (https://hooks.slack.com/commands/…, and GovSlack's
 * https://hooks.slack-gov.com/…); a signed request naming any other URL was
 * crafted, and answering it would send a full event log wherever it points.
 * With SLACK_API_URL set (GovSlack, a test stand-in), that host is Slack too.
 */

export const SLACK_HOOK_HOSTS: readonly string[] = ['hooks.slack.com', 'hooks.slack-gov.com'];

/** A check for response URLs, given SLACK_API_URL (null = Slack's default). */
export function responseUrlAllowed(slackApiUrl: string | null): (responseUrl: string) => boolean {
  const api = slackApiUrl === null ? null : new URL(slackApiUrl);
  return (responseUrl) => {
    if (!URL.canParse(responseUrl)) return false;
    const url = new URL(responseUrl);
    if (url.username !== '' || url.password !== '') return false;
    if (url.protocol === 'https:' && SLACK_HOOK_HOSTS.includes(url.hostname)) return true;
    return api !== null && url.protocol === api.protocol && url.hostname === api.hostname;
  };
}
