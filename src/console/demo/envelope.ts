/**
 * The JSON envelopes BlueKing's ESB answers with, written as the raw bodies a
 * real deployment sends (docs/bk-monitor-api.md, "Response envelope").
 */

/** What the demo source hands to parseEventLogResponse, exactly as the HTTP client would. */
export interface DemoResponse {
  httpStatus: number;
  body: string;
}

/** A successful get_event_log answer: `code` 0 from the ESB in general, 200 from newer Monitor. */
export function successResponse(records: readonly unknown[], opts: { code: 0 | 200; requestId: string }): DemoResponse {
  return {
    httpStatus: 200,
    body: JSON.stringify({
      result: true,
      code: opts.code,
      message: opts.code === 200 ? 'OK' : '',
      data: records,
      request_id: opts.requestId,
    }),
  };
}

/** A failed answer; the ESB sends these with HTTP 200 as often as not. */
export function errorResponse(code: number, message: string, requestId: string | null = null): DemoResponse {
  const envelope: Record<string, unknown> = { result: false, code, message, data: null };
  if (requestId !== null) envelope.request_id = requestId;
  return { httpStatus: 200, body: JSON.stringify(envelope) };
}

/** What a new-generation Monitor answers for an alert ID it does not know. */
export function alertNotFoundResponse(id: string): DemoResponse {
  return errorResponse(3324002, `告警ID (${id}) 对应的告警信息不存在`);
}
