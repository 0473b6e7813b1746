import { isValidSlackRequest } from '@slack/bolt';
import { slackSignatureHeaders } from '../helpers/slack-signature';

describe('signing bench commands as Slack does', () => {
  const body = 'command=%2Feventlog&text=100001';
  const nowSec = 1_714_957_200;

  it('produces headers Bolt’s own verifier accepts', () => {
    const headers = slackSignatureHeaders('bench-secret', body, nowSec);
    expect(
      isValidSlackRequest({
        signingSecret: 'bench-secret',
        body,
        headers: { 'x-slack-signature': headers['x-slack-signature'], 'x-slack-request-timestamp': nowSec },
        nowMilliseconds: nowSec * 1000,
      }),
    ).toBe(true);
  });

  it('produces a signature another secret does not verify', () => {
    const headers = slackSignatureHeaders('bench-secret', body, nowSec);
    expect(headers['x-slack-request-timestamp']).toBe(String(nowSec));
    expect(headers['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(
      isValidSlackRequest({
        signingSecret: 'other-secret',
        body,
        headers: { 'x-slack-signature': headers['x-slack-signature'], 'x-slack-request-timestamp': nowSec },
        nowMilliseconds: nowSec * 1000,
      }),
    ).toBe(false);
  });
});
