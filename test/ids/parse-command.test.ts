import { INVALID_REASONS, parseCommandText, withoutUserMentions, type InvalidReason } from '../../src/ids/parse-command';
import { describeInvalid } from '../../src/render/describe-invalid';

const ALERT_ID = '164239028644167';
const MONITOR = 'https://paas.example.com/o/bk_monitorv3/?bizId=2';

describe('parseCommandText: help', () => {
  it.each(['', '   ', '\t\n', 'help', 'HELP', 'Help', '帮助', '-h', '--help', '?', '？', 'help public'])(
    'answers %j with help',
    (text) => {
      expect(parseCommandText(text)).toEqual({ kind: 'help' });
    },
  );
});

describe('parseCommandText: good input', () => {
  const cases: Array<[string, string, boolean]> = [
    ['123', '123', false],
    ['  123  ', '123', false],
    ['\t123\n', '123', false],
    [ALERT_ID, ALERT_ID, false],
    ['1', '1', false],
    ['99999999999999999999', '99999999999999999999', false],
    ['123 public', '123', true],
    ['123 PUBLIC', '123', true],
    ['123 pub', '123', true],
    ['123 公开', '123', true],
    ['123 in_channel', '123', true],
    ['public 123', '123', true],
    ['123\u3000public', '123', true],
    ['#123', '123', false],
    ['"123"', '123', false],
    ['`123`', '123', false],
    ['*123*', '123', false],
    ['“123”', '123', false],
    ['id:123', '123', false],
    ['ID 123', '123', false],
    ['id=123 public', '123', true],
    [`${MONITOR}#/event-center/detail/${ALERT_ID}`, ALERT_ID, false],
    [`<${MONITOR}#/event-center/detail/${ALERT_ID}|查看告警>`, ALERT_ID, false],
    [`<${MONITOR}#/event-center/detail/${ALERT_ID}|open the alert> public`, ALERT_ID, true],
    [`<${MONITOR}#/event-center/detail/${ALERT_ID}>`, ALERT_ID, false],
    [`<${MONITOR.replace('?', '?x=1&amp;')}&amp;alertId=${ALERT_ID}>`, ALERT_ID, false],
    [`${MONITOR}#/event-center?alertId=5&specEvent=1`, '5', false],
    [`${MONITOR}#/event-center?alert_id=5`, '5', false],
    [`${MONITOR}#/event-center?eventId=4821`, '4821', false],
    [`${MONITOR}#/trace/alarm-center/detail/${ALERT_ID}`, ALERT_ID, false],
    [`${MONITOR}#/event-center?queryString=id%20%3A%20${ALERT_ID}`, ALERT_ID, false],
    [`https://paas.example.com/login/?c_url=%2Fo%2Fbk_monitorv3%2F%3FbizId%3D2%23%2Fevent-center%2Fdetail%2F${ALERT_ID}`, ALERT_ID, false],
    [`#/event-center/detail/${ALERT_ID}`, ALERT_ID, false],
    [`告警ID: ${ALERT_ID}`, ALERT_ID, false],
    [`告警ID:${ALERT_ID}`, ALERT_ID, false],
    [`告警 ID：${ALERT_ID}`, ALERT_ID, false],
    [`事件ID：4821`, '4821', false],
    ['Alert ID: 123', '123', false],
    ['event id #123 public', '123', true],
    [`*告警ID:* *${ALERT_ID}*`, ALERT_ID, false],
    [
      `【蓝鲸监控】[致命] 告警名称: CPU使用率过高\n告警级别: 致命\n告警目标: 10.0.0.1\n告警内容: CPU使用率 >= 95.0%, 当前值 98.2%\n告警ID: ${ALERT_ID}\n详情: <${MONITOR}#/event-center/detail/${ALERT_ID}>`,
      ALERT_ID,
      false,
    ],
    [`告警名称: 磁盘使用率（９０％）\n告警ID: ${ALERT_ID} public`, ALERT_ID, true],
  ];
  it.each(cases)('reads %j as ID %s (public: %s)', (text, id, isPublic) => {
    expect(parseCommandText(text)).toEqual({ kind: 'lookup', id, public: isPublic, watch: false, all: false });
  });

  it.each([
    ['5310 watch', false],
    ['watch 5310', false],
    ['关注 5310', false],
    ['5310 public watch', true],
    ['watch 5310 public', true],
  ])('reads the watch flag in %j', (text, isPublic) => {
    expect(parseCommandText(text)).toEqual({ kind: 'lookup', id: '5310', public: isPublic, watch: true, all: false });
  });

  it('takes each flag once: a second "watch" is an unexpected word', () => {
    expect(parseCommandText('watch 5310 watch')).toMatchObject({ kind: 'invalid', reason: 'unexpected_words' });
  });

  it.each([
    ['123 --all', false],
    ['--all 123', false],
    ['123 —all', false],
    ['123 --ALL', false],
    ['123 --all public', true],
    ['public 123 --all', true],
    ['--all 123 public', true],
  ])('reads %j as the Full log of 123 (public: %s)', (text, isPublic) => {
    expect(parseCommandText(text)).toEqual({ kind: 'lookup', id: '123', public: isPublic, watch: false, all: true });
  });

  it('takes the event-center route with ?id= as a link to that event', () => {
    expect(parseCommandText(`${MONITOR}#/event-center?id=${ALERT_ID}&from=now-7d`)).toMatchObject({ id: ALERT_ID });
    expect(parseCommandText(`${MONITOR}#/event-center?bizIds=2&id=${ALERT_ID}`)).toMatchObject({ id: ALERT_ID });
  });
});

