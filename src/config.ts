import { z } from 'zod';
import { readFileSync } from 'node:fs';

/**
 * The environment, read once and validated with zod into a typed Config.
 * Setting names are a public contract (README, .env.example, tests).
 */

export type Lang = 'en' | 'zh-CN';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type AuthStyle = 'header' | 'query';
/** Which BlueKing user the bot acts as for a Slack user. */
export type IdentityMode = 'service' | 'email' | 'map';

/** How the bot reaches Slack: over HTTP (Slack calls us) or Socket Mode (we call Slack). */
export type SlackConnection =
  | { kind: 'http'; botToken: string; signingSecret: string }
  | { kind: 'socket'; botToken: string; appToken: string; signingSecret: string | null };

/** Where the bot talks: Slack, or the local console when no Slack settings are given. */
export type SlackTransport = { kind: 'console' } | SlackConnection;

/** BK_NOTICE_RESULTS: `auto` asks search_action for new-generation alerts; `off` never does. */
export type NoticeResultsSetting = 'auto' | 'off';

/** BK_ALERT_CONTEXT: `auto` asks search_alert for new-generation alerts; `off` never does. */
export type AlertContextSetting = 'auto' | 'off';

export interface BkConfig {
  baseUrl: string;
  appCode: string;
  appSecret: string;
  /** Service account; null only when identity comes from Slack users. */
  username: string | null;
  authStyle: AuthStyle;
  eventLogPath: string;
  /** monitor_v3 search_action, for per-receiver notice results. */
  searchActionPath: string;
  /** monitor_v3 search_alert, for the alert itself (name, severity, target, owners, ack and shield state). */
  searchAlertPath: string;
  /** monitor_v3 components for acting on an alert from Slack (issue 22). */
  triagePaths: TriagePaths;
  /** Sent as `bk_biz_ids` when set (installs that insist on it); null = not sent. */
  bizIds: readonly number[] | null;
  timeoutMs: number;
  maxBodyBytes: number;
}

export interface TriagePaths {
  ackEvent: string;
  addShield: string;
  disableShield: string;
  businessList: string;
}

/** Acting on alerts from Slack (issue 22): on only with a per-user BlueKing identity. */
export interface ActionsConfig {
  /** ACTIONS_ALLOWED_USER_IDS: when not empty, only these Slack users may act (after the allowlists). */
  userIds: ReadonlySet<string>;
}

export interface AccessConfig {
  /** Empty set = no restriction. */
  teamIds: ReadonlySet<string>;
  channelIds: ReadonlySet<string>;
  userIds: ReadonlySet<string>;
}

export interface IdentityConfig {
  mode: IdentityMode;
  /** Slack user ID → BlueKing username, for mode 'map'. */
  userMap: ReadonlyMap<string, string>;
  /** Mode 'email': the only email domains (lowercase) whose local part names a BlueKing user. */
  emailDomains: ReadonlySet<string>;
}

export interface LimitsConfig {
  cacheTtlMs: number;
  cacheMaxEntries: number;
  maxInFlight: number;
  /** Lookups per user per minute; 0 = unlimited. */
  userPerMinute: number;
  /** One deadline for all of a lookup's BlueKing calls (every search_action page included). */
  lookupTimeoutMs: number;
}

/** Watching events. */
export interface WatchConfig {
  /** Poll interval per watch (jittered, backed off while BlueKing fails). */
  intervalMs: number;
  /** A watch ends after this many hours. */
  maxHours: number;
  /** Most watches at once for the whole bot; 0 turns watching off. */
  max: number;
  /** Lease TTL of a replica's hold on a watch (Redis); a dead replica's watches move on within two of these. */
  leaseMs: number;
}
/** Where shared state lives: this process's memory (one replica), or Redis (several). */
export type StoreConfig = { kind: 'memory' } | { kind: 'redis'; url: string; prefix: string };

