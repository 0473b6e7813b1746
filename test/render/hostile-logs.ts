import type { EventLog, LogEntry } from '../../src/eventlog/model/record';
import { makeLog, notice, rec, shanghai, unreadable } from '../eventlog/summary/summarize-fixtures';

/** Untrusted text at its worst: pings, disguised links, entities, markup, CJK, emoji, control and bidi characters. */
export const HOSTILE_SNIPPETS = [
  '<!channel>',
  '<!here>',
  '<@U123>',
  '<https://evil.example|click>',
  '&lt;',
  '```',
  '*_~`',
  '告警🔥😀👨‍👩‍👧',
  '\n\r\t\u0000\u202e\u200b',
  '&&&&<<<<>>>>',
];

/** A ~`length`-character hostile string built from the snippets. */
export function hostileText(length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i += 1) out += HOSTILE_SNIPPETS[i % HOSTILE_SNIPPETS.length];
  return out;
}

const OPERATES = ['CREATE', 'CONVERGE', 'ANOMALY_NOTICE', 'ACK', 'RECOVERY_NOTICE', 'ACTION', 'SEVERITY_UP', 'WEIRD_<!here>_OP', 'RECOVERING', 'ABORT_RECOVER'];
const STATUSES = ['SUCCESS', 'FAILED', 'PARTIAL_SUCCESS', 'SHIELDED', 'RUNNING', '', 'ODD&<status>'];

/**
 * `count` records (one in 17 unreadable, one in 13 with an unreadable time)
 * whose every string is `textLength` characters of hostile text.
 */
export function hostileLog(count: number, textLength: number): EventLog {
  const text = hostileText(textLength);
  const start = shanghai('2020-01-01', '23:00:00');
  const entries: LogEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (i % 17 === 16) {
      entries.push(unreadable(`operate: ${text}`));
      continue;
    }
    const operate = OPERATES[i % OPERATES.length] ?? 'CREATE';
    const timeMs = i % 13 === 12 ? null : start + i * 61_000;
    entries.push(
      rec({
        operate,
        status: STATUSES[i % STATUSES.length] ?? 'SUCCESS',
        eventId: text,
        message: text,
        timeMs,
        rawTime: timeMs === null ? text : '2020-01-01 23:00:00',
        ackNote: operate === 'ACK' ? text : null,
        converge:
          operate === 'CONVERGE'
            ? { anomalyCount: i, dataWindow: { minMs: start, maxMs: start + i * 60_000 }, processWindow: { minMs: start, maxMs: start + i * 61_000 } }
            : null,
        notice: notice({
          groups: [1, 2, 3, 4, 5].map(() => ({ name: text, receivers: [text, text], ways: [text, 'weixin', 'mail'] })),
          emptyReceiver: i % 3 === 0,
          shield: { type: text, detail: `${text}${i}` },
        }),
      }),
    );
  }
  return makeLog('164239028644167', entries, 'unknown', text);
}
