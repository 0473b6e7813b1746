import type { ItemResult, Row } from '../../bench/bench-types';
import type { Machine } from '../../bench/machine';
import { formatMarkdown, formatTable, jsonLine, machineLine } from '../../bench/report';

const MACHINE: Machine = { cpu: 'Test CPU @ 2.0GHz', cores: 2, memory_gb: 4, node: 'v20.0.0', platform: 'linux-x64' };

const ROWS: Row[] = [
  { item: '1 ack latency', figure: 'p50 bot / ack-only (ms)', value: '0.5 / 0.4 = 1.25×', target: '≤ 1.2×', verdict: 'MISS' },
  { item: '', figure: 'acks measured', value: '2000 / 2000', target: '', verdict: '' },
];

function item(key: string, pass: boolean): ItemResult {
  return { key, figures: { ratio: 1.5, pass }, rows: [] };
}

describe('bench report', () => {
  it('names the machine: CPU, cores, memory and Node version', () => {
    expect(machineLine(MACHINE)).toBe('Test CPU @ 2.0GHz, 2 cores, 4 GB, Node v20.0.0 (linux-x64)');
  });

  it('prints a table whose columns line up, with the machine and any notes above it', () => {
    const lines = formatTable(ROWS, MACHINE, ['Bot run with NODE_OPTIONS=--x']).split('\n');
    expect(lines[0]).toBe(`Machine: ${machineLine(MACHINE)}`);
    expect(lines[1]).toBe('Bot run with NODE_OPTIONS=--x');
    expect(lines[3]).toBe('Item           Figure                   Measured           Target');
    expect(lines[5]).toBe('1 ack latency  p50 bot / ack-only (ms)  0.5 / 0.4 = 1.25×  ≤ 1.2×  MISS');
    expect(lines[6]).toBe('               acks measured            2000 / 2000');
    expect(lines[5].indexOf('0.5 /')).toBe(lines[3].indexOf('Measured'));
  });

  it('prints the same rows as a Markdown table, escaping pipes', () => {
    const markdown = formatMarkdown([{ ...ROWS[0], value: 'a | b' }], MACHINE).split('\n');
    expect(markdown[2]).toBe('| Item | Figure | Measured | Target |  |');
    expect(markdown[3]).toBe('| --- | --- | --- | --- | --- |');
    expect(markdown[4]).toBe('| 1 ack latency | p50 bot / ack-only (ms) | a \\| b | ≤ 1.2× | MISS |');
  });

  it('puts every item’s figures on one JSON line, passing only when every item passed', () => {
    const line = jsonLine([item('throughput', true), item('memory', false)], MACHINE, 95.5);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      bench: 'bk-eventlog-slack',
      machine: MACHINE,
      app_node_options: null,
      duration_s: 95.5,
      throughput: { ratio: 1.5, pass: true },
      memory: { ratio: 1.5, pass: false },
      pass: false,
    });
    expect(JSON.parse(jsonLine([item('throughput', true)], MACHINE, 1, '--max-old-space-size=256'))).toMatchObject({
      app_node_options: '--max-old-space-size=256',
      pass: true,
    });
  });
});
