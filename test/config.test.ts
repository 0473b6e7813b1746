import { ConfigError, DEFAULT_EVENT_LOG_PATH, DEFAULT_SEARCH_ACTION_PATH, DEFAULT_SEARCH_ALERT_PATH, DEFAULT_TRIAGE_PATHS, loadConfig } from '../src/config';

const BK = {
  BK_API_BASE_URL: 'https://paas.example.com/',
  BK_APP_CODE: 'eventlog-bot',
  BK_APP_SECRET: 'super-secret-value-123',
  BK_USERNAME: 'admin',
};

function problemsOf(env: NodeJS.ProcessEnv, readFile?: (p: string) => string): string[] {
  try {
    loadConfig(env, readFile);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs the console on demo data when nothing is set, with documented defaults', () => {
    const config = loadConfig({});
    expect(config.slack).toEqual({ kind: 'console' });
    expect(config.bk).toBeNull();
    expect(config.port).toBe(3000);
    expect(config.timezone).toBe('Asia/Shanghai');
    expect(config.lang).toBe('en');
    expect(config.logLevel).toBe('info');
    expect(config.limits).toEqual({ cacheTtlMs: 15000, cacheMaxEntries: 500, maxInFlight: 8, userPerMinute: 20, lookupTimeoutMs: 10000 });
    expect(config.noticeResults).toBe('auto');
    expect(config.alertContext).toBe('auto');
  });

  it('turns the alert context off with BK_ALERT_CONTEXT=off, and names a bad value', () => {
    expect(loadConfig({ BK_ALERT_CONTEXT: 'off' }).alertContext).toBe('off');
    expect(problemsOf({ BK_ALERT_CONTEXT: 'never' })).toEqual(['BK_ALERT_CONTEXT: expected "auto" or "off"']);
  });

  it('chooses HTTP mode with a bot token and signing secret, and reads every BlueKing setting', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-3',
      SLACK_SIGNING_SECRET: 'abcdef123456',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      PORT: '8080',
      ...BK,
      BK_AUTH_STYLE: 'query',
      BK_TIMEZONE: 'UTC',
      BK_TIMEOUT_MS: '2500',
      BK_MONITOR_URL: 'https://bkmonitor.example.com/',
      BOT_LANG: 'zh-CN',
    });
    expect(config.slack).toEqual({ kind: 'http', botToken: 'xoxb-1-2-3', signingSecret: 'abcdef123456' });
    expect(config.slackApiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config.port).toBe(8080);
    expect(config.bk).toEqual({
      baseUrl: 'https://paas.example.com',
      appCode: 'eventlog-bot',
      appSecret: 'super-secret-value-123',
      username: 'admin',
      authStyle: 'query',
      eventLogPath: DEFAULT_EVENT_LOG_PATH,
      searchActionPath: DEFAULT_SEARCH_ACTION_PATH,
      searchAlertPath: DEFAULT_SEARCH_ALERT_PATH,
      triagePaths: DEFAULT_TRIAGE_PATHS,
      bizIds: null,
      timeoutMs: 2500,
      maxBodyBytes: 48 * 1024 * 1024,
    });
    // One lookup's deadline defaults to BK_TIMEOUT_MS; BK_LOOKUP_TIMEOUT_MS sets its own; SLACK_COMMAND defaults to /eventlog.
    expect(config.limits.lookupTimeoutMs).toBe(2500);
    expect(loadConfig({ BK_LOOKUP_TIMEOUT_MS: '30000' }).limits.lookupTimeoutMs).toBe(30000);
    expect(config.slashCommand).toBe('/eventlog');
    expect(config.timezone).toBe('UTC');
    expect(config.monitorUrl).toBe('https://bkmonitor.example.com');
    expect(config.lang).toBe('zh-CN');
  });

  it('chooses Socket Mode when an app token is set', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-2' }).slack).toEqual({
      kind: 'socket',
      botToken: 'xoxb-1',
      appToken: 'xapp-1-2',
      signingSecret: null,
    });
  });

  it('refuses a half-configured Slack side instead of falling back to the console', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: required/)]);
    expect(problemsOf({ SLACK_SIGNING_SECRET: 'abcdef123456' })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN: required/)]);
    expect(problemsOf({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN: required/)]);
  });

  it('lists every problem at once, naming the variable and what is expected, never the value', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      SLACK_APP_TOKEN: 'not-an-app-token-secret',
      PORT: 'eighty',
      BK_API_BASE_URL: 'paas.example.com',
      BK_APP_SECRET: 'super-secret-value-123',
      BK_AUTH_STYLE: 'cookie',
      BK_TIMEZONE: 'Mars/Olympus',
      BK_TIMEOUT_MS: '-5',
      BOT_LANG: 'fr',
      LOG_LEVEL: 'loud',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(
      ['BK_API_BASE_URL', 'BK_APP_CODE', 'BK_AUTH_STYLE', 'BK_USERNAME', 'BK_TIMEOUT_MS', 'BK_TIMEZONE', 'BOT_LANG', 'LOG_LEVEL', 'PORT', 'SLACK_APP_TOKEN', 'SLACK_BOT_TOKEN'].sort(),
    );
    const text = problems.join('\n');
    for (const secret of ['xoxp-user-token-secret', 'not-an-app-token-secret', 'super-secret-value-123']) expect(text).not.toContain(secret);
  });

  it('asks for the rest of the BlueKing connection when only part of it is set', () => {
    const problems = problemsOf({ BK_API_BASE_URL: 'https://paas.example.com' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['BK_APP_CODE', 'BK_APP_SECRET', 'BK_USERNAME']);
  });

  it('requires BK_EMAIL_DOMAINS with BK_IDENTITY=email, and reads it lowercased', () => {
    expect(problemsOf({ ...BK, BK_IDENTITY: 'email' })).toEqual([expect.stringMatching(/^BK_EMAIL_DOMAINS: required when BK_IDENTITY=email/)]);
    expect(problemsOf({ ...BK, BK_IDENTITY: 'email', BK_EMAIL_DOMAINS: 'corp.example, @bad' })).toEqual([expect.stringMatching(/^BK_EMAIL_DOMAINS: expected/)]);
    const config = loadConfig({ ...BK, BK_IDENTITY: 'email', BK_EMAIL_DOMAINS: 'Corp.Example, ops.example' });
    expect([...config.identity.emailDomains]).toEqual(['corp.example', 'ops.example']);
  });

  it('reads allowlists and a user map file for BK_IDENTITY=map', () => {
    const config = loadConfig(
      { ...BK, BK_IDENTITY: 'map', BK_USER_MAP_FILE: '/etc/map.json', ALLOWED_CHANNEL_IDS: 'C1, C2 ,,C3', ALLOWED_TEAM_IDS: 'T1' },
      () => '{"U123ABC": "zhangsan"}',
    );
    expect(config.identity.mode).toBe('map');
    expect(config.identity.userMap.get('U123ABC')).toBe('zhangsan');
    expect([...config.access.channelIds]).toEqual(['C1', 'C2', 'C3']);
    expect([...config.access.teamIds]).toEqual(['T1']);
    expect(config.access.userIds.size).toBe(0);
  });

  it('explains a user map file that is missing or malformed', () => {
    expect(problemsOf({ ...BK, BK_IDENTITY: 'map' })).toEqual([expect.stringMatching(/^BK_USER_MAP_FILE: required when BK_IDENTITY=map/)]);
    expect(problemsOf({ ...BK, BK_IDENTITY: 'map', BK_USER_MAP_FILE: 'x.json' }, () => '{"zhangsan": "U1"}')).toEqual([
      expect.stringMatching(/^BK_USER_MAP_FILE: expected \{"<Slack user ID>"/),
    ]);
    expect(problemsOf({ ...BK, BK_IDENTITY: 'map', BK_USER_MAP_FILE: 'x.json' }, () => 'not json')).toEqual([
      expect.stringMatching(/^BK_USER_MAP_FILE: could not read x.json as JSON/),
    ]);
  });
});
