import { SETTING_NAMES } from '../src/config';
import { unknownSettings } from '../src/unknown-settings';

describe('unknownSettings', () => {
  it('names a typo of a setting and what it likely meant, never a value', () => {
    const found = unknownSettings({ SLACK_BOT_TOKN: 'xoxb-secret', BK_APPCODE: 'app', SLACK_BOT_TOKEN: 'xoxb-1', PATH: '/bin' }, SETTING_NAMES);
    expect(found).toEqual([
      { name: 'BK_APPCODE', didYouMean: 'BK_APP_CODE' },
      { name: 'SLACK_BOT_TOKN', didYouMean: 'SLACK_BOT_TOKEN' },
    ]);
    expect(JSON.stringify(found)).not.toContain('secret');
  });

  it('names any other variable under our prefixes, and leaves the rest of the environment alone', () => {
    expect(unknownSettings({ BK_MONITOR_HOST: 'x', WATCH_EVERY: '5', HOME: '/root', LANG: 'C.UTF-8', NODE_OPTIONS: '' }, SETTING_NAMES)).toEqual([
      { name: 'BK_MONITOR_HOST', didYouMean: null },
      { name: 'WATCH_EVERY', didYouMean: null },
    ]);
    expect(unknownSettings({ LOG_LEVLE: 'debug' }, SETTING_NAMES)).toEqual([{ name: 'LOG_LEVLE', didYouMean: 'LOG_LEVEL' }]);
  });

  it('says nothing about the bot’s own settings', () => {
    expect(unknownSettings(Object.fromEntries(SETTING_NAMES.map((name) => [name, ''])), SETTING_NAMES)).toEqual([]);
  });
});
