/**
 * A failed delivery's reason, shortened for a phone. BlueKing wraps every
 * failed CMSI call in its BKAPIError text (bk-monitor core/errors/api.py):
 *   请求系统'cmsi'错误，返回错误码: 1306000，返回消息: {'result': False, 'message': '…', …}，请求URL: send_voice_msg
 *   System Request 'cmsi' error,Returns Error code: 1306000,Return message: {…},Request URL: send_voice_msg
 * where the "message" is the Python repr of CMSI's whole answer. The triager
 * needs the inner message; the full text stays available beside it.
 */

const WRAPPER =
  /^\s*(?:请求系统'([^']*)'错误，|System Request '([^']*)' error,)\s*(?:(?:返回错误码|Returns Error code):\s*([^，,]*)[，,]\s*)?(?:返回消息|Return message):\s*([\s\S]*?)[，,]\s*(?:请求URL|Request URL):\s*(\S*)\s*$/;
// The inner answer's message, in Python repr ('message': '…') or JSON ("message": "…").
const INNER_MESSAGE = /['"]message['"]\s*:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/;

/** The reason to show: a CMSI wrapper reduced to "<inner message> (cmsi 1306000)", anything else as is. */
export function shortReason(reason: string): string {
  const match = WRAPPER.exec(reason);
  if (!match) return reason.trim();
  const system = (match[1] ?? match[2] ?? '').trim();
  const code = (match[3] ?? '').trim();
  const answer = (match[4] ?? '').trim();
  const inner = INNER_MESSAGE.exec(answer);
  const message = inner ? (inner[1] ?? inner[2] ?? '').replace(/\\(['"\\])/g, '$1').trim() : answer;
  const origin = [system, code === 'None' ? '' : code].filter((part) => part !== '').join(' ');
  if (message === '') return origin === '' ? reason.trim() : origin;
  return origin === '' ? message : `${message} (${origin})`;
}
