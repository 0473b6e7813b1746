import { threadLine } from '../../src/watch/watch-render';

/** A watch's thread line: led by the event, in the reader's language down to its punctuation. */
describe('threadLine', () => {
  const changes = [{ kind: 'notices_failed' as const, added: 1, reason: '通知人为空', noReceivers: true }, { kind: 'recovered' as const }];

  it('English: "Event <id>: " then the changes', () => {
    expect(threadLine('8001', changes, null, { lang: 'en', timezone: 'Asia/Shanghai', maxHours: 24 })?.text).toBe('Event 8001: 🚨 a notification failed: 通知人为空 (no receivers) · 🟢 recovered');
  });

  it('Chinese: a full-width colon after the subject, as Chinese text writes it', () => {
    const text = threadLine('8001', changes, null, { lang: 'zh-CN', timezone: 'Asia/Shanghai', maxHours: 24 })?.text ?? '';
    expect(text).toMatch(/^事件 8001：🚨 1 条通知失败/);
    expect(text).not.toContain('8001:');
  });

  it('says nothing when nothing changed and the watch goes on', () => {
    expect(threadLine('8001', [], null, { lang: 'en', timezone: 'Asia/Shanghai', maxHours: 24 })).toBeNull();
  });
});
