import { transportError } from '../../src/bk/transport-error';

const systemError = (code: string, message = 'request failed') => Object.assign(new Error(message), { type: 'system', code });

describe('transportError', () => {
  it.each([
    ['ECONNREFUSED', 'connection_refused'],
    ['ENOTFOUND', 'unknown_host'],
    ['EAI_AGAIN', 'unknown_host'],
    ['ECONNRESET', 'connection_reset'],
    ['EPIPE', 'connection_reset'],
    ['ERR_STREAM_PREMATURE_CLOSE', 'connection_reset'],
  ])('maps %s to %s', (code, kind) => {
    expect(transportError(systemError(code), null).kind).toBe(kind);
  });

  it('lets our own stop reason win over what the aborted fetch reports', () => {
    const abort = Object.assign(new Error('The user aborted a request.'), { type: 'aborted', name: 'AbortError' });
    expect(transportError(abort, 'timeout').kind).toBe('timeout');
    expect(transportError(abort, 'cancelled').kind).toBe('cancelled');
  });

  it("maps node-fetch's max-size error to body_too_large with what the headers said", () => {
    const err = transportError(Object.assign(new Error('content size over limit'), { type: 'max-size' }), null, { httpStatus: 200, requestId: 'r1' });
    expect([err.kind, err.httpStatus, err.requestId]).toEqual(['body_too_large', 200, 'r1']);
  });

  it('reads "socket hang up" as a reset and keeps the code of anything else', () => {
    expect(transportError(new Error('socket hang up'), null).kind).toBe('connection_reset');
    const tls = transportError(systemError('CERT_HAS_EXPIRED', 'request to https://paas.example.com/?bk_app_secret=x failed'), null);
    expect([tls.kind, tls.code, tls.upstreamMessage]).toEqual(['network', 'CERT_HAS_EXPIRED', null]);
    expect(tls.message).toBe('BlueKing network code=CERT_HAS_EXPIRED');
  });

  it('reads a non-error throw as a network error without a code', () => {
    expect([transportError('boom', null).kind, transportError('boom', null).code]).toEqual(['network', null]);
  });
});
