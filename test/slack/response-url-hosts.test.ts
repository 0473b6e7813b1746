import { responseUrlAllowed } from '../../src/slack/response-url-hosts';

describe('responseUrlAllowed', () => {
  const slack = responseUrlAllowed(null);

  it("takes Slack's and GovSlack's hooks hosts over https", () => {
    expect(slack('https://hooks.slack.com/commands/T0001/123/abc')).toBe(true);
    expect(slack('https://hooks.slack.com/actions/T0001/123/abc')).toBe(true);
    expect(slack('https://hooks.slack-gov.com/commands/T0001/123/abc')).toBe(true);
  });

  it('refuses every other host, plain http, a user part and lookalikes', () => {
    for (const url of [
      'http://hooks.slack.com/commands/1',
      'https://hooks.slack.com.evil.example/commands/1',
      'https://evil.example/?https://hooks.slack.com/',
      'https://hooks.slack.com@evil.example/commands/1',
      'https://user:pw@hooks.slack.com/commands/1',
      'https://slack.com/api/chat.postMessage',
      'hooks.slack.com/commands/1',
      'https://hooks.slack.com:8443/commands/1',
      'https://hooks.slack-gov.com:6379/commands/1',
      '',
    ]) {
      expect([url, slack(url)]).toEqual([url, false]);
    }
  });

  it("also takes SLACK_API_URL's scheme, host and port (a proxy), and no other port of that host", () => {
    const proxy = responseUrlAllowed('https://slack-proxy.internal/api/');
    expect(proxy('https://slack-proxy.internal/commands/1')).toBe(true);
    expect(proxy('https://slack-proxy.internal:443/commands/1')).toBe(true);
    expect(proxy('https://slack-proxy.internal:6379/commands/1')).toBe(false);
    const withPort = responseUrlAllowed('https://slack-proxy.internal:8443/api/');
    expect(withPort('https://slack-proxy.internal:8443/commands/1')).toBe(true);
    expect(withPort('https://slack-proxy.internal/commands/1')).toBe(false);
  });

  it("takes a loopback SLACK_API_URL's host on any port (a stand-in on this machine, as in tests)", () => {
    const local = responseUrlAllowed('http://127.0.0.1:4000/api/');
    expect(local('http://127.0.0.1:5000/commands/1')).toBe(true);
    expect(local('http://localhost:5000/commands/1')).toBe(false);
    expect(local('https://hooks.slack.com/commands/1')).toBe(true);
  });
});
