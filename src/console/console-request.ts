import type { LookupRequest } from '../eventlog/service/service';

/** Who the console's one person is to the service: no workspace, no channel, and always a fresh answer (as Refresh). */
export const CONSOLE_USER = 'U0CONSOLE';

export function consoleLookupRequest(id: string, origin: LookupRequest['origin'] = 'person'): LookupRequest {
  return { id, bypassCache: true, teamId: null, channelId: null, userId: CONSOLE_USER, origin };
}
