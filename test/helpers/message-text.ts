/**
 * Reading what a Slack message says, for assertions: the top-level text and
 * every text in its blocks (sections, fields, context elements, headers,
 * buttons), joined by newlines. Works on any parsed JSON payload.
 */
export function messageText(payload: unknown): string {
  const out: string[] = [];
  collectText(payload, out);
  return out.join('\n');
}

function collectText(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectText(item, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, field] of Object.entries(value)) {
    if (key === 'text' && typeof field === 'string') out.push(field);
    else collectText(field, out);
  }
}

/** Log lines (parsed) whose `msg` is `what`. */
export function logLines(logs: ReadonlyArray<Record<string, unknown>>, what: string): Array<Record<string, unknown>> {
  return logs.filter((line) => line.msg === what);
}
