import { parseConsoleLine } from '../../src/console/console-command';

describe('parseConsoleLine', () => {
  it.each([
    ['/eventlog 5310', { kind: 'eventlog', text: '5310', format: 'text', page: 0, modal: false, filter: 'all' }],
    ['5310', { kind: 'eventlog', text: '5310', format: 'text', page: 0, modal: false, filter: 'all' }],
    ['  /EVENTLOG 5310 public  ', { kind: 'eventlog', text: '5310 public', format: 'text', page: 0, modal: false, filter: 'all' }],
    ['/eventlog help', { kind: 'eventlog', text: 'help', format: 'text', page: 0, modal: false, filter: 'all' }],
    ['/eventlog', { kind: 'eventlog', text: '', format: 'text', page: 0, modal: false, filter: 'all' }],
    ['json 5310', { kind: 'eventlog', text: '5310', format: 'json', page: 0, modal: false, filter: 'all' }],
    ['JSON /eventlog 5310', { kind: 'eventlog', text: '5310', format: 'json', page: 0, modal: false, filter: 'all' }],
    ['/eventlog 5310 --json', { kind: 'eventlog', text: '5310', format: 'json', page: 0, modal: false, filter: 'all' }],
    ['/eventlog --builder 5310 public', { kind: 'eventlog', text: '5310 public', format: 'builder', page: 0, modal: false, filter: 'all' }],
    ['builder 164239028644167', { kind: 'eventlog', text: '164239028644167', format: 'builder', page: 0, modal: false, filter: 'all' }],
    ['abc', { kind: 'eventlog', text: 'abc', format: 'text', page: 0, modal: false, filter: 'all' }],
    ['jsonx 5', { kind: 'eventlog', text: 'jsonx 5', format: 'text', page: 0, modal: false, filter: 'all' }],
    ['/eventlog 7001 --page=3', { kind: 'eventlog', text: '7001', format: 'text', page: 3, modal: false, filter: 'all' }],
    ['json 7001 --PAGE=12', { kind: 'eventlog', text: '7001', format: 'json', page: 12, modal: false, filter: 'all' }],
    ['/eventlog 7001 --page=x', { kind: 'eventlog', text: '7001 --page=x', format: 'text', page: 0, modal: false, filter: 'all' }],
    ['json 5310 --modal', { kind: 'eventlog', text: '5310', format: 'json', page: 0, modal: true, filter: 'all' }],
    ['/eventlog 7001 --filter=Failures --page=2', { kind: 'eventlog', text: '7001', format: 'text', page: 2, modal: true, filter: 'failures' }],
    ['/eventlog 7001 --all', { kind: 'eventlog', text: '7001 --all', format: 'text', page: 0, modal: false, filter: 'all' }],
    ['/eventlog 7001 --filter=bogus', { kind: 'eventlog', text: '7001 --filter=bogus', format: 'text', page: 0, modal: false, filter: 'all' }],
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
