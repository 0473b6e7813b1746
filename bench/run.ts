import { performance } from 'node:perf_hooks';
import { benchEsbBody } from './bench-log';
import type { BenchContext, ItemResult } from './bench-types';
import { createCommandClient } from './command-client';
import { startEsbStandIn } from './esb-stand-in';
import { measureAckLatency } from './items/ack-latency';
import { measureBigLogs } from './items/big-logs';
import { measureCoalescing } from './items/coalescing';
import { measureLongLogs } from './items/long-logs';
import { measureMemory } from './items/memory';
import { measureOverhead } from './items/overhead';
import { measureRenderCost } from './items/render-cost';
import { measureSharedStore } from './items/shared-store';
import { measureThroughput } from './items/throughput';
import { measureWatches } from './items/watches';
import { describeMachine } from './machine';
import { formatMarkdown, formatTable, jsonLine } from './report';
import { startResponseStandIn } from './response-stand-in';
import { readRunOptions, type RunOptions } from './run-options';
import { startSlackApiStandIn } from './slack-api-stand-in';
import { startTarget, type Target, type TargetKind } from './target-process';

/**
 * `npm run bench`: the bot against its Bolt floors, over loopback. This
 * process is the load generator and plays the ESB, response_url and Slack
 * API; the bot (dist/main.js) and each floor run in child processes. Prints
 * a table, then one JSON line with every figure. Options: see run-options.ts.
 */

const SIGNING_SECRET = 'bench-signing-secret-3c9e1f';
const RECORDS_PER_ANSWER = 50;
const ITEM_ORDER = ['ack_latency', 'throughput', 'overhead', 'render_cost', 'coalescing', 'memory', 'shared_store', 'big_logs', 'long_logs', 'watches'];

async function main(options: RunOptions): Promise<void> {
  const started = performance.now();
  const machine = describeMachine();
  const esb = await startEsbStandIn(benchEsbBody(RECORDS_PER_ANSWER));
  const responses = await startResponseStandIn();
  const slackApi = await startSlackApiStandIn();
  const client = createCommandClient(SIGNING_SECRET);
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: 'xoxb-bench-bot-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApi.url,
    BK_API_BASE_URL: esb.url,
    BK_APP_CODE: 'eventlog-bench',
    BK_APP_SECRET: 'bench-app-secret-5b7d',
    BK_USERNAME: 'oncall-bot',
    LOG_LEVEL: 'error',
    // Cache off and no per-user limit: every command is a real lookup; distinct IDs keep coalescing out.
    BK_CACHE_TTL_MS: '0',
    USER_RATE_LIMIT_PER_MIN: '0',
    BK_MAX_IN_FLIGHT: '1000',
  };
  let ids = 100_000;
  const ctx: BenchContext = {
    esb,
    responses,
    client,
    start: (kind, extra = {}) =>
      startTarget(kind, {
        env: { ...env, ...extra.env },
        nodeFlags: kind === 'app' && options.appNodeOptions ? options.appNodeOptions.split(/\s+/) : [],
        cpuProfDir: options.cpuProfDir,
        collectableGarbage: extra.collectableGarbage,
      }),
    nextId: () => String(ids++),
    progress: (line) => process.stderr.write(`${line}\n`),
  };
  ctx.progress(`bench on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);

  // The children shared by items 1–3 and 5, started on first use.
  const shared = new Map<TargetKind, Target>();
  const target = async (kind: TargetKind): Promise<Target> => {
    const running = shared.get(kind) ?? (await ctx.start(kind));
    shared.set(kind, running);
    return running;
  };
  const stop = async (kind: TargetKind): Promise<void> => {
    await shared.get(kind)?.stop();
    shared.delete(kind);
  };

  const results: ItemResult[] = [];
  const has = (item: number): boolean => options.items.has(item);
  try {
    // The in-process item first, while no child is busy.
    if (has(4)) results.push(measureRenderCost(ctx));
    if (has(1)) results.push(await measureAckLatency(ctx, await target('app'), await target('ack-only')));
    await stop('ack-only');
    if (has(2)) results.push(await measureThroughput(ctx, await target('app'), await target('relay')));
    if (has(3)) results.push(await measureOverhead(ctx, await target('app'), await target('relay')));
    await stop('relay');
    if (has(5)) results.push(await measureCoalescing(ctx, await target('app')));
    await stop('app');
    if (has(6)) results.push(await measureMemory(ctx));
    if (has(7)) results.push(await measureSharedStore(ctx));
    if (has(8)) results.push(await measureBigLogs(ctx));
    if (has(9)) results.push(await measureLongLogs(ctx));
    if (has(10)) results.push(await measureWatches(ctx));
  } finally {
    await Promise.all([...shared.keys()].map(stop));
    client.close();
    await Promise.all([esb.close(), responses.close(), slackApi.close()]);
  }

  results.sort((a, b) => ITEM_ORDER.indexOf(a.key) - ITEM_ORDER.indexOf(b.key));
  const rows = results.flatMap((r) => r.rows);
  const durationSec = Math.round((performance.now() - started) / 100) / 10;
  const notes = options.appNodeOptions ? [`Bot run as node ${options.appNodeOptions} dist/main.js`] : [];
  process.stdout.write(`\n${formatTable(rows, machine, notes)}\n\n`);
  if (options.markdown) process.stdout.write(`${formatMarkdown(rows, machine, notes)}\n\n`);
  process.stdout.write(`${jsonLine(results, machine, durationSec, options.appNodeOptions ?? null)}\n`);
}

main(readRunOptions(process.argv.slice(2))).catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
