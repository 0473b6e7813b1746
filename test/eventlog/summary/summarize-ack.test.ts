import { parseAck } from '../../../src/eventlog/summary/summarize-ack';
import { rec } from './summarize-fixtures';

describe('parseAck', () => {
  it('reads the operator and note of a new-generation ACK message', () => {
    expect(parseAck(rec({ operate: 'ACK', message: 'admin确认了该告警事件并备注：,rolling back' }))).toEqual({ by: 'admin', note: 'rolling back' });
  });

  it('reads a new-generation ACK without a note', () => {
    expect(parseAck(rec({ operate: 'ACK', message: 'zhangsan确认了该告警事件并备注：,' }))).toEqual({ by: 'zhangsan', note: null });
    expect(parseAck(rec({ operate: 'ACK', message: 'zhangsan确认了该告警事件' }))).toEqual({ by: 'zhangsan', note: null });
  });

  it('reads the join artifact of the real template away: "备注：,已扩容…" is the note "已扩容…" by zhangsan', () => {
    expect(parseAck(rec({ operate: 'ACK', message: 'zhangsan确认了该告警事件并备注：,已扩容 2 台实例，观察中' }))).toEqual({
      by: 'zhangsan',
      note: '已扩容 2 台实例，观察中',
    });
  });

  it('reads the English rendering of the same templates', () => {
    expect(parseAck(rec({ operate: 'ACK', message: 'zhangsan Confirmed the event and alarm NOTE:,scaled out' }))).toEqual({ by: 'zhangsan', note: 'scaled out' });
    expect(parseAck(rec({ operate: 'ACK', message: 'zhangsan Confirmed the alarm' }))).toEqual({ by: 'zhangsan', note: null });
  });

  it('keeps a multi-line note whole', () => {
    expect(parseAck(rec({ operate: 'ACK', message: 'admin确认了该告警事件并备注：,line 1\nline 2' }))).toEqual({ by: 'admin', note: 'line 1\nline 2' });
  });

  it('takes the old-generation note from extend_info.message and the operator from a bare username message', () => {
    expect(parseAck(rec({ operate: 'ACK', message: 'lisi', ackNote: '处理中' }))).toEqual({ by: 'lisi', note: '处理中' });
    expect(parseAck(rec({ operate: 'ACK', message: '', ackNote: '处理中' }))).toEqual({ by: null, note: '处理中' });
  });

  it('treats any other message as the note when no operator can be read', () => {
    expect(parseAck(rec({ operate: 'ACK', message: 'acknowledged via phone' }))).toEqual({ by: null, note: 'acknowledged via phone' });
    expect(parseAck(rec({ operate: 'ACK', message: '  ' }))).toEqual({ by: null, note: null });
  });
});