export interface Config {
  slack: SlackTransport;
  slackApiUrl: string | null;
  port: number;
  /** null = no BlueKing settings: serve the built-in demo events. */
  bk: BkConfig | null;
  timezone: string;
  monitorUrl: string | null;
  lang: Lang;
  logLevel: LogLevel;
  /** BK_NOTICE_RESULTS: ask search_action for per-receiver results of new-generation alerts (auto) or not (off). */
  noticeResults: NoticeResultsSetting;
  /** BK_ALERT_CONTEXT: ask search_alert for the alert itself (name, severity, target, owners) of new-generation alerts (auto) or not (off). */
  alertContext: AlertContextSetting;
  access: AccessConfig;
  actions: ActionsConfig;
  identity: IdentityConfig;
  limits: LimitsConfig;
  watch: WatchConfig;
  store: StoreConfig;
  /** Bearer token /metrics requires; null = open (a private port scraped by Prometheus). */
  metricsToken: string | null;
  /** The slash command as the app's manifest names it, for answers that tell people what to run. */
  slashCommand: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_EVENT_LOG_PATH = '/api/c/compapi/v2/monitor_v3/get_event_log/';
export const DEFAULT_SEARCH_ACTION_PATH = '/api/c/compapi/v2/monitor_v3/search_action/';
export const DEFAULT_SEARCH_ALERT_PATH = '/api/c/compapi/v2/monitor_v3/search_alert/';
export const DEFAULT_TRIAGE_PATHS: TriagePaths = {
  ackEvent: '/api/c/compapi/v2/monitor_v3/ack_event/',
  addShield: '/api/c/compapi/v2/monitor_v3/add_shield/',
  disableShield: '/api/c/compapi/v2/monitor_v3/disable_shield/',
  businessList: '/api/c/compapi/v2/monitor_v3/business_list_by_actions/',
};

const optional = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === undefined || s === '' ? undefined : s));

