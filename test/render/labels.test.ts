import { KNOWN_OPERATES, KNOWN_STATUSES } from '../../src/eventlog/model/record';
import { noticeWayLabel, operateLabel, recordEmoji, statusLabel } from '../../src/render/labels';

describe('labels', () => {
  it('has an English and a Chinese label for every known operate, none of them the raw value', () => {
    for (const operate of KNOWN_OPERATES) {
      expect(operateLabel(operate, 'en')).not.toBe(operate);
      expect(operateLabel(operate, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has a label in both languages for every known non-empty status', () => {
    for (const status of KNOWN_STATUSES.filter((s) => s !== '')) {
      expect(statusLabel(status, 'en')).not.toBe(status);
      expect(statusLabel(status, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names operates, statuses and notice ways in Chinese', () => {
    expect(operateLabel('ANOMALY_NOTICE', 'zh-CN')).toBe('告警通知');
    expect(operateLabel('SYSTEM_CLOSE', 'zh-CN')).toBe('告警关闭（系统）');
    expect(statusLabel('PARTIAL_SUCCESS', 'zh-CN')).toBe('部分成功');
    expect(noticeWayLabel('weixin', 'zh-CN')).toBe('微信');
  });

  it('returns unknown values raw, including inherited property names', () => {
    expect(operateLabel('NEW_THING', 'en')).toBe('NEW_THING');
    expect(operateLabel('constructor', 'en')).toBe('constructor');
    expect(statusLabel('toString', 'zh-CN')).toBe('toString');
    expect(noticeWayLabel('carrier-pigeon', 'en')).toBe('carrier-pigeon');
  });

  it('marks troubled statuses with their own emoji, whatever the operate', () => {
    expect(recordEmoji('ANOMALY_NOTICE', 'FAILED')).toBe('🚨');
    expect(recordEmoji('ACTION', 'PARTIAL_SUCCESS')).toBe('⚠️');
    expect(recordEmoji('ANOMALY_NOTICE', 'SHIELDED')).toBe('🔕');
    expect(recordEmoji('RECOVERY_NOTICE', 'RUNNING')).toBe('⏳');
  });

  it('marks a record with the state it moves the event to, a sent notice as delivered, ⚠️ for an unknown status and ▫️ for the rest', () => {
    expect(recordEmoji('CREATE', 'SUCCESS')).toBe('🔴');
    expect(recordEmoji('ANOMALY_NOTICE', 'SUCCESS')).toBe('✅');
    expect(recordEmoji('ACK', '')).toBe('🟠');
    expect(recordEmoji('RECOVER', 'SUCCESS')).toBe('🟢');
    expect(recordEmoji('CLOSE', 'SUCCESS')).toBe('⚪');
    expect(recordEmoji('SEVERITY_UP', 'SUCCESS')).toBe('⚠️');
    expect(recordEmoji('CLOSE', 'EXPLODED')).toBe('⚠️');
    expect(recordEmoji('CONVERGE', 'SUCCESS')).toBe('▫️');
    expect(recordEmoji('NEW_THING', 'SUCCESS')).toBe('▫️');
  });
});
