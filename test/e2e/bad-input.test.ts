import { type InvalidReason } from '../../src/ids/parse-command';
import { describeInvalid } from '../../src/render/describe-invalid';
import { startHarness, type Harness } from '../helpers/app-harness';
import { logLines, messageText } from '../helpers/message-text';

/** What a bad /eventlog text must be answered with: the usage help, or one specific reason. */
type Expected = InvalidReason | 'help';

// Slack sends what the user typed with &, < and > escaped; links and mentions arrive as <…> markup.
const CASES: ReadonlyArray<[label: string, text: string, expected: Expected]> = [
  ['empty', '', 'help'],
  ['only spaces', '     ', 'help'],
  ['only a tab', '\t', 'help'],
  ['letters', 'abc', 'not_a_number'],
  ['a number in words', 'five', 'not_a_number'],
  ['digits followed by letters', '5310abc', 'not_a_number'],
  ['NaN', 'NaN', 'not_a_number'],
  ['Infinity', 'Infinity', 'not_a_number'],
  ['null', 'null', 'not_a_number'],
  ['negative', '-5', 'negative'],
  ['negative alert ID', '-164239028644167', 'negative'],
  ['negative with a Unicode minus', '−5', 'negative'],
  ['zero', '0', 'zero'],
  ['several zeros', '000', 'zero'],
  ['leading zero', '007', 'leading_zero'],
  ['plus sign', '+5', 'plus_sign'],
  ['decimal', '1.5', 'decimal'],
  ['decimal with a zero fraction', '5310.0', 'decimal'],
  ['decimal without an integer part', '.5', 'decimal'],
  ['exponent', '1e5', 'exponent'],
  ['exponent with a fraction', '1.64e14', 'exponent'],
  ['signed upper-case exponent', '1E+10', 'exponent'],
  ['hex', '0x1F', 'hex'],
  ['upper-case hex', '0XFF', 'hex'],
  ['thousands separator', '1,234', 'digit_separators'],
  ['underscore separator', '1_234', 'digit_separators'],
  ['21 digits', '123456789012345678901', 'too_long'],
  ['40 digits', '9'.repeat(40), 'too_long'],
  ['full-width digits', '１２３', 'full_width_digits'],
  ['full-width digits with public', '１２３ public', 'full_width_digits'],
  ['Arabic-Indic digits', '١٢٣', 'non_ascii_digits'],
  ['Devanagari digits', '१२३', 'non_ascii_digits'],
  ['mathematical bold digits', '𝟏𝟐𝟑', 'non_ascii_digits'],
  ['trailing zero-width space', '5310\u200b', 'invisible_characters'],
  ['leading zero-width space', '\u200b5310', 'invisible_characters'],
  ['right-to-left override', '\u202e0135', 'invisible_characters'],
  ['left-to-right isolate', '5310\u2066', 'invisible_characters'],
  ['byte-order mark', '\ufeff5310', 'invisible_characters'],
  ['NUL character', '\u0000', 'invisible_characters'],
  ['SQL comment injection', '1; DROP TABLE events;--', 'unexpected_words'],
  ['SQL tautology', "' OR '1'='1", 'not_a_number'],
  ['SQL after an ID', '5310 OR 1=1', 'unexpected_words'],
  ['SQL union', '5310 UNION SELECT password FROM users', 'unexpected_words'],
  ['shell substitution', '$(rm -rf /)', 'not_a_number'],
  ['shell backticks', '`reboot`', 'not_a_number'],
  ['shell chaining (escaped by Slack)', '5310 &amp;&amp; curl evil.example', 'unexpected_words'],
  ['shell sequence', '5310; cat /etc/passwd', 'unexpected_words'],
  ['shell pipe', '5310|cat', 'not_a_number'],
  ['path traversal', '../../etc/passwd', 'not_a_number'],
  ['HTML tag (escaped by Slack)', '&lt;script&gt;alert(1)&lt;/script&gt;', 'not_a_number'],
  ['template placeholder', '{{alarm.id}}', 'not_a_number'],
  ['10 KB of text', 'x'.repeat(10 * 1024), 'too_long_text'],
  ['an ID followed by 10 KB', `5310 ${'a'.repeat(10 * 1024)}`, 'too_long_text'],
  ['@channel', '<!channel>', 'mention'],
  ['@here', '<!here>', 'mention'],
  ['user mention', '<@U123ABC>', 'mention'],
  ['user-group mention', '<!subteam^S123|@oncall>', 'mention'],
  ['channel link', '<#C0123|incident>', 'mention'],
  ['disguised link', '<https://evil.example|click>', 'link_without_id'],
  ['BlueKing link with an action ID only', '<https://bk.example.com/o/bk_monitorv3/?bizId=2#/event-center?actionId=123>', 'link_without_id'],
  ['bare URL', 'https://example.com', 'link_without_id'],
  ['mailto link', '<mailto:a@b.example|a@b.example>', 'link_without_id'],
  ['two IDs', '123 456', 'several_ids'],
  ['two IDs with a comma', '5310, 4821', 'several_ids'],
  ['two IDs on two lines', '5310\n4821', 'several_ids'],
  ['only public', 'public', 'missing_id'],
  ['an ID and a word', '5310 please', 'unexpected_words'],
  ['an ID and a flag', '5310 --force', 'unexpected_words'],
  ['label with zero', '告警ID: 0', 'zero'],
  ['label with leading zeros', 'Alert ID: 00123', 'leading_zero'],
];

describe('/eventlog with bad input, through the real app', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ LOG_LEVEL: 'info' });
  });

  afterAll(() => h.close());

  it('has at least 50 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  it('answers help and a bad ID under the command’s own name when the team renamed it, naming no demo ID', async () => {
    for (const text of ['help', 'abc']) {
      const res = await h.postCommand(text, { command: '/bk-eventlog' });
      const said = messageText((await res.json()) as Record<string, unknown>);
      expect(said).toContain('/bk-eventlog');
      expect(said).not.toContain('/eventlog');
      expect(said).not.toMatch(/164239028644167|5310/);
    }
  });

  it.each(CASES)('answers %s with its specific reason, in the ack', async (_label, text, expected) => {
    const res = await h.postCommand(text);
    expect(res.status).toBe(200);
    const ack = (await res.json()) as Record<string, unknown>;
    const raw = JSON.stringify(ack);
    expect(ack.response_type).toBe('ephemeral');

    const said = messageText(ack);
    if (expected === 'help') {
      expect(said).toContain('How to use /eventlog');
    } else {
      expect(said).toContain('Could not read an event ID');
      expect(said).toContain(describeInvalid(expected, 'en'));
      const logged = logLines(h.logs, 'command.invalid').at(-1);
      expect(logged).toMatchObject({ level: 'info', reason: expected, user: 'U0ALICE', channel: 'C0INCIDENT' });
    }
    // What the user typed is echoed inert and short: no Slack markup, no invisible characters, no wall of text.
    expect(raw).not.toMatch(/<[!@#]|<https?:|<mailto:/);
    expect(said).not.toMatch(/[\u200b\u202a-\u202e\u2066-\u2069\ufeff\u0000]/);
    expect(raw.length).toBeLessThan(3000);
  });

  it('sent nothing to BlueKing and nothing to response_url for any of them', async () => {
    // Lookups start after the ack; give a stray one time to show before counting.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.esb.requests).toHaveLength(0);
    expect(h.responses.requests).toHaveLength(0);
    expect(logLines(h.logs, 'lookup')).toHaveLength(0);
  });
});
