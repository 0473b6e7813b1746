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

  it('words a failed delivery in the reader\'s language: the way\'s name, the list of receivers, the colon', () => {
    const failure = { kind: 'delivery' as const, way: 'voice', wayLabel: '语音', receivers: ['lisi', 'wangwu'], reason: '用户[lisi]的手机号码格式不正确' };
    const change = { kind: 'notices_failed' as const, added: 1, reason: failure.reason, noReceivers: false, failure };
    const line = (lang: 'en' | 'zh-CN'): string => threadLine('164239028644167', [change], null, { lang, timezone: 'Asia/Shanghai', maxHours: 24 })?.text ?? '';
    expect(line('zh-CN')).toBe('告警 164239028644167：🚨 1 条通知失败（电话 → lisi、wangwu：用户[lisi]的手机号码格式不正确）');
    expect(line('en')).toBe('Alert 164239028644167: 🚨 a notification failed: voice → lisi, wangwu: 用户[lisi]的手机号码格式不正确 (phone number format is wrong)');
  });

  it('says nothing when nothing changed and the watch goes on', () => {
    expect(threadLine('8001', [], null, { lang: 'en', timezone: 'Asia/Shanghai', maxHours: 24 })).toBeNull();
  });
});
