/**
 * A text field of a Slack request read defensively. Slack sends `text` once,
 * as a string; a crafted request can leave it out or send it twice (the form
 * parser then yields an array). Missing reads as empty (→ usage help);
 * repeated values are read together, so two IDs get "one ID at a time".
 */
export function formText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((part): part is string => typeof part === 'string').join(' ');
  return '';
}
