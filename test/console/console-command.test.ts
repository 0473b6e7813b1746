import { parseConsoleLine } from '../../src/console/console-command';

describe('parseConsoleLine', () => {
  it.each([
    ['/eventlog 5310', { kind: 'eventlog', text: '5310', format: 'text', page: 0 }],
    ['5310', { kind: 'eventlog', text: '5310', format: 'text', page: 0 }],
    ['  /EVENTLOG 5310 public  ', { kind: 'eventlog', text: '5310 public', format: 'text', page: 0 }],
    ['/eventlog help', { kind: 'eventlog', text: 'help', format: 'text', page: 0 }],
    ['/eventlog', { kind: 'eventlog', text: '', format: 'text', page: 0 }],
    ['json 5310', { kind: 'eventlog', text: '5310', format: 'json', page: 0 }],
    ['JSON /eventlog 5310', { kind: 'eventlog', text: '5310', format: 'json', page: 0 }],
    ['/eventlog 5310 --json', { kind: 'eventlog', text: '5310', format: 'json', page: 0 }],
    ['/eventlog --builder 5310 public', { kind: 'eventlog', text: '5310 public', format: 'builder', page: 0 }],
    ['builder 164239028644167', { kind: 'eventlog', text: '164239028644167', format: 'builder', page: 0 }],
    ['abc', { kind: 'eventlog', text: 'abc', format: 'text', page: 0 }],
    ['jsonx 5', { kind: 'eventlog', text: 'jsonx 5', format: 'text', page: 0 }],
    ['/eventlog 7001 --page=3', { kind: 'eventlog', text: '7001', format: 'text', page: 3 }],
    ['json 7001 --PAGE=12', { kind: 'eventlog', text: '7001', format: 'json', page: 12 }],
    ['/eventlog 7001 --page=x', { kind: 'eventlog', text: '7001 --page=x', format: 'text', page: 0 }],
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
