import { buildEventLogRequest, buildJsonPost } from '../../src/bk/request';
import { DEFAULT_SEARCH_ACTION_PATH, type BkConfig } from '../../src/config';
import { bkConfig } from '../helpers/bk-config';

const cfg: BkConfig = bkConfig({ baseUrl: 'https://paas.example.com', appSecret: 'p&ss=w/rd', timeoutMs: 10_000, maxBodyBytes: 1024 });

describe('buildEventLogRequest', () => {
  it('puts the credentials in the X-Bkapi-Authorization header as JSON in header style', () => {
    expect(buildEventLogRequest(cfg, '5310', 'lisi')).toEqual({
      method: 'GET',
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
      method: 'GET',
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

describe('buildJsonPost', () => {
  const fields = { alert_ids: ['164239028644167'], page: 1 };

  it('sends JSON with the credentials in the X-Bkapi-Authorization header in header style, none in the body', () => {
    const request = buildJsonPost(cfg, DEFAULT_SEARCH_ACTION_PATH, fields, 'lisi');
    expect(request).toEqual({
      method: 'POST',
      url: 'https://paas.example.com/api/c/compapi/v2/monitor_v3/search_action/',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'User-Agent': 'bk-eventlog-slack',
        'X-Bkapi-Authorization': '{"bk_app_code":"bk-eventlog","bk_app_secret":"p&ss=w/rd","bk_username":"lisi"}',
      },
      body: '{"alert_ids":["164239028644167"],"page":1}',
    });
  });

  it('puts the credentials in the JSON body in query style (where older ESBs read them for a POST), never in the URL', () => {
    const request = buildJsonPost({ ...cfg, authStyle: 'query' }, DEFAULT_SEARCH_ACTION_PATH, fields, null);
    expect(request.url).toBe('https://paas.example.com/api/c/compapi/v2/monitor_v3/search_action/');
    expect(request.headers['X-Bkapi-Authorization']).toBeUndefined();
    expect(JSON.parse(request.body ?? '')).toEqual({ bk_app_code: 'bk-eventlog', bk_app_secret: 'p&ss=w/rd', ...fields });
  });
});
