import { verifySlackRequest } from '@slack/bolt';
import { verifySlackSignature, type SignedRequest } from '../../src/slack/slack-signature';
import { slackSignatureHeaders } from '../helpers/slack-signature';

const SECRET = 'test-signing-secret';
const NOW_MS = 1_714_957_200_123;
const NOW_SEC = Math.floor(NOW_MS / 1000);
const BODY = 'command=%2Feventlog&text=5310&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1';

/** A request signed the way Slack signs it, at `timestampSec`, with fields replaced by `edit`. */
function signed(timestampSec = NOW_SEC, edit: Partial<SignedRequest> = {}, secret = SECRET): SignedRequest {
  const headers = slackSignatureHeaders(secret, BODY, timestampSec);
  return { body: BODY, signature: headers['x-slack-signature'], timestamp: headers['x-slack-request-timestamp'], ...edit };
}

/** Bolt 5.1's own check, which this one replaces: true when it accepts. */
function boltAccepts(request: SignedRequest): boolean {
  try {
    verifySlackRequest({
      signingSecret: SECRET,
      body: request.body,
      headers: { 'x-slack-signature': request.signature ?? (undefined as unknown as string), 'x-slack-request-timestamp': Number(request.timestamp ?? undefined) },
      nowMilliseconds: NOW_MS,
    });
    return true;
  } catch {
    return false;
  }
}

describe('verifySlackSignature', () => {
  it("accepts Slack's signature of the body", () => {
    expect(verifySlackSignature(SECRET, signed(), NOW_MS)).toBe('valid');
    expect(verifySlackSignature(SECRET, signed(NOW_SEC - 299), NOW_MS)).toBe('valid');
  });

  it('says why it refuses one', () => {
    expect(verifySlackSignature(SECRET, signed(NOW_SEC, { signature: null }), NOW_MS)).toBe('no_signature');
    expect(verifySlackSignature(SECRET, signed(NOW_SEC, { timestamp: null }), NOW_MS)).toBe('no_signature');
    expect(verifySlackSignature(SECRET, signed(NOW_SEC, { timestamp: 'soon' }), NOW_MS)).toBe('bad_timestamp');
    expect(verifySlackSignature(SECRET, signed(NOW_SEC - 301), NOW_MS)).toBe('stale_timestamp');
    expect(verifySlackSignature(SECRET, signed(NOW_SEC, {}, 'another-secret'), NOW_MS)).toBe('signature_mismatch');
    expect(verifySlackSignature(SECRET, signed(NOW_SEC, { body: `${BODY}&x=1` }), NOW_MS)).toBe('signature_mismatch');
    expect(verifySlackSignature(SECRET, signed(NOW_SEC, { signature: signed().signature?.replace('v0=', 'v1=') }), NOW_MS)).toBe('unknown_signature_version');
    expect(verifySlackSignature(SECRET, signed(NOW_SEC, { signature: 'v0=' }), NOW_MS)).toBe('signature_mismatch');
    expect(verifySlackSignature(SECRET, signed(NOW_SEC, { signature: 'v0' }), NOW_MS)).toBe('signature_mismatch');
  });

  it("accepts exactly what Bolt 5.1 accepts (it is Bolt's check, done once)", () => {
    const good = signed();
    const cases: SignedRequest[] = [
      good,
      signed(NOW_SEC - 300),
      signed(NOW_SEC - 301),
      signed(NOW_SEC + 10 * 60),
      signed(NOW_SEC, {}, 'another-secret'),
      { ...good, body: '' },
      { ...good, timestamp: `0${good.timestamp}` },
      { ...good, timestamp: ` ${good.timestamp} ` },
      { ...good, timestamp: '' },
      { ...good, signature: `${good.signature}=tail` },
      { ...good, signature: good.signature?.toUpperCase() ?? null },
      { ...good, signature: good.signature?.slice(0, -1) ?? null },
      { ...good, signature: '' },
    ];
    for (const request of cases) {
      expect({ request, valid: verifySlackSignature(SECRET, request, NOW_MS) === 'valid' }).toEqual({ request, valid: boltAccepts(request) });
    }
  });
});
