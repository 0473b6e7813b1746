import { LookupError } from '../../src/eventlog/model/lookup-error';
import { redactSecrets } from '../../src/bk/redact-error';

describe('redactSecrets', () => {
  it('masks the secret, raw and URL-encoded, in every text field and keeps the rest', () => {
    const secret = 'a/b+c';
    const err = new LookupError({ kind: 'app_credentials', code: '1306000', upstreamMessage: `bad a/b+c or a%2Fb%2Bc`, requestId: 'r1', httpStatus: 200, retryAfterSec: 3 });
    const masked = redactSecrets(err, [secret]);
    expect([masked.kind, masked.code, masked.upstreamMessage, masked.requestId, masked.httpStatus, masked.retryAfterSec]).toEqual([
      'app_credentials',
      '1306000',
      'bad [redacted] or [redacted]',
      'r1',
      200,
      3,
    ]);
    expect(masked).toBeInstanceOf(LookupError);
  });

  it('returns the same error when there is nothing to mask, and ignores empty secrets', () => {
    const err = new LookupError({ kind: 'timeout' });
    expect(redactSecrets(err, ['x', ''])).toBe(err);
  });
});
