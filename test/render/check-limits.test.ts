import type { types } from '@slack/bolt';
import { checkMessageLimits, checkUnfurlLimits } from '../helpers/check-limits';
import type { SlackMessage } from '../../src/render/types';

const section = (text: string): types.SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (fields: Partial<types.Button> = {}): types.Button => ({
  type: 'button',
  action_id: 'a',
  text: { type: 'plain_text', text: 'Go' },
  value: 'v',
  ...fields,
});
const msg = (blocks: types.KnownBlock[], text = 'summary'): SlackMessage => ({ text, blocks });

describe('checkMessageLimits', () => {
  it('passes a small, escaped message with our own date tokens and links', () => {
    expect(checkMessageLimits(msg([section('ok &amp; <!date^1577846280^{time}|10:38> <https://example.com|docs> &lt;!here&gt;')]))).toEqual([]);
  });

  it('reports a missing top-level text', () => {
    expect(checkMessageLimits(msg([section('x')], ' '))).toEqual(['top-level text: missing (push notifications and screen readers use only it)']);
  });

  it('reports more than 50 blocks', () => {
    expect(checkMessageLimits(msg(Array.from({ length: 51 }, () => section('x'))))).toEqual(['blocks: 51 > 50']);
  });

  it('reports a section over 3,000 characters and an empty section', () => {
    expect(checkMessageLimits(msg([section('x'.repeat(3001)), section('')]))).toEqual([
      'block 0 section: 3001 chars > 3000',
      'block 1 section: needs text or fields',
      'block 1: empty mrkdwn text',
    ]);
  });

  it('reports too many fields and a field over 2,000 characters', () => {
    const fields = Array.from({ length: 11 }, (_, i) => ({ type: 'mrkdwn' as const, text: i === 0 ? 'y'.repeat(2001) : 'y' }));
    expect(checkMessageLimits(msg([{ type: 'section', fields }]))).toEqual(['block 0 section: 11 fields > 10', 'block 0 field 0: 2001 chars > 2000']);
  });

  it('reports a header over 150 characters or not plain text', () => {
    expect(checkMessageLimits(msg([{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }]))).toEqual(['block 0 header: 151 chars > 150']);
    const mrkdwnHeader = { type: 'header', text: { type: 'mrkdwn', text: 'h' } } as unknown as types.KnownBlock;
    expect(checkMessageLimits(msg([mrkdwnHeader]))).toEqual(['block 0 header: text must be plain_text']);
  });

  it('reports more than 10 context elements', () => {
    const elements = Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'c' }));
    expect(checkMessageLimits(msg([{ type: 'context', elements }]))).toEqual(['block 0 context: 11 elements > 10']);
  });

  it('reports actions over 25 elements, long button text, value, action_id and block_id, and duplicate action_ids', () => {
    const many = Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` }));
    expect(checkMessageLimits(msg([{ type: 'actions', elements: many }]))).toEqual(['block 0 actions: 26 elements > 25']);
    const bad: types.ActionsBlock = {
      type: 'actions',
      block_id: 'b'.repeat(256),
      elements: [
        button({ text: { type: 'plain_text', text: 't'.repeat(76) }, value: 'v'.repeat(2001), action_id: 'x'.repeat(256) }),
        button({ action_id: 'dup' }),
        button({ action_id: 'dup' }),
      ],
    };
    expect(checkMessageLimits(msg([bad]))).toEqual([
      'block 0: block_id longer than 255',
      'block 0 element 0: action_id longer than 255',
      'block 0 element 0 button: text 76 chars > 75',
      'block 0 element 0 button: value longer than 2000',
      'block 0: duplicate action_id dup',
    ]);
  });

  it('reports a top-level text over 40,000 characters', () => {
    expect(checkMessageLimits(msg([section('x')], 't'.repeat(40_001)))).toEqual(['top-level text: 40001 chars > 40000']);
  });

  it('reports all block text over 12,000 characters even when each block is within its limit', () => {
    const blocks = Array.from({ length: 5 }, () => section('x'.repeat(2500)));
    expect(checkMessageLimits(msg(blocks))).toEqual(['all block text: 12500 chars > 12000 (msg_blocks_too_long)']);
  });

  it.each([
    ['<!channel>', 'unescaped markup "<!channel>"'],
    ['<!here>', 'unescaped markup "<!here>"'],
    ['<!everyone>', 'unescaped markup "<!everyone>"'],
    ['<@U123>', 'unescaped markup "<@U123>"'],
    ['<#C123>', 'unescaped markup "<#C123>"'],
    ['<!subteam^S123>', 'unescaped markup "<!subteam^S123>"'],
    ['<javascript:alert(1)|x>', 'unescaped markup "<javascript:alert(1)|x>"'],
    ['a < b', 'unescaped "<" or ">"'],
    ['a > b', 'unescaped "<" or ">"'],
    ['fish & chips', 'unescaped "&"'],
  ])('reports unescaped %j in mrkdwn', (text, problem) => {
    expect(checkMessageLimits(msg([section(text)]))).toEqual([`block 0: ${problem}`]);
  });

  it('checks the top-level text and context elements for unescaped markup too', () => {
    expect(checkMessageLimits(msg([{ type: 'context', elements: [{ type: 'mrkdwn', text: '<!here>' }] }], 'hi <!channel>'))).toEqual([
      'top-level text: unescaped markup "<!channel>"',
      'block 0: unescaped markup "<!here>"',
    ]);
  });

  it('allows a user mention only in the shared-by context block', () => {
    const sharedBy: types.ContextBlock = { type: 'context', block_id: 'eventlog_shared_by', elements: [{ type: 'mrkdwn', text: 'Shared by <@U024BE7LH>' }] };
    expect(checkMessageLimits(msg([sharedBy]))).toEqual([]);
    expect(checkMessageLimits(msg([{ ...sharedBy, block_id: 'other' }]))).toEqual(['block 0: unescaped markup "<@U024BE7LH>"']);
    expect(checkMessageLimits(msg([{ ...sharedBy, elements: [{ type: 'mrkdwn', text: '<!channel>' }] }]))).toEqual(['block 0: unescaped markup "<!channel>"']);
  });

  it('does not apply mrkdwn escaping rules to plain_text', () => {
    expect(checkMessageLimits(msg([{ type: 'header', text: { type: 'plain_text', text: 'A & B <c>' } }]))).toEqual([]);
  });
});

describe('checkMessageLimits, whole-payload rules', () => {
  it('reports a block_id or action_id used twice anywhere in the payload', () => {
    const a: types.ActionsBlock = { type: 'actions', block_id: 'same', elements: [button({ action_id: 'go' })] };
    const b: types.SectionBlock = { type: 'section', block_id: 'same', text: { type: 'mrkdwn', text: 'x' }, accessory: button({ action_id: 'go' }) };
    expect(checkMessageLimits(msg([a, b]))).toEqual(['block 1: duplicate block_id same', 'block 1: action_id go used again in the same payload']);
  });

  it('reports empty text objects and emoji / verbatim flags on the wrong text type', () => {
    const context = { type: 'context', elements: [{ type: 'mrkdwn', text: '', emoji: true }, { type: 'plain_text', text: 'p', verbatim: true }] } as unknown as types.KnownBlock;
    expect(checkMessageLimits(msg([context]))).toEqual([
      'block 0: empty mrkdwn text',
      'block 0: emoji flag on mrkdwn text',
      'block 0: verbatim flag on plain_text text',
    ]);
  });
});

describe('checkUnfurlLimits', () => {
  it('checks an unfurl\'s blocks as a message\'s, with no top-level text', () => {
    expect(checkUnfurlLimits({ blocks: [section('ok')] })).toEqual([]);
    expect(checkUnfurlLimits({ blocks: [] })).toEqual(['unfurl: no blocks']);
    expect(checkUnfurlLimits({ blocks: [section('<!channel>')] })).toEqual(['block 0: unescaped markup "<!channel>"']);
  });
});
