import { buildEventLogRequest } from '../../src/bk/request';
import { DEFAULT_EVENT_LOG_PATH, type BkConfig } from '../../src/config';

const cfg: BkConfig = {
  baseUrl: 'https://paas.example.com',
  appCode: 'bk-eventlog',
  appSecret: 'p&ss=w/rd',
  username: 'admin',
  authStyle: 'header',
  eventLogPath: DEFAULT_EVENT_LOG_PATH,
  timeoutMs: 10_000,
  maxBodyBytes: 1024,
};

describe('buildEventLogRequest', () => {
  it('puts the credentials in the X-Bkapi-Authorization header as JSON in header style', () => {
    expect(buildEventLogRequest(cfg, '5310', 'lisi')).toEqual({
      url: 'https://paas.example.com/api/c/compapi/v2/monitor_v3/get_event_log/?id=5310',
      headers: {
        Accept: 'application/json',
        'User-Agent': 'bk-eventlog-slack',
        'X-Bkapi-Authorization': '{"bk_app_code":"bk-eventlog","bk_app_secret":"p&ss=w/rd","bk_username":"lisi"}',
      },
    });
  });

  it('puts URL-encoded credentials in the query in query style', () => {
    expect(buildEventLogRequest({ ...cfg, authStyle: 'query' }, '5310', 'lisi')).toEqual({
      url: 'https://paas.example.com/api/c/compapi/v2/monitor_v3/get_event_log/?id=5310&bk_app_code=bk-eventlog&bk_app_secret=p%26ss%3Dw%2Frd&bk_username=lisi',
      headers: { Accept: 'application/json', 'User-Agent': 'bk-eventlog-slack' },
    });
  });

  it('leaves bk_username out when there is no user', () => {
    expect(buildEventLogRequest(cfg, '1', null).headers['X-Bkapi-Authorization']).toBe('{"bk_app_code":"bk-eventlog","bk_app_secret":"p&ss=w/rd"}');
    expect(buildEventLogRequest({ ...cfg, authStyle: 'query' }, '1', null).url).not.toContain('bk_username');
  });

  it('honours a custom event-log path', () => {
    expect(buildEventLogRequest({ ...cfg, eventLogPath: '/api/bk-monitor/prod/get_event_log/' }, '7', null).url).toBe(
      'https://paas.example.com/api/bk-monitor/prod/get_event_log/?id=7',
    );
  });
});
