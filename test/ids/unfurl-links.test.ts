import { MAX_UNFURLS_PER_MESSAGE, unfurlTargets } from '../../src/ids/unfurl-links';

const MONITOR = 'https://paas.example.com/o/bk_monitorv3';
const links = (...urls: string[]) => urls.map((url) => ({ url }));

describe('unfurlTargets', () => {
  it.each([
    [`${MONITOR}/?bizId=2#/event-center/detail/5310`, '5310'],
    [`${MONITOR}/#/event-center?alertId=164239028644167&specEvent=1`, '164239028644167'],
    [`${MONITOR}/#/event-center?id=164239028644167`, '164239028644167'],
    [`${MONITOR}/#/event-center?bizIds=2&id=77&from=now-7d`, '77'],
    [`${MONITOR}/#/event-center?queryString=id%20%3A%2077`, '77'],
    [`https://PAAS.example.com/o/bk_monitorv3/#/trace/alarm-center/detail/88`, '88'],
  ])('unfurls %s as event %s', (url, id) => {
    expect(unfurlTargets(links(url), MONITOR)).toEqual([{ url, id }]);
  });

  it.each([
    ['another host', 'https://grafana.example.com/#/event-center/detail/5310'],
    ['a host that only starts like it', 'https://paas.example.com.evil.example/#/event-center/detail/5310'],
    ['the same host on another port', 'https://paas.example.com:8443/o/bk_monitorv3/#/event-center/detail/5310'],
    ['a notification (collect) ID', `${MONITOR}/#/event-center?collectId=164239028644167`],
    ['an action detail', `${MONITOR}/#/trace/alarm-center/detail/88?alarmType=action`],
    ['two events in one link', `${MONITOR}/#/event-center/detail/5310?alertId=77`],
    ['no event at all', `${MONITOR}/#/event-center`],
    ['not http', 'ftp://paas.example.com/#/event-center/detail/5310'],
    ['not a URL', 'paas.example.com/#/event-center/detail/5310'],
  ])('leaves alone %s', (_, url) => {
    expect(unfurlTargets(links(url), MONITOR)).toEqual([]);
  });

  it('unfurls nothing without BK_MONITOR_URL', () => {
    expect(unfurlTargets(links(`${MONITOR}/#/event-center/detail/5310`), null)).toEqual([]);
  });

  it('keeps each URL once, in order, and looks up at most a handful per message', () => {
    const urls = Array.from({ length: 9 }, (_, i) => `${MONITOR}/#/event-center/detail/${i + 1}`);
    const targets = unfurlTargets(links(urls[1] ?? '', ...urls), MONITOR);
    expect(targets.map((t) => t.id)).toEqual(['2', '1', '3', '4', '5']);
    expect(targets).toHaveLength(MAX_UNFURLS_PER_MESSAGE);
  });
});
