import { createCoalescer } from '../../../src/eventlog/service/coalesce';

describe('createCoalescer', () => {
  it('lets callers of one key share the running call, and counts each joiner', async () => {
    const joins: string[] = [];
    const calls = createCoalescer<string>(() => joins.push('joined'));
    let finish: (value: string) => void = () => undefined;
    const call = jest.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const first = calls.run('a', call);
    const second = calls.run('a', call);
    finish('answer');
    expect(await Promise.all([first, second])).toEqual(['answer', 'answer']);
    expect(call).toHaveBeenCalledTimes(1);
    expect(joins).toEqual(['joined']);
  });

  it('runs different keys apart, and starts afresh once a call has ended (failed or not)', async () => {
    const calls = createCoalescer<string>(() => undefined);
    expect(await Promise.all([calls.run('a', async () => 'A'), calls.run('b', async () => 'B')])).toEqual(['A', 'B']);
    await expect(calls.run('a', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await calls.run('a', async () => 'again')).toBe('again');
  });
});
