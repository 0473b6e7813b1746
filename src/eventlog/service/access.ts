import type { AccessConfig } from '../../config';

/** Where a request came from, as Slack tells us. */
export interface Requester {
  teamId: string | null;
  channelId: string | null;
  userId: string;
}

export type AccessDenial = 'team' | 'channel' | 'user';

/** Which allowlist refuses this requester, or null when all allow it. Empty lists allow everyone. */
export function checkAccess(access: AccessConfig, who: Requester): AccessDenial | null {
  if (access.teamIds.size > 0 && (!who.teamId || !access.teamIds.has(who.teamId))) return 'team';
  if (access.channelIds.size > 0 && (!who.channelId || !access.channelIds.has(who.channelId))) return 'channel';
  if (access.userIds.size > 0 && !access.userIds.has(who.userId)) return 'user';
  return null;
}
