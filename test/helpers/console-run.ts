import { PassThrough } from 'node:stream';
import { runConsole, type ConsoleDeps } from '../../src/console/console';

/** Run the console over `lines` (then end of input) and return everything it printed. */
export async function runConsoleLines(lines: readonly string[], deps: Omit<ConsoleDeps, 'input' | 'output'>): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  output.setEncoding('utf8');
  let printed = '';
  output.on('data', (chunk: string) => {
    printed += chunk;
  });
  const done = runConsole({ input, output, ...deps });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}