const intSetting = (fallback: number, min: number, max: number) =>
  optional.pipe(
    z
      .string()
      .regex(/^\d+$/, `expected a whole number from ${min} to ${max}`)
      .transform(Number)
      .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`))
      .optional()
      .transform((n) => n ?? fallback),
  );

const httpUrl = optional.pipe(
  z
    .string()
    .refine((s) => /^https?:\/\/[^\s/]+/i.test(s) && URL.canParse(s), 'expected an http(s) URL such as https://paas.example.com')
    .transform((s) => s.replace(/\/+$/, ''))
    .optional(),
);

const pathSetting = (fallback: string) => optional.pipe(z.string().startsWith('/', 'expected a path starting with /').default(fallback));

const idList = optional.transform(
  (s) => new Set((s ?? '').split(/[\s,]+/).filter((part) => part.length > 0)) as ReadonlySet<string>,
);

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional.pipe(z.string().startsWith('xoxb-', 'expected a bot token starting with xoxb-').optional()),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.pipe(z.string().startsWith('xapp-', 'expected an app-level token starting with xapp-').optional()),
  SLACK_API_URL: httpUrl,
  PORT: intSetting(3000, 1, 65535),
  BK_API_BASE_URL: httpUrl,
  BK_APP_CODE: optional,
  BK_APP_SECRET: optional,
  BK_USERNAME: optional,
  BK_AUTH_STYLE: optional.pipe(z.enum(['header', 'query'], 'expected "header" or "query"').default('header')),
  BK_EVENT_LOG_PATH: optional.pipe(
    z.string().startsWith('/', 'expected a path starting with /').default(DEFAULT_EVENT_LOG_PATH),
  ),
  BK_SEARCH_ACTION_PATH: optional.pipe(
    z.string().startsWith('/', 'expected a path starting with /').default(DEFAULT_SEARCH_ACTION_PATH),
  ),
  BK_SEARCH_ALERT_PATH: optional.pipe(
    z.string().startsWith('/', 'expected a path starting with /').default(DEFAULT_SEARCH_ALERT_PATH),
  ),
  BK_ACK_EVENT_PATH: pathSetting(DEFAULT_TRIAGE_PATHS.ackEvent),
  BK_ADD_SHIELD_PATH: pathSetting(DEFAULT_TRIAGE_PATHS.addShield),
  BK_DISABLE_SHIELD_PATH: pathSetting(DEFAULT_TRIAGE_PATHS.disableShield),
  BK_BUSINESS_LIST_PATH: pathSetting(DEFAULT_TRIAGE_PATHS.businessList),
  BK_NOTICE_RESULTS: optional.pipe(z.enum(['auto', 'off'], 'expected "auto" or "off"').default('auto')),
  BK_ALERT_CONTEXT: optional.pipe(z.enum(['auto', 'off'], 'expected "auto" or "off"').default('auto')),
  BK_BIZ_IDS: optional.pipe(
    z
      .string()
      .regex(/^\s*\d{1,12}(\s*,\s*\d{1,12})*\s*$/, 'expected business IDs separated by commas, e.g. 2,5000140')
      .transform((s) => s.split(',').map((id) => Number(id.trim())))
      .optional(),
  ),
  BK_TIMEZONE: optional.pipe(
    z.string().refine(isTimeZone, 'expected an IANA time zone such as Asia/Shanghai or UTC').default('Asia/Shanghai'),
  ),
  BK_TIMEOUT_MS: intSetting(10_000, 100, 120_000),
  // 0 = unset: the same as BK_TIMEOUT_MS.
  BK_LOOKUP_TIMEOUT_MS: intSetting(0, 100, 600_000),
  // A month-long alert converging every minute is ~13 MB; 48 MB takes a few months of one, read in bounded memory (bk/event-log-bytes.ts).
  BK_MAX_BODY_BYTES: intSetting(48 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  BK_MONITOR_URL: httpUrl,
  BK_IDENTITY: optional.pipe(z.enum(['service', 'email', 'map'], 'expected "service", "email" or "map"').default('service')),
  BK_USER_MAP_FILE: optional,
  BK_EMAIL_DOMAINS: optional.pipe(
    z
      .string()
      .regex(/^\s*[a-z0-9-]+(\.[a-z0-9-]+)+(\s*,\s*[a-z0-9-]+(\.[a-z0-9-]+)+)*\s*$/i, 'expected email domains separated by commas, e.g. corp.example,ops.corp.example')
      .transform((s) => new Set(s.split(',').map((domain) => domain.trim().toLowerCase())) as ReadonlySet<string>)
      .optional(),
  ),
  BK_CACHE_TTL_MS: intSetting(15_000, 0, 3_600_000),
  BK_CACHE_MAX_ENTRIES: intSetting(500, 1, 100_000),
  BK_MAX_IN_FLIGHT: intSetting(8, 1, 1000),
  USER_RATE_LIMIT_PER_MIN: intSetting(20, 0, 10_000),
  ALLOWED_TEAM_IDS: idList,
  ALLOWED_CHANNEL_IDS: idList,
  ALLOWED_USER_IDS: idList,
  ACTIONS_ALLOWED_USER_IDS: idList,
  WATCH_INTERVAL_MS: intSetting(60_000, 1_000, 3_600_000),
  WATCH_MAX_HOURS: intSetting(24, 1, 168),
  WATCH_MAX: intSetting(100, 0, 10_000),
  WATCH_LEASE_MS: intSetting(30_000, 1_000, 600_000),
  REDIS_URL: optional.pipe(
    z
      .string()
      .refine((s) => /^rediss?:\/\/[^\s]+/i.test(s) && URL.canParse(s), 'expected a redis:// or rediss:// (TLS) URL such as redis://:password@redis.internal:6379/0')
      .optional(),
  ),
  REDIS_PREFIX: optional.pipe(z.string().regex(/^[\w:.{}-]{1,64}$/, 'expected up to 64 letters, digits or _ : . - { }').default('eventlog:')),
  BOT_LANG: optional.pipe(z.enum(['en', 'zh-CN'], 'expected "en" or "zh-CN"').default('en')),
  SLACK_COMMAND: optional.pipe(z.string().regex(/^\/[a-z0-9_-]{1,31}$/, 'expected a slash command such as /eventlog').default('/eventlog')),
  METRICS_TOKEN: optional,
  LOG_LEVEL: optional.pipe(z.enum(['debug', 'info', 'warn', 'error'], 'expected debug, info, warn or error').default('info')),
});

type Env = z.infer<typeof envSchema>;

/** Every setting name the bot reads (for telling a typo apart from an unrelated variable). */
export const SETTING_NAMES: readonly string[] = Object.keys(envSchema.shape);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Read the environment into a Config, or throw ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv, readFile: (path: string) => string = readUtf8): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Messages name the variable and what is expected; values are never echoed.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    // Also report what is missing, so one run lists every problem, not just the malformed ones.
    const missing: string[] = [];
    slackTransport(presenceOnly(env), missing);
    missingBkSettings(presenceOnly(env), missing);
    const named = new Set(problems.map((p) => p.split(':')[0]));
    throw new ConfigError([...problems, ...missing.filter((p) => !named.has(p.split(':')[0]))]);
  }
  const e = parsed.data;
  const problems: string[] = [];
  const slack = slackTransport(e, problems);
  const bk = bkConfig(e, problems);
  const identity = identityConfig(e, readFile, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    slack,
    slackApiUrl: e.SLACK_API_URL ? `${e.SLACK_API_URL}/` : null,
    port: e.PORT,
    bk,
    timezone: e.BK_TIMEZONE,
    monitorUrl: e.BK_MONITOR_URL ?? null,
    lang: e.BOT_LANG,
    logLevel: e.LOG_LEVEL,
    noticeResults: e.BK_NOTICE_RESULTS,
    alertContext: e.BK_ALERT_CONTEXT,
    access: { teamIds: e.ALLOWED_TEAM_IDS, channelIds: e.ALLOWED_CHANNEL_IDS, userIds: e.ALLOWED_USER_IDS },
    actions: { userIds: e.ACTIONS_ALLOWED_USER_IDS },
    identity,
    limits: {
      cacheTtlMs: e.BK_CACHE_TTL_MS,
      cacheMaxEntries: e.BK_CACHE_MAX_ENTRIES,
      maxInFlight: e.BK_MAX_IN_FLIGHT,
      userPerMinute: e.USER_RATE_LIMIT_PER_MIN,
      lookupTimeoutMs: e.BK_LOOKUP_TIMEOUT_MS || e.BK_TIMEOUT_MS,
    },
    watch: { intervalMs: e.WATCH_INTERVAL_MS, maxHours: e.WATCH_MAX_HOURS, max: e.WATCH_MAX, leaseMs: e.WATCH_LEASE_MS },
    store: e.REDIS_URL ? { kind: 'redis', url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : { kind: 'memory' },
    metricsToken: e.METRICS_TOKEN ?? null,
    slashCommand: e.SLACK_COMMAND,
  };
}

/** Which connection settings are present: enough to tell what is missing. */
interface ConnectionSettings {
  SLACK_BOT_TOKEN?: string;
  SLACK_SIGNING_SECRET?: string;
  SLACK_APP_TOKEN?: string;
  BK_API_BASE_URL?: string;
  BK_APP_CODE?: string;
  BK_APP_SECRET?: string;
  BK_USERNAME?: string;
  BK_IDENTITY: IdentityMode;
}

/** The raw environment reduced to which settings are present, for reporting missing ones alongside malformed ones. */
function presenceOnly(env: NodeJS.ProcessEnv): ConnectionSettings {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const identity = value('BK_IDENTITY');
  return {
    SLACK_BOT_TOKEN: value('SLACK_BOT_TOKEN'),
    SLACK_SIGNING_SECRET: value('SLACK_SIGNING_SECRET'),
    SLACK_APP_TOKEN: value('SLACK_APP_TOKEN'),
    BK_API_BASE_URL: value('BK_API_BASE_URL'),
    BK_APP_CODE: value('BK_APP_CODE'),
    BK_APP_SECRET: value('BK_APP_SECRET'),
    BK_USERNAME: value('BK_USERNAME'),
    BK_IDENTITY: identity === 'email' || identity === 'map' ? identity : 'service',
  };
}

function slackTransport(e: ConnectionSettings, problems: string[]): SlackTransport {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = e;
  if (!botToken && !signingSecret && !appToken) return { kind: 'console' };
  if (!botToken) {
    problems.push('SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set (the xoxb- token from OAuth & Permissions)');
    return { kind: 'console' };
  }
  if (appToken) return { kind: 'socket', botToken, appToken, signingSecret: signingSecret ?? null };
  if (!signingSecret) {
    problems.push(
      'SLACK_SIGNING_SECRET: required for HTTP mode when SLACK_BOT_TOKEN is set (Basic Information → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode',
    );
    return { kind: 'console' };
  }
  return { kind: 'http', botToken, signingSecret };
}

/** Adds a problem per missing BlueKing connection setting; true when BlueKing is configured at all. */
function missingBkSettings(e: ConnectionSettings, problems: string[]): boolean {
  const anySet = e.BK_API_BASE_URL || e.BK_APP_CODE || e.BK_APP_SECRET || e.BK_USERNAME;
  if (!anySet) return false;
  const missing = (name: string, what: string) => problems.push(`${name}: required when any BK_* connection setting is set (${what})`);
  if (!e.BK_API_BASE_URL) missing('BK_API_BASE_URL', 'the ESB root, e.g. https://paas.example.com');
  if (!e.BK_APP_CODE) missing('BK_APP_CODE', 'the app ID from the BlueKing developer center');
  if (!e.BK_APP_SECRET) missing('BK_APP_SECRET', 'the app secret (token) from the BlueKing developer center');
  if (!e.BK_USERNAME && e.BK_IDENTITY === 'service') missing('BK_USERNAME', 'the BlueKing user the bot acts as');
  return true;
}

function bkConfig(e: Env, problems: string[]): BkConfig | null {
  if (!missingBkSettings(e, problems)) return null;
  if (!e.BK_API_BASE_URL || !e.BK_APP_CODE || !e.BK_APP_SECRET) return null;
  return {
    baseUrl: e.BK_API_BASE_URL,
    appCode: e.BK_APP_CODE,
    appSecret: e.BK_APP_SECRET,
    username: e.BK_USERNAME ?? null,
    authStyle: e.BK_AUTH_STYLE,
    eventLogPath: e.BK_EVENT_LOG_PATH,
    searchActionPath: e.BK_SEARCH_ACTION_PATH,
    searchAlertPath: e.BK_SEARCH_ALERT_PATH,
    triagePaths: {
      ackEvent: e.BK_ACK_EVENT_PATH,
      addShield: e.BK_ADD_SHIELD_PATH,
      disableShield: e.BK_DISABLE_SHIELD_PATH,
      businessList: e.BK_BUSINESS_LIST_PATH,
    },
    bizIds: e.BK_BIZ_IDS ?? null,
    timeoutMs: e.BK_TIMEOUT_MS,
    maxBodyBytes: e.BK_MAX_BODY_BYTES,
  };
}

const userMapSchema = z.record(z.string().regex(/^[UW][A-Z0-9]+$/, 'keys must be Slack user IDs'), z.string().min(1));

function identityConfig(e: Env, readFile: (path: string) => string, problems: string[]): IdentityConfig {
  const emailDomains: ReadonlySet<string> = e.BK_EMAIL_DOMAINS ?? new Set();
  const empty: IdentityConfig = { mode: e.BK_IDENTITY, userMap: new Map(), emailDomains };
  if (e.BK_IDENTITY === 'email' && emailDomains.size === 0) {
    // Without it, admin@partner.example would be taken as BlueKing user admin.
    problems.push('BK_EMAIL_DOMAINS: required when BK_IDENTITY=email (your company\'s email domains, e.g. corp.example; other domains are refused)');
  }
  if (e.BK_IDENTITY !== 'map') return empty;
  if (!e.BK_USER_MAP_FILE) {
    problems.push('BK_USER_MAP_FILE: required when BK_IDENTITY=map (a JSON file {"U0123ABC": "bk_username", …})');
    return empty;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFile(e.BK_USER_MAP_FILE));
  } catch (err) {
    problems.push(`BK_USER_MAP_FILE: could not read ${e.BK_USER_MAP_FILE} as JSON (${(err as Error).message})`);
    return empty;
  }
  const parsed = userMapSchema.safeParse(json);
  if (!parsed.success) {
    problems.push(`BK_USER_MAP_FILE: expected {"<Slack user ID>": "<BlueKing username>"}; ${parsed.error.issues[0]?.message ?? ''}`);
    return empty;
  }
  return { mode: 'map', userMap: new Map(Object.entries(parsed.data)), emailDomains };
}

function readUtf8(path: string): string {
  return readFileSync(path, 'utf8');
}
