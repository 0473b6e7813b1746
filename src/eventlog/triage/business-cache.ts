import { z } from 'zod';
import type { Store } from '../../store/store';

/**
 * The businesses where a user holds view_event_v2 (business_list_by_actions),
 * kept a few minutes per user in the store (shared by every replica on Redis):
 * an IAM grant or revocation shows within that time, and a burst of clicks asks IAM once.
 * A store that cannot answer costs a call to BlueKing, never the answer.
 */

export const BUSINESS_CACHE_MS = 5 * 60_000;

const cachedList = z.array(z.number().int());

export function createBusinessCache(store: Store, ask: (bkUser: string) => Promise<number[]>): (bkUser: string) => Promise<number[]> {
  return async (bkUser) => {
    const key = `triage:biz:${encodeURIComponent(bkUser)}`;
    const held = await store.get(key).catch(() => null);
    const parsed = held === null ? null : cachedList.safeParse(safeJson(held));
    if (parsed?.success) return parsed.data;
    const list = await ask(bkUser);
    await store.set(key, JSON.stringify(list), BUSINESS_CACHE_MS).catch(() => undefined);
    return list;
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
