import { performance } from 'node:perf_hooks';
import { parseEventLogResponse } from '../../src/bk/envelope';
import type { EventLog } from '../../src/eventlog/model/record';
import { summarize } from '../../src/eventlog/summary/summarize';
import { renderEventLog } from '../../src/render/event-log-message';
import type { RenderOptions } from '../../src/render/types';
import { BENCH_ZONE, benchEsbBody } from '../bench-log';
import type { BenchContext, ItemResult, Row } from '../bench-types';
import { verdict } from '../bench-types';
import { median, round } from '../stats';

/**
 * Item 4: the pure work per answer, in this process: summarize + render of
 * logs of 10 to 10,000 records (median time per call), and how that time
 * grows with each tenfold step. Parsing the ESB body is timed too, for the
 * record, without a target.
 */

export const RENDER_SIZES = [10, 100, 1_000, 10_000] as const;
export const RENDER_10K_MAX_MS = 20;
/** A tenfold log may cost at most this much more: 10× for linear, plus n·log n's share (log 10⁴ / log 10³). */
export const GROWTH_MAX_FACTOR = round((10 * Math.log(10_000)) / Math.log(1_000), 1);

const NOW_MS = Date.UTC(2024, 4, 6, 6, 0, 0);
const OPTIONS: RenderOptions = {
  lang: 'en',
  timezone: BENCH_ZONE,
  monitorUrl: 'https://bk.example.com/o/bk_monitorv3',
  variant: 'full',
  page: 0,
  withActions: true,
  sharedBy: null,
};
const NO_HEADERS = { get: (): null => null };
/** Each timed sample runs enough calls to last about this long, so the timer's resolution does not matter. */
const SAMPLE_RECORDS = 4_000;
const SAMPLES = 25;

// A type alias, not an interface, so it fits Figure's index signature.
type SizeResult = {
  records: number;
  render_ms: number;
  parse_ms: number;
};

/** Measure item 4. */
export function measureRenderCost(ctx: BenchContext): ItemResult {
  ctx.progress(`4. rendering cost: summarize + render of ${RENDER_SIZES.join(', ')} records`);
  const sizes = RENDER_SIZES.map(measureSize);
  const growth = sizes.slice(1).map((size, i) => round(size.render_ms / sizes[i].render_ms, 2));
  const largest = sizes[sizes.length - 1];
  const fastPass = largest.render_ms < RENDER_10K_MAX_MS;
  const linearPass = growth.every((g) => g <= GROWTH_MAX_FACTOR);
  const rows: Row[] = sizes.map((size, i) => ({
    item: i === 0 ? '4 render cost' : '',
    figure: `${size.records.toLocaleString('en-US')} records: summarize+render (parse)`,
    value: `${size.render_ms} ms (${size.parse_ms} ms)` + (i > 0 ? `, ×${growth[i - 1]}` : ''),
    target: size === largest ? `< ${RENDER_10K_MAX_MS} ms` : '',
    verdict: size === largest ? verdict(fastPass) : '',
  }));
  rows.push({ item: '', figure: 'growth per tenfold size', value: growth.map((g) => `×${g}`).join(', '), target: `each ≤ ×${GROWTH_MAX_FACTOR} (linear)`, verdict: verdict(linearPass) });
  return {
    key: 'render_cost',
    figures: { sizes, growth_factors: growth, target_10k_max_ms: RENDER_10K_MAX_MS, target_max_growth: GROWTH_MAX_FACTOR, pass: fastPass && linearPass },
    rows,
  };
}

function measureSize(records: number): SizeResult {
  const body = benchEsbBody(records);
  const parse = (): EventLog => parseEventLogResponse({ id: '1001', httpStatus: 200, headers: NO_HEADERS, body, zone: BENCH_ZONE });
  const log = parse();
  if (log.entries.length !== records) throw new Error(`bench log of ${records} parsed to ${log.entries.length} entries`);
  const render = (): unknown => renderEventLog(summarize(log, NOW_MS), OPTIONS);
  return { records, render_ms: round(timePerCall(render, records), 4), parse_ms: round(timePerCall(parse, records, 9), 4) };
}

/** Median time of one call, from `samples` timed batches after a warm-up. */
function timePerCall(run: () => unknown, records: number, samples = SAMPLES): number {
  const batch = Math.max(1, Math.round(SAMPLE_RECORDS / records));
  for (let i = 0; i < batch * 3; i++) run();
  const perCall: number[] = [];
  for (let s = 0; s < samples; s++) {
    const started = performance.now();
    for (let i = 0; i < batch; i++) run();
    perCall.push((performance.now() - started) / batch);
  }
  return median(perCall);
}
