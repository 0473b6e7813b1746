import { PassThrough } from 'node:stream';
import { runConsole } from '../../src/console/console';
import { createDemoSource } from '../../src/console/demo-data';
it('look', async () => {
  const input = new PassThrough(); const output = new PassThrough(); output.setEncoding('utf8');
  let out = ''; output.on('data', (c: string) => { out += c; });
  const done = runConsole({ input, output, source: createDemoSource('Asia/Shanghai'), sourceLabel: 'built-in demo data', lang: (process.env.LOOK_LANG ?? 'en') as 'en', timezone: 'Asia/Shanghai', monitorUrl: 'https://bk.example.com/o/bk_monitorv3', now: () => Date.parse('2024-08-01T12:00:00Z'), isTTY: false });
  input.end((process.env.LOOK ?? '').split(';').map((l) => l + '\n').join(''));
  await done;
  require('fs').writeFileSync('/tmp/look.txt', out);
});
