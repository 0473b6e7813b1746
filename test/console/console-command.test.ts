import { parseConsoleLine } from '../../src/console/console-command';

describe('parseConsoleLine', () => {
  it.each([
    ['/eventlog 5310', { kind: 'eventlog', text: '5310', format: 'text' }],
    ['5310', { kind: 'eventlog', text: '5310', format: 'text' }],
    ['  /EVENTLOG 5310 public  ', { kind: 'eventlog', text: '5310 public', format: 'text' }],
    ['/eventlog help', { kind: 'eventlog', text: 'help', format: 'text' }],
    ['/eventlog', { kind: 'eventlog', text: '', format: 'text' }],
    ['json 5310', { kind: 'eventlog', text: '5310', format: 'json' }],
    ['JSON /eventlog 5310', { kind: 'eventlog', text: '5310', format: 'json' }],
    ['/eventlog 5310 --json', { kind: 'eventlog', text: '5310', format: 'json' }],
    ['/eventlog --builder 5310 public', { kind: 'eventlog', text: '5310 public', format: 'builder' }],
    ['builder 164239028644167', { kind: 'eventlog', text: '164239028644167', format: 'builder' }],
    ['abc', { kind: 'eventlog', text: 'abc', format: 'text' }],
    ['jsonx 5', { kind: 'eventlog', text: 'jsonx 5', format: 'text' }],
  ])('reads %j as a /eventlog request', (line, expected) => {
    expect(parseConsoleLine(line)).toEqual(expected);
  });

  it.each(['help', 'HELP', '?', '/help'])('reads %j as help', (line) => {
    expect(parseConsoleLine(line)).toEqual({ kind: 'help' });
  });

  it.each(['quit', 'exit', 'Q', '/exit'])('reads %j as quit', (line) => {
    expect(parseConsoleLine(line)).toEqual({ kind: 'quit' });
  });

  it('reads a blank line as nothing to do', () => {
    expect(parseConsoleLine(' \t ')).toEqual({ kind: 'empty' });
  });

  it('names another slash command as unknown instead of looking it up', () => {
    expect(parseConsoleLine('/evenlog 5310')).toEqual({ kind: 'unknown_command', name: '/evenlog' });
  });
});
