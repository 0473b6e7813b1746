import { ACTION_IDS, decodeButtonValue, encodeButtonValue, monitorEventUrl } from '../../src/render/actions';

describe('button values', () => {
  it('round-trips a view through a button value', () => {
    const value = { id: '164239028644167', page: 3, variant: 'compact' as const };
    expect(encodeButtonValue(value)).toBe('164239028644167:3:compact');
    expect(decodeButtonValue(encodeButtonValue(value))).toEqual(value);
  });

  it.each([
    '',
    '5310',
    '5310:0',
    '5310:0:wide',
    '0:0:full',
    '05310:0:full',
    '5310:-1:full',
    '5310:01:full',
    '5310:1.5:full',
    '5310:0:full:extra',
    ' 5310:0:full',
    '１２３:0:full',
    '123456789012345678901:0:full',
    '5310:1234567:full',
    '<!channel>:0:full',
    '{"id":"5310","page":0,"variant":"full"}',
    'x'.repeat(3000),
  ])('refuses the value %j', (value) => {
    expect(decodeButtonValue(value)).toBeNull();
  });

  it('has distinct action IDs within Slack limits', () => {
    const ids = Object.values(ACTION_IDS);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(255);
  });
});

describe('monitorEventUrl', () => {
  it('links to the event-center detail page, whatever trailing slashes the root has', () => {
    expect(monitorEventUrl('https://paas.example.com/o/bk_monitorv3', '5310')).toBe('https://paas.example.com/o/bk_monitorv3/#/event-center/detail/5310');
    expect(monitorEventUrl('https://paas.example.com/', '164239028644167')).toBe('https://paas.example.com/#/event-center/detail/164239028644167');
  });
});
