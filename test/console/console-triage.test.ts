import { parseConsoleLine } from '../../src/console/console-command';
import { createDemoSource } from '../../src/console/demo-data';
import { ACTIONS_REFUSED_ID } from '../../src/console/demo/actions-refused';
import { NEW_GENERATION_ALERT_ID } from '../../src/console/demo/new-generation-alert';
import type { EventLogSource } from '../../src/eventlog/model/source';
import { runConsoleLines, type ConsoleOptions } from '../helpers/console-run';

/** `ack <id>` and `shield <id> 3h` in the console: the Slack buttons' act on the demo alerts, with a stateful stand-in for BlueKing. */

const NOW = Date.parse('2024-08-01T12:00:00Z');

function deps(source: EventLogSource = createDemoSource('Asia/Shanghai')): ConsoleOptions {
  return { source, sourceLabel: 'built-in demo data', lang: 'en', timezone: 'Asia/Shanghai', monitorUrl: null, now: () => NOW, isTTY: false };
}

describe('console ack / shield', () => {
  it('reads the words: ack <id> [note], shield <id> <duration> [reason]', () => {
    expect(parseConsoleLine('ack 164239311052213 on it now')).toEqual({ kind: 'triage', ask: { act: 'ack', id: '164239311052213', note: 'on it now' } });
    expect(parseConsoleLine('shield 164239311052213 3h')).toEqual({
      kind: 'triage',
      ask: { act: 'shield', id: '164239311052213', minutes: 180, reason: 'change', otherText: '' },
    });
    expect(parseConsoleLine('shield 164239311052213 1d known')).toMatchObject({ ask: { minutes: 1440, reason: 'known' } });
    expect(parseConsoleLine('shield 164239311052213 7d db migration')).toMatchObject({ ask: { minutes: 10080, reason: 'other', otherText: 'db migration' } });
    expect(parseConsoleLine('shield 164239311052213 2h')).toEqual({ kind: 'triage', ask: null });
    expect(parseConsoleLine('ack nope')).toEqual({ kind: 'triage', ask: null });
  });

  it('acks an open demo alert once; a second ack is told who acked; the answer then says who acked instead of offering buttons', async () => {
    const out = await runConsoleLines([`ack ${ACTIONS_REFUSED_ID} on it`, `ack ${ACTIONS_REFUSED_ID}`], deps());
    expect(out).toContain(`Alert ${ACTIONS_REFUSED_ID} acknowledged by you (demo) in BlueKing.`);
    expect(out).toContain(`Alert ${ACTIONS_REFUSED_ID} was already acknowledged by demo. Nothing was changed.`);
    expect(out).toContain('Acknowledged by demo');
    // The stand-in writes the ACK record as BlueKing does, so the log itself says so.
    expect(out).toContain(`10.0.5.21 · Acknowledged`);
    expect(out).toContain('Acknowledged · by demo · “on it”');
    expect(out).not.toContain('[Acknowledge]');
  });

  it('shields an open demo alert for 3 h, saying until when and that same-dimension alerts are shielded too', async () => {
    const out = await runConsoleLines([`shield ${ACTIONS_REFUSED_ID} 3h`], deps());
    expect(out).toContain(`Alert ${ACTIONS_REFUSED_ID} shielded until 08-01 23:00.`);
    expect(out).toContain('New alerts of this strategy with the same dimensions are shielded too until then.');
    expect(out).toContain('Shielded · 3h 0m left');
  });

  it('says a recovered demo alert is no longer open, and a usage line for words that do not fit', async () => {
    const out = await runConsoleLines([`ack ${NEW_GENERATION_ALERT_ID}`, 'shield 5310 2h'], deps());
    expect(out).toMatch(/already acknowledged by zhangsan|no longer open/);
    expect(out).toContain('Type ack <id> [note], or shield <id>');
  });

  it('never acts on a real BlueKing from the console', async () => {
    const demo = createDemoSource('Asia/Shanghai');
    const notDemo: EventLogSource = { fetchEventLog: demo.fetchEventLog.bind(demo), triage: demo.triage };
    const out = await runConsoleLines([`ack ${ACTIONS_REFUSED_ID}`], deps(notDemo));
    expect(out).toContain('ack and shield act on the demo alerts only');
  });
});
