/**
 * Environment names that look like this bot's settings but are not one
 * (SLACK_BOT_TOKN, BK_APPCODE): a typo would otherwise be silently ignored and
 * the bot run without the setting. Names only, never values. Pure.
 */

/** Prefixes of our own settings: any other name under them is a mistake worth a word. */
const OUR_PREFIXES = ['SLACK_', 'BK_', 'WATCH_', 'REDIS_', 'BOT_', 'ALLOWED_', 'USER_RATE_', 'METRICS_'];
/** A name this close to one of ours (edits), and this long, is taken for a typo of it. */
const MAX_EDITS = 2;
const MIN_LENGTH = 6;

export interface UnknownSetting {
  name: string;
  /** The setting it most likely meant, when one is close. */
  didYouMean: string | null;
}

export function unknownSettings(env: NodeJS.ProcessEnv, known: readonly string[]): UnknownSetting[] {
  const ours = new Set(known);
  const found: UnknownSetting[] = [];
  for (const name of Object.keys(env).sort()) {
    if (ours.has(name)) continue;
    const closest = nearest(name, known);
    const looksOurs = OUR_PREFIXES.some((prefix) => name.startsWith(prefix));
    if (looksOurs || closest !== null) found.push({ name, didYouMean: closest });
  }
  return found;
}

function nearest(name: string, known: readonly string[]): string | null {
  if (name.length < MIN_LENGTH) return null;
  let best: string | null = null;
  let bestEdits = MAX_EDITS + 1;
  for (const candidate of known) {
    const edits = editDistance(name, candidate, bestEdits);
    if (edits < bestEdits) {
      best = candidate;
      bestEdits = edits;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once it cannot be below `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return Math.min(previous[b.length] ?? cap, cap);
}
