import { isEventId } from '../eventlog/model/event-id';

/** What a "pick this ID" button carries: the ID and the thread to answer in. */
export interface PickValue {
  id: string;
  threadTs: string;
}

const TS_PATTERN = /^\d{6,12}\.\d{1,8}$/;

export function encodePickValue(value: PickValue): string {
  return `${value.id}@${value.threadTs}`;
}

/** Button values come back through Slack: parse strictly, null when not ours. */
export function decodePickValue(raw: string): PickValue | null {
  const [id, threadTs, extra] = raw.split('@');
  if (extra !== undefined || !id || !threadTs || !isEventId(id) || !TS_PATTERN.test(threadTs)) return null;
  return { id, threadTs };
}
