import type { BkErrorMessages, HttpFailure } from '../messages';
import { DETAIL_LINK_ID } from './replies';

const HTTP_EXPLANATION: Readonly<Record<HttpFailure, string>> = {
  redirect: '服务器返回了重定向（通常指向登录页），而不是数据。',
  refused: '服务器拒绝了请求，且没有返回蓝鲸格式的错误：可能是代理或防火墙，也可能是蓝鲸拒绝了应用凭证。',
  server: '蓝鲸或其前面的代理发生了服务器错误。',
  other: '服务器返回了错误状态码，且没有蓝鲸格式的错误内容。',
};

const HTTP_HINT: Readonly<Record<HttpFailure, string>> = {
  redirect: '请将 BK_API_BASE_URL 指向 ESB / API 地址本身（如 https://paas.example.com），而不是需要登录的页面。',
  refused: '请检查 BK_APP_CODE 和 BK_APP_SECRET，以及机器人与蓝鲸之间的代理是否需要单独授权。',
  server: '请稍后重试；如持续出现，请把 request_id 提供给蓝鲸管理员排查。',
  other: '请检查 BK_API_BASE_URL 和 BK_EVENT_LOG_PATH。',
};

/** 各类失败的中文说明。 */
export const bkErrors = {
  app_credentials: () => ({
    title: '蓝鲸拒绝了应用凭证',
    explanation: 'ESB 或 API 网关不接受机器人发送的应用 ID（bk_app_code）和密钥（bk_app_secret）。',
    hint: '请在蓝鲸开发者中心的应用基本信息中核对 BK_APP_CODE 和 BK_APP_SECRET。',
  }),
  user_identity: () => ({
    title: '蓝鲸不接受当前用户身份',
    explanation: '该接口需要经过认证的蓝鲸用户（bk_username），ESB 不接受本次发送的用户。',
    hint:
      '请将应用加入 ESB 的免用户认证白名单，使 bk_username 生效，并检查 BK_USERNAME。' +
      '较旧的 ESB 不识别 X-Bkapi-Authorization 请求头：可尝试 BK_AUTH_STYLE=query。',
  }),
  user_permission: () => ({
    title: '该蓝鲸用户无权查看',
    explanation: '蓝鲸表示机器人所用的用户没有查看该告警或事件的权限。',
    hint: '请在权限中心为该用户授予蓝鲸监控中对应业务的权限，或让机器人使用有权限的用户。',
  }),
  app_permission: () => ({
    title: '应用无权调用事件流水接口',
    explanation: '蓝鲸表示该应用没有调用 monitor_v3 get_event_log 的权限。',
    hint: '请在开发者中心（云 API 权限）为应用申请或续期 monitor_v3 get_event_log 接口权限。',
  }),
  component_not_found: () => ({
    title: '找不到事件流水接口',
    explanation: '蓝鲸表示机器人调用的路径上没有该接口。',
    hint:
      '请检查 BK_EVENT_LOG_PATH（默认 /api/c/compapi/v2/monitor_v3/get_event_log/）和 BK_API_BASE_URL；' +
      '部分 ESB 版本的 monitor_v3 路径不同或未提供。',
  }),
  not_found: () => ({
    title: '找不到该告警或事件',
    explanation: '蓝鲸监控中没有这个 ID 对应的告警或事件。',
    hint:
      '请核对 ID。监控 3.6 及以后使用 15 位以上的告警 ID（如 164239028644167），旧版监控使用较短的事件 ID（如 4821）。' + DETAIL_LINK_ID,
  }),
  bad_parameter: () => ({
    title: '蓝鲸拒绝了请求参数',
    explanation: '蓝鲸表示 ID 的格式不符合要求。',
    hint: '请只发送数字形式的告警或事件 ID；如果已是数字，该监控版本可能需要另一种 ID（旧版事件 ID 或新版告警 ID）。',
  }),
  rate_limited: (facts) => ({
    title: '蓝鲸对机器人限流',
    explanation: '短时间内调用过多，蓝鲸拒绝了本次调用。',
    hint: facts.retryAfterSec !== null ? `请等待 ${facts.retryAfterSec} 秒后重试。` : '请稍候重试；如经常出现，请联系蓝鲸管理员提高应用的频率限制。',
  }),
  upstream_failure: () => ({
    title: '蓝鲸无法访问监控后台',
    explanation: 'ESB 或 API 网关已响应，但调用蓝鲸监控后台失败或超时。',
    hint: '通常是暂时性问题，请稍后重试；如持续出现，蓝鲸管理员可凭 request_id 在 ESB 日志中排查并检查监控服务。',
  }),
  gateway: () => ({
    title: '蓝鲸 API 网关拒绝了调用',
    explanation: 'API 网关在请求到达监控之前拦截了它。',
    hint: '请带上错误码和 request_id 联系网关负责人；IP 白名单和资源配置在网关设置中。',
  }),
  api_error: () => ({
    title: '蓝鲸返回了错误',
    explanation: '蓝鲸返回了一个机器人没有具体建议的错误。',
    hint: '请查看错误码和错误信息；蓝鲸管理员可凭 request_id 在 ESB 日志中找到本次调用。',
  }),
  http_error: (facts) => ({
    title: facts.httpStatus ? `蓝鲸返回 HTTP ${facts.httpStatus}` : '蓝鲸返回了 HTTP 错误',
    explanation: HTTP_EXPLANATION[facts.httpFailure],
    hint: HTTP_HINT[facts.httpFailure],
  }),
  html_page: () => ({
    title: '蓝鲸返回了一个网页',
    explanation: '本应返回 JSON 数据，却返回了网页：通常是登录页、代理或防火墙页面。',
    hint: '请确认 BK_API_BASE_URL 指向 ESB / API 地址（如 https://paas.example.com），且前面没有单点登录代理。',
  }),
  not_json: () => ({
    title: '无法读取蓝鲸的响应',
    explanation: '响应既不是 JSON，也不是网页。',
    hint: '请检查 BK_API_BASE_URL 和 BK_EVENT_LOG_PATH；可能是蓝鲸之外的服务在响应。',
  }),
  bad_shape: () => ({
    title: '蓝鲸响应的结构不符合预期',
    explanation: '响应是 JSON，但不是包含记录列表的事件流水。',
    hint: '请确认 BK_EVENT_LOG_PATH 指向 monitor_v3 get_event_log。',
  }),
  body_too_large: () => ({
    title: '蓝鲸的响应过大',
    explanation: '响应超过了机器人允许的大小（BK_MAX_BODY_BYTES），因此未读取。',
    hint: '如果确实有这么多记录，请调大 BK_MAX_BODY_BYTES。',
  }),
  timeout: () => ({
    title: '蓝鲸未在规定时间内响应',
    explanation: '在时间限制内没有收到完整的响应。',
    hint: '请重试；如蓝鲸经常这么慢，请调大 BK_TIMEOUT_MS。',
  }),
  connection_refused: () => ({
    title: '无法连接蓝鲸',
    explanation: '连接被拒绝：该主机和端口上没有服务在监听。',
    hint: '请检查 BK_API_BASE_URL 中的主机和端口，并确认 ESB 正在运行。',
  }),
  unknown_host: () => ({
    title: '找不到蓝鲸的主机名',
    explanation: 'DNS 无法解析 BK_API_BASE_URL 中的主机名。',
    hint: '请检查 BK_API_BASE_URL 中的主机名和机器人的 DNS 设置。',
  }),
  connection_reset: () => ({
    title: '与蓝鲸的连接被中断',
    explanation: '在响应完整之前，蓝鲸或中间设备关闭了连接。',
    hint: '通常是暂时性问题，请重试；如反复出现，可能是代理或负载均衡在断开连接。',
  }),
  network: (facts) =>
    facts.tls
      ? {
          title: '无法安全连接蓝鲸',
          explanation: 'TLS 连接失败：蓝鲸的证书未被接受。',
          hint: '请检查 BK_API_BASE_URL 中主机的证书；如由内部 CA 签发，请通过 NODE_EXTRA_CA_CERTS 提供该 CA。',
        }
      : {
          title: '无法访问蓝鲸',
          explanation: '网络错误导致调用失败。',
          hint: '请检查 BK_API_BASE_URL 以及机器人与蓝鲸之间的网络（代理、防火墙）。',
        },
  cancelled: () => ({
    title: '查询已取消',
    explanation: '在蓝鲸响应之前查询被停止。',
    hint: null,
  }),
  internal: () => ({
    title: '机器人内部出错',
    explanation: '问题出在机器人自身，而不是蓝鲸；已记录日志。',
    hint: '请重试；如反复出现，请带上该 ID 和时间联系机器人的维护者。',
  }),
} satisfies BkErrorMessages;