describe('parseCommandText: bad input', () => {
  const tenKb = 'x'.repeat(10 * 1024);
  const cases: Array<[string, InvalidReason]> = [
    ['abc', 'not_a_number'],
    ['hello world', 'not_a_number'],
    ['NaN', 'not_a_number'],
    ['Infinity', 'not_a_number'],
    ['123abc', 'not_a_number'],
    ['12-34', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['id', 'not_a_number'],
    ['#', 'not_a_number'],
    ['""', 'not_a_number'],
    ['@here', 'not_a_number'],
    ['🔥', 'not_a_number'],
    ['-5', 'negative'],
    [`-${ALERT_ID}`, 'negative'],
    ['\u22125', 'negative'],
    ['-0', 'negative'],
    ['-1.5', 'negative'],
    ['0', 'zero'],
    ['000', 'zero'],
    ['007', 'leading_zero'],
    ['+5', 'plus_sign'],
    ['1.5', 'decimal'],
    ['.5', 'decimal'],
    ['5.', 'decimal'],
    ['1e5', 'exponent'],
    ['1E+5', 'exponent'],
    ['1.5e3', 'exponent'],
    ['0x1F', 'hex'],
    ['0XFF', 'hex'],
    ['1,234', 'digit_separators'],
    ['1_000', 'digit_separators'],
    ['1'.repeat(21), 'too_long'],
    ['9'.repeat(40), 'too_long'],
    ['１２３', 'full_width_digits'],
    ['１６４２３９０２８６４４１６７ public', 'full_width_digits'],
    ['０', 'full_width_digits'],
    ['告警ID: １２３', 'full_width_digits'],
    ['١٢٣', 'non_ascii_digits'],
    ['123\u200B', 'invisible_characters'],
    ['\u200B123', 'invisible_characters'],
    ['12\u200D3', 'invisible_characters'],
    ['\u202E321', 'invisible_characters'],
    ['123\u2066', 'invisible_characters'],
    ['\uFEFF123', 'invisible_characters'],
    ['12\u00003', 'invisible_characters'],
    ['\u00AD123', 'invisible_characters'],
    ['123\u200F public', 'invisible_characters'],
    ['1; DROP TABLE events', 'unexpected_words'],
    ["1' OR '1'='1", 'not_a_number'],
    ['$(rm -rf /)', 'not_a_number'],
    ['`id`', 'not_a_number'],
    ['`rm -rf /`', 'not_a_number'],
    ['123 && reboot', 'unexpected_words'],
    ['123|cat /etc/passwd', 'not_a_number'],
    [tenKb, 'too_long_text'],
    ['1'.repeat(10 * 1024), 'too_long_text'],
    ['<!channel>', 'mention'],
    ['<!here>', 'mention'],
    ['<@U123ABC>', 'mention'],
    ['<#C123ABC|general>', 'mention'],
    ['<!subteam^S123|@sre>', 'mention'],
    ['123 <!channel>', 'mention'],
    ['https://paas.example.com/o/bk_monitorv3/', 'link_without_id'],
    [`<${MONITOR}#/event-center|告警中心>`, 'link_without_id'],
    [`${MONITOR}#/event-center/action-detail/${ALERT_ID}`, 'link_without_id'],
    [`${MONITOR}#/event-center?collectId=${ALERT_ID}`, 'link_without_id'],
    [`${MONITOR}#/event-center?queryString=action_id%20%3A%20${ALERT_ID}`, 'link_without_id'],
    [`${MONITOR}#/trace/alarm-center/detail/${ALERT_ID}?alarmType=action`, 'link_without_id'],
    [`${MONITOR}#/strategy-config/detail/42?strategy_id=42&bk_biz_id=2`, 'link_without_id'],
    ['123 456', 'several_ids'],
    ['123, 456', 'several_ids'],
    ['1 2 3', 'several_ids'],
    ['12\t34', 'several_ids'],
    ['12\n34', 'several_ids'],
    [`告警ID: ${ALERT_ID} 告警ID: 164239028644168`, 'several_ids'],
    [`${MONITOR}#/event-center/detail/1 ${MONITOR}#/event-center/detail/2`, 'several_ids'],
    ['123 🔥', 'unexpected_words'],
    ['123 please', 'unexpected_words'],
    ['please show 123', 'unexpected_words'],
    ['123 public extra', 'unexpected_words'],
    ['public', 'missing_id'],
    ['公开', 'missing_id'],
    ['告警ID: 0', 'zero'],
    ['alertId=007', 'leading_zero'],
    [`告警ID: ${'1'.repeat(25)}`, 'too_long'],
  ];

  it('covers at least 60 bad inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases.map(([text, reason]) => [JSON.stringify(text).slice(0, 60), text, reason] as const))(
    'rejects %s',
    (_label, text, reason) => {
      const result = parseCommandText(text);
      expect(result.kind).toBe('invalid');
      expect(result).toMatchObject({ reason });
    },
  );
});

describe('parseCommandText: excerpts', () => {
  it('quotes the offending word', () => {
    expect(parseCommandText('1e5 public')).toEqual({ kind: 'invalid', reason: 'exponent', excerpt: '1e5' });
  });

  it('quotes the whole text when words are the problem', () => {
    expect(parseCommandText('1; DROP TABLE events')).toEqual({
      kind: 'invalid',
      reason: 'unexpected_words',
      excerpt: '1; DROP TABLE events',
    });
  });

  it('quotes the unusable number behind a label', () => {
    expect(parseCommandText('告警ID: 0')).toEqual({ kind: 'invalid', reason: 'zero', excerpt: '0' });
  });

  it('shows invisible characters by code point', () => {
    expect(parseCommandText('123\u200B')).toEqual({ kind: 'invalid', reason: 'invisible_characters', excerpt: '123[U+200B]' });
  });

  it('starts the excerpt near an invisible character deep in the text', () => {
    const text = `告警名称: CPU使用率过高 on host web-01.example.com\n告警ID: 1642\u200B39028644167`;
    expect(parseCommandText(text)).toEqual({ kind: 'invalid', reason: 'invisible_characters', excerpt: '…告警ID: 1642[U+200B]39028644167' });
  });

  it('cuts long input to 40 characters ending in an ellipsis', () => {
    const result = parseCommandText('x'.repeat(10 * 1024));
    expect(result).toEqual({ kind: 'invalid', reason: 'too_long_text', excerpt: `${'x'.repeat(39)}…` });
  });

  it('cuts by characters, never inside an emoji', () => {
    const result = parseCommandText('🔥'.repeat(50));
    expect(result).toEqual({ kind: 'invalid', reason: 'not_a_number', excerpt: `${'🔥'.repeat(39)}…` });
  });

  it('collapses line breaks and tabs to single spaces', () => {
    expect(parseCommandText('123\n\t456')).toEqual({ kind: 'invalid', reason: 'several_ids', excerpt: '123 456' });
  });

  it('keeps Slack markup raw for the renderer to escape', () => {
    expect(parseCommandText('<!channel>')).toEqual({ kind: 'invalid', reason: 'mention', excerpt: '<!channel>' });
  });
});

describe('describeInvalid', () => {
  it.each(INVALID_REASONS.flatMap((reason) => [[reason, 'en'] as const, [reason, 'zh-CN'] as const]))(
    'explains %s in %s as one plain sentence without Slack markup',
    (reason, lang) => {
      const sentence = describeInvalid(reason, lang);
      expect(sentence.length).toBeGreaterThan(10);
      expect(sentence).not.toMatch(/[<>&*`]/);
    },
  );

  it('tells full-width typists to use ordinary digits', () => {
    expect(describeInvalid('full_width_digits', 'en')).toBe(
      'The ID is typed in full-width digits (１２３). Type it with ordinary digits 0-9, e.g. 170245811112345.',
    );
    expect(describeInvalid('full_width_digits', 'zh-CN')).toBe(
      'ID 使用了全角数字（１２３）。请切换到半角，输入普通数字 0-9，例如 170245811112345。',
    );
  });

  it('says how many digits an ID may have', () => {
    expect(describeInvalid('too_long', 'en')).toBe('Event IDs have at most 20 digits. Check that you copied only the ID.');
  });

  it('gives each reason its own explanation', () => {
    const sentences = new Set(INVALID_REASONS.map((reason) => describeInvalid(reason, 'en')));
    expect(sentences.size).toBe(INVALID_REASONS.length);
  });
});

describe('withoutUserMentions', () => {
  it.each([
    ['<@U0BOT> 123 public', '123 public'],
    ['<@U0BOT|eventlog>  告警ID: 4821', '告警ID: 4821'],
    [' <@U0BOT> <@W0OTHER> 123', '123'],
    ['123 <@U0BOT>', '123'],
    ['<@U0BOT>', ''],
    ['<!here> 123', '<!here> 123'],
    ['<#C0ALERTS> 123', '<#C0ALERTS> 123'],
  ])('turns %j into %j', (text, expected) => {
    expect(withoutUserMentions(text)).toBe(expected);
  });

  it('leaves an @mention reply ready to parse', () => {
    expect(parseCommandText(withoutUserMentions('<@U0BOT> 164239028644167'))).toEqual({
      kind: 'lookup',
      id: '164239028644167',
      public: false,
      watch: false,
      all: false,
    });
  });
});
