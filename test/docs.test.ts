import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTING_NAMES } from '../src/config';

/** The README and .env.example say every setting the bot reads, so an operator never has to read the code. */

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const envExample = readFileSync(join(root, '.env.example'), 'utf8');

describe('settings documentation', () => {
  it('reads some settings (the list is the schema itself)', () => {
    expect(SETTING_NAMES).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'BK_API_BASE_URL', 'BK_EMAIL_DOMAINS', 'BK_ALERT_CONTEXT']));
  });

  it.each(SETTING_NAMES.map((name) => [name]))('%s is in the README’s settings table', (name) => {
    expect(readme).toMatch(new RegExp('\\| [^\\n]*`' + name + '`'));
  });

  it.each(SETTING_NAMES.map((name) => [name]))('%s is in .env.example', (name) => {
    expect(envExample).toMatch(new RegExp(`^#?\\s*${name}=`, 'm'));
  });

  it('the README starts with the two commands: one that runs the bot, one that runs the tests', () => {
    const blocks = [...readme.matchAll(/```sh\n([^`]*)```/g)].map((m) => m[1].trim());
    expect(blocks[0]).toMatch(/npm ci && .*npm start/);
    expect(blocks[1]).toBe('npm test');
  });

  it('the README stays a front door (at most 250 lines)', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
  });
});
