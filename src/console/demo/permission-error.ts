import { errorResponse, type DemoResponse } from './envelope';

/**
 * Demo ID 9403: the ESB refuses the call because the app may not use the
 * component (code 1306403, sent with HTTP 200 like most ESB failures).
 * Shows how an upstream failure reads, with its code, request ID and hint.
 */
export const PERMISSION_ERROR_ID = '9403';

/** The ESB body for ID 9403. */
export function permissionErrorResponse(): DemoResponse {
  return errorResponse(
    1306403,
    'APP [bk_eventlog_bot] has no permission to access the component [MONITOR_V3.get_event_log], please apply for permission in the developer center',
    '6c8e0a2c4e6f8b0d2f4a6c8e0b2d4f61',
  );
}
