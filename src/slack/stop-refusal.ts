import type { AccessConfig } from '../config';
import { checkAccess, type AccessDenial, type Requester } from '../eventlog/service/access';
import type { WatchRecord } from '../watch/watch-record';

/** Why a Stop click is refused: the allowlists, or a click from outside the watch's channel or workspace. */
export type StopRefusal = { kind: 'access'; denied: AccessDenial } | { kind: 'elsewhere'; where: 'channel' | 'team' };

/**
 * Whether `who` may stop the watch under `key` (`<channel>/<id>`). A button's value can be replayed
 * from anywhere, so the click's own channel and team are checked, not just what the value says.
 */
export function stopRefusal(access: AccessConfig, who: Requester, key: string, watch: Pick<WatchRecord, 'teamId'> | null): StopRefusal | null {
  const denied = checkAccess(access, who);
  if (denied) return { kind: 'access', denied };
  if (who.channelId === null || key.slice(0, key.lastIndexOf('/')) !== who.channelId) return { kind: 'elsewhere', where: 'channel' };
  if (watch?.teamId && watch.teamId !== who.teamId) return { kind: 'elsewhere', where: 'team' };
  return null;
}
