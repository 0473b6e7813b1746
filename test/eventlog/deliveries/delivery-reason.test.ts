import { shortReason } from '../../../src/eventlog/deliveries/delivery-reason';

// The wrapper is bk-monitor's BKAPIError text (core/errors/api.py), with CMSI's whole answer as a Python dict.
describe('shortReason', () => {
  it('reduces the CMSI wrapper to its inner message, keeping system and code', () => {
    expect(
      shortReason(
        "请求系统'cmsi'错误，返回错误码: 1306000，返回消息: {'result': False, 'code': 1306000, 'message': '用户[lisi]的手机号码格式不正确', 'data': None}，请求URL: send_voice_msg",
      ),
    ).toBe('用户[lisi]的手机号码格式不正确 (cmsi 1306000)');
  });

  it('reads a message Python quoted with double quotes (it held a single quote)', () => {
    expect(
      shortReason("请求系统'cmsi'错误，返回消息: {'message': \"HTTPSConnectionPool(host='paas.example.com', port=443): Read timed out.\"}，请求URL: send_sms"),
    ).toBe("HTTPSConnectionPool(host='paas.example.com', port=443): Read timed out. (cmsi)");
  });

  it('reads the English rendering of the same wrapper', () => {
    expect(
      shortReason("System Request 'cmsi' error,Returns Error code: 1306000,Return message: {'result': False, 'message': 'invalid phone'},Request URL: send_voice_msg"),
    ).toBe('invalid phone (cmsi 1306000)');
  });

  it('keeps a wrapped answer that is not a dict, and any other reason, as it is', () => {
    expect(shortReason("请求系统'cmsi'错误，返回消息: gateway down，请求URL: send_mail")).toBe('gateway down (cmsi)');
    expect(shortReason('语音告警告被通知套餐（123）防御收敛，防御原因：相同通知人在两分钟内同维度告警只能接收一次电话告警')).toBe(
      '语音告警告被通知套餐（123）防御收敛，防御原因：相同通知人在两分钟内同维度告警只能接收一次电话告警',
    );
    expect(shortReason('  发送失败 ')).toBe('发送失败');
  });
});
