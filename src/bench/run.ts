import { performance } from 'node:perf_hooks';
import { benchEsbBody } from './bench-log';
import type { BenchContext, ItemResult } from './bench-types';
import { createCommandClient } from './command-client';
import { startEsbStandIn } from './esb-stand-in';
import { measureAckLatency } from './items/ack-latency';
import { measureCoalescing } from './items/coalescing';
import { measureMemory } from './items/memory';
import { measureOverhead } from './items/overhead';
import { measureRenderCost } from './items/render-cost';
import { measureThroughput } from './items/throughput';
import { describeMachine } from './machine';
import { formatMarkdown, formatTable, jsonLine } from './report';
import { startResponseStandIn } from './response-stand-in';
import { startSlackApiStandIn } from './slack-api-stand-in';
import { startTarget, type Target, type TargetKind } from './target-process';

/**
 * `npm run bench`: the bot against its Bolt floors, over loopback, from this
 * one process (load generator, ESB / response_url / Slack API stand-ins); the
 * bot and each floor run in child processes. Prints a table, then one JSON
 * line with every figure. Options:
 *   --only=1,3          run only these items
 *   --markdown          also print the table as Markdown (for the README)
 *   --cpu-prof=DIR      children write V8 CPU profiles into DIR on exit
 */

const SIGNING_SECRET = 'bench-signing-secret-3c9e1f';
const RECORDS_PER_ANSWER = 50;
const ALL_ITEMS = [1, 2, 3, 4, 5, 6] as const;

interface Options {
  items: ReadonlySet<number>;
  markdown: boolean;
  cpuProfDir?: string;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const started = performance.now();
  const machine = describeMachine();
  const esb = await startEsbStandIn(benchEsbBody(RECORDS_PER_ANSWER));
  const responses = await startResponseStandIn();
  const slackApi = await startSlackApiStandIn();
  const client = createCommandClient(SIGNING_SECRET);
  let ids = 100_000;
  const ctx: BenchContext = {
    esb,
    responses,
    client,
    cpuProfDir: options.cpuProfDir,
    env: {
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
    },
    nextId: () => String(ids++),
    progress: (line) => process.stderr.write(`${line}\n`),
  };
  ctx.progress(`bench on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);

  const targets = new Map<TargetKind, Target>();
  const target = async (kind: TargetKind): Promise<Target> => {
    const running = targets.get(kind) ?? (await startTarget(kind, { env: ctx.env, cpuProfDir: ctx.cpuProfDir }));
    targets.set(kind, running);
    return running;
  };
  const stop = async (kind: TargetKind): Promise<void> => {
    await targets.get(kind)?.stop();
    targets.delete(kind);
  };

  const results: ItemResult[] = [];
  try {
    const has = (item: number): boolean => options.items.has(item);
    // The in-process item first, while no child is busy.
    if (has(4)) results.push(measureRenderCost(ctx));
    if (has(1)) {
      results.push(await measureAckLatency(ctx, await target('app'), await target('ack-only')));
      await stop('ack-only');
    }
    if (has(2)) results.push(await measureThroughput(ctx, await target('app'), await target('relay')));
    if (has(3)) results.push(await measureOverhead(ctx, await target('app'), await target('relay')));
    await stop('relay');
    if (has(5)) results.push(await measureCoalescing(ctx, await target('app')));
    await stop('app');
    if (has(6)) results.push(await measureMemory(ctx));
  } finally {
    await Promise.all([...targets.keys()].map(stop));
    client.close();
    await Promise.all([esb.close(), responses.close(), slackApi.close()]);
  }

  const order = ['ack_latency', 'throughput', 'overhead', 'render_cost', 'coalescing', 'memory'];
  results.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const rows = results.flatMap((r) => r.rows);
  const durationSec = Math.round((performance.now() - started) / 100) / 10;
  process.stdout.write(`\n${formatTable(rows, machine)}\n\n`);
  if (options.markdown) process.stdout.write(`${formatMarkdown(rows, machine)}\n\n`);
  process.stdout.write(`${jsonLine(results, machine, durationSec)}\n`);
}

function readOptions(args: readonly string[]): Options {
  const value = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const only = value('only');
  const items = only === undefined ? ALL_ITEMS : only.split(',').map(Number).filter((n) => (ALL_ITEMS as readonly number[]).includes(n));
  return { items: new Set(items), markdown: args.includes('--markdown'), cpuProfDir: value('cpu-prof') };
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
