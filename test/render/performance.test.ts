import { summarize } from '../../src/eventlog/summary/summarize';
import { renderEventLog } from '../../src/render/event-log-message';
import { hostileLog } from './hostile-logs';

/**
 * A sanity measure, not a timing assertion: summarizing and rendering grows
 * linearly with the log. The work is counted, not timed: every timeline
 * entry's sort key is read a bounded number of times, so 10,000 records cost
 * ~10× what 1,000 do (an O(n²) step would cost ~100×).
 */
describe('summarize + render at 10,000 records', () => {
  it('touches each record a bounded number of times', () => {
    const reads = (count: number): number => {
      const log = hostileLog(count, 50);
      let touched = 0;
      const counted = {
        ...log,
        entries: log.entries.map((entry) =>
          new Proxy(entry, {
            get(target, key, receiver) {
              touched += 1;
              return Reflect.get(target, key, receiver);
            },
          }),
        ),
      };
      const summary = summarize(counted, 0);
      renderEventLog(summary, { lang: 'en', timezone: 'UTC', monitorUrl: null, variant: 'full', page: 0, withActions: true, sharedBy: null });
      return touched;
    };
    const small = reads(1_000);
    const large = reads(10_000);
    // n log n from the sort is allowed for; quadratic work would be ~100×.
    expect(large / small).toBeLessThan(20);
  });

  it('finishes 10,000 records (the log is printed for a human to read, not asserted)', () => {
    const log = hostileLog(10_000, 200);
    const started = process.hrtime.bigint();
    const summary = summarize(log, 0);
    const message = renderEventLog(summary, { lang: 'en', timezone: 'UTC', monitorUrl: null, variant: 'full', page: 0, withActions: true, sharedBy: null });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(summary.recordCount).toBe(10_000);
    expect(message.blocks.length).toBeGreaterThan(0);
    process.stdout.write(`summarize + render of 10,000 records: ${ms.toFixed(1)} ms\n`);
  });
});
