import Redis from 'ioredis';
import { redisServerPath, REDIS_SKIP_REASON, startRedisServer } from '../../test/helpers/redis-process';
import type { BenchContext, ItemResult } from '../bench-types';
import { verdict } from '../bench-types';
import { startEsbStandIn } from '../esb-stand-in';
import { openLoop } from '../load-loops';
import { monthLongEsbBody } from '../month-log';
import { round } from '../stats';

/**
 * Item 10 (issue 23): what 1,000 active watches cost one replica at the
 * default interval (WATCH_INTERVAL_MS, 60 s), with Redis as the store: the
 * bot's CPU (all its threads, /proc) as a share of one core, and the Redis
 * commands per second (INFO's total_commands_processed), over one whole
 * interval once every watch has polled once. The event is an open one (a
 * zombie alert's first hour, 60 records), so no watch ends meanwhile; BlueKing
 * answers at once, so the figure is the bot's own work per poll.
 */

const WATCHES = 1_000;
const START_PER_SEC = 100;
const INTERVAL_MS = 60_000;
const CPU_MAX_PERCENT = 5;
const LOG_RECORDS = 60;

export async function measureWatches(ctx: BenchContext): Promise<ItemResult> {
  if (!redisServerPath()) {
    ctx.progress(`10. watches: skipped, ${REDIS_SKIP_REASON}`);
    return { key: 'watches', figures: { skipped: REDIS_SKIP_REASON }, rows: [{ item: '10 watches', figure: 'skipped', value: REDIS_SKIP_REASON, target: '', verdict: '' }] };
  }
  ctx.progress(`10. watches: ${WATCHES} watches started at ${START_PER_SEC}/s, then one ${INTERVAL_MS / 1000} s interval measured`);
  const redis = await startRedisServer();
  const esb = await startEsbStandIn(monthLongEsbBody(LOG_RECORDS));
  const app = await ctx.start('app', { env: { BK_API_BASE_URL: esb.url, REDIS_URL: redis.url, WATCH_MAX: String(WATCHES) } });
  const info = new Redis(redis.url);
  try {
    let refused = 0;
    await openLoop(START_PER_SEC, (WATCHES / START_PER_SEC) * 1000, async () => {
      const ack = await ctx.client.send(app.url, `${ctx.nextId()} watch`, ctx.responses.urlFor(`watch-${ctx.nextId()}`)).catch(() => null);
      if (ack?.status !== 200) refused++;
    });
    // Every watch has made its first poll (started + one interval, jitter included) before the window opens.
    await sleep(INTERVAL_MS * 1.1);
    const active = await app.readMetric('eventlog_watches_active');
    const cpuBefore = app.readCpuMs();
    const commandsBefore = await commandsProcessed(info);
    const byCommandBefore = await callsByCommand(info);
    const callsBefore = esb.calls;
    const started = performance.now();
    await sleep(INTERVAL_MS);
    const elapsedMs = performance.now() - started;
    const cpuPercent = round(((app.readCpuMs() - cpuBefore) / elapsedMs) * 100, 2);
    const redisOpsPerSec = round(((await commandsProcessed(info)) - commandsBefore) / (elapsedMs / 1000), 1);
    const byCommand = [...(await callsByCommand(info))]
      .map(([command, calls]) => [command, round((calls - (byCommandBefore.get(command) ?? 0)) / (elapsedMs / 1000), 1)] as const)
      .filter(([, perSec]) => perSec >= 1)
      .sort((a, b) => b[1] - a[1]);
    const polls = esb.calls - callsBefore;
    const pass = active === WATCHES && cpuPercent <= CPU_MAX_PERCENT;
    return {
      key: 'watches',
      figures: { watches: WATCHES, active, refused_starts: refused, interval_ms: INTERVAL_MS, polls_in_window: polls, cpu_percent_of_one_core: cpuPercent, redis_ops_per_sec: redisOpsPerSec, redis_ops_per_sec_by_command: Object.fromEntries(byCommand), target_max_cpu_percent: CPU_MAX_PERCENT, pass },
      rows: [
        {
          item: '10 watches',
          figure: `${WATCHES} watches, one ${INTERVAL_MS / 1000} s interval: CPU of one core`,
          value: `${cpuPercent} % (${active} active, ${polls} polls)`,
          target: `≤ ${CPU_MAX_PERCENT} %`,
          verdict: verdict(pass),
        },
        { item: '', figure: '  Redis commands per second', value: String(redisOpsPerSec), target: '', verdict: '' },
        { item: '', figure: '  of which, per second', value: byCommand.map(([command, perSec]) => `${command} ${perSec}`).join(', '), target: '', verdict: '' },
      ],
    };
  } finally {
    info.disconnect();
    await app.stop();
    await esb.close();
    await redis.stop();
  }
}

async function commandsProcessed(client: Redis): Promise<number> {
  const match = /^total_commands_processed:(\d+)/m.exec(await client.info('stats'));
  return match ? Number(match[1]) : NaN;
}

/** Calls so far per Redis command (INFO commandstats), e.g. evalsha, hget, mget. */
async function callsByCommand(client: Redis): Promise<Map<string, number>> {
  const text = await client.info('commandstats');
  return new Map([...text.matchAll(/^cmdstat_([a-z|_-]+):calls=(\d+)/gm)].map((m) => [m[1], Number(m[2])]));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
