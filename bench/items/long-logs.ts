import type { BenchContext, ItemResult, Row } from '../bench-types';
import { verdict } from '../bench-types';
import { startEsbStandIn } from '../esb-stand-in';
import { helpAcksWhile } from '../help-acks';
import { monthLongEsbBody } from '../month-log';
import { percentile, round } from '../stats';
import type { Target } from '../target-process';

/**
 * Item 9 (issue 23): logs of any real length, in bounded memory, with the
 * bot's default settings. A zombie alert converging every minute for a month
 * (45,000 records) is looked up three times, one after the other, while
 * `/eventlog help` is sent every 50 ms; then a fresh bot answers a ~40 MB log
 * of the same kind once. Each answer must show the record count and put the
 * failed notifications before the timeline. Peak RSS is the bot process's
 * high-water mark (/proc VmHWM: every thread, from its start).
 */

const MONTH_RECORDS = 45_000;
const HUGE_BYTES = 40e6;
const MONTH_ROUNDS = 3;
const ANSWER_MAX_MS = 5_000;
const PEAK_RSS_MAX_MB = 400;
const HELP_ACK_P95_MAX_MS = 250;
const ANSWER_TIMEOUT_MS = 120_000;

interface LongAnswer {
  answerMs: number;
  /** The answer shows the record count and the failure callout above the timeline. */
  ok: boolean;
}

export async function measureLongLogs(ctx: BenchContext): Promise<ItemResult> {
  const month = monthLongEsbBody(MONTH_RECORDS);
  const monthBytes = Buffer.byteLength(month);
  const hugeRecords = Math.round((HUGE_BYTES / monthBytes) * MONTH_RECORDS);
  ctx.progress(`9. long logs: ${MONTH_RECORDS} records (${mb(monthBytes)} MB) ×${MONTH_ROUNDS}, then ${hugeRecords} records (~${mb(HUGE_BYTES)} MB)`);

  const monthRun = await onFreshBot(ctx, month, async (app) => {
    const answers: LongAnswer[] = [];
    const helpAcks: number[] = [];
    for (let i = 0; i < MONTH_ROUNDS; i++) {
      const round = await helpAcksWhile(ctx, app, longLookup(ctx, app, MONTH_RECORDS));
      answers.push(round.result);
      helpAcks.push(...round.helpAcks);
    }
    return { answers, helpAcks };
  });
  const hugeBody = monthLongEsbBody(hugeRecords);
  const hugeBytes = Buffer.byteLength(hugeBody);
  const hugeRun = await onFreshBot(ctx, hugeBody, async (app) => ({ answers: [await longLookup(ctx, app, hugeRecords)], helpAcks: [] }));

  const monthSlowest = round(Math.max(...monthRun.answers.map((a) => a.answerMs)));
  const monthOk = monthRun.answers.every((a) => a.ok);
  const helpP95 = round(percentile(monthRun.helpAcks, 95), 3);
  const hugeMs = round(hugeRun.answers[0].answerMs);
  const hugeOk = hugeRun.answers[0].ok;
  const monthPass = monthOk && monthSlowest <= ANSWER_MAX_MS && monthRun.peakMb <= PEAK_RSS_MAX_MB && helpP95 <= HELP_ACK_P95_MAX_MS;
  const hugePass = hugeOk && hugeRun.peakMb <= PEAK_RSS_MAX_MB;
  const rows: Row[] = [
    {
      item: '9 long logs',
      figure: `${MONTH_RECORDS} records (${mb(monthBytes)} MB): answer ms, each of ${MONTH_ROUNDS} (right answer)`,
      value: `${monthRun.answers.map((a) => round(a.answerMs)).join(', ')} (${monthOk ? 'yes' : 'NO'})`,
      target: `≤ ${ANSWER_MAX_MS} ms`,
      verdict: verdict(monthOk && monthSlowest <= ANSWER_MAX_MS),
    },
    { item: '', figure: '  peak RSS of the bot', value: `${monthRun.peakMb} MB`, target: `≤ ${PEAK_RSS_MAX_MB} MB`, verdict: verdict(monthRun.peakMb <= PEAK_RSS_MAX_MB) },
    {
      item: '',
      figure: '  help ack p95 / max meanwhile (ms)',
      value: `${helpP95} / ${round(Math.max(...monthRun.helpAcks), 3)} (${monthRun.helpAcks.length} acks)`,
      target: `p95 ≤ ${HELP_ACK_P95_MAX_MS} ms`,
      verdict: verdict(helpP95 <= HELP_ACK_P95_MAX_MS),
    },
    {
      item: '',
      figure: `${hugeRecords} records (${mb(hugeBytes)} MB): answer ms (right answer), peak RSS`,
      value: `${hugeMs} (${hugeOk ? 'yes' : 'NO'}), ${hugeRun.peakMb} MB`,
      target: `≤ ${PEAK_RSS_MAX_MB} MB`,
      verdict: verdict(hugePass),
    },
  ];
  return {
    key: 'long_logs',
    figures: {
      month_records: MONTH_RECORDS,
      month_bytes: monthBytes,
      month_answer_ms: monthRun.answers.map((a) => round(a.answerMs)),
      month_right_answer: monthOk,
      month_peak_rss_mb: monthRun.peakMb,
      help_ack_p95_ms: helpP95,
      help_acks: monthRun.helpAcks.length,
      huge_records: hugeRecords,
      huge_bytes: hugeBytes,
      huge_answer_ms: hugeMs,
      huge_right_answer: hugeOk,
      huge_peak_rss_mb: hugeRun.peakMb,
      pass: monthPass && hugePass,
    },
    rows,
  };
}

/** Run `work` on a bot of its own whose ESB answers every ID with `body`; its peak RSS after. */
async function onFreshBot<T>(ctx: BenchContext, body: string, work: (app: Target) => Promise<T>): Promise<T & { peakMb: number }> {
  const esb = await startEsbStandIn(body);
  const app = await ctx.start('app', { env: { BK_API_BASE_URL: esb.url } });
  try {
    const result = await work(app);
    return { ...result, peakMb: round(app.readPeakRss() / 1e6, 1) };
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}; bot said: ${app.output().slice(-500)}`);
  } finally {
    await app.stop();
    await esb.close();
  }
}

/** `/eventlog <id>` for a long log; the answer must count every record and show the failures before the timeline. */
async function longLookup(ctx: BenchContext, app: Target, records: number): Promise<LongAnswer> {
  const key = `long-${ctx.nextId()}`;
  const answer = ctx.responses.expect(key, ANSWER_TIMEOUT_MS);
  answer.catch(() => undefined);
  const started = performance.now();
  const ack = await ctx.client.send(app.url, ctx.nextId(), ctx.responses.urlFor(key));
  if (ack.status !== 200) throw new Error(`bot acked with HTTP ${ack.status}`);
  const { atMs, body } = await answer;
  // The first screen's verdict: "🚨 *N of M notices failed*", before the timeline's divider.
  const failures = body.indexOf('notices failed*');
  const timeline = body.indexOf('"type":"divider"');
  const ok = body.includes(`${records} records`) && failures >= 0 && (timeline < 0 || failures < timeline);
  return { answerMs: atMs - started, ok };
}

function mb(bytes: number): number {
  return round(bytes / 1e6, 1);
}
