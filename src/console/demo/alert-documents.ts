import type { DemoResponse } from './envelope';

/**
 * search_alert answers for the demo alerts, in the shape bk-monitor's
 * AlertQueryHandler returns (`data.alerts[]` of AlertDocument fields,
 * `data.total`; see docs/bk-monitor-api.md), built from a few facts each.
 */

/** The facts of one alert; everything else is what a host CPU/disk alert on business 2 carries. */
export interface AlertFacts {
  id: string;
  name: string;
  status: 'ABNORMAL' | 'RECOVERED' | 'CLOSED';
  /** 1 致命, 2 预警, 3 提醒. */
  severity: 1 | 2 | 3;
  ip: string;
  metric: string;
  assignee: readonly string[];
  ackOperator?: string;
  /** `shield_left_time` as BlueKing words it; set = shielded. */
  shieldLeft?: string;
  beginSec: number;
  endSec?: number;
  latestSec: number;
  strategyId: number;
}

export function alertDocument(f: AlertFacts): Record<string, unknown> {
  return {
    id: f.id,
    alert_name: f.name,
    status: f.status,
    severity: f.severity,
    bk_biz_id: 2,
    bk_biz_name: '蓝鲸',
    strategy_id: f.strategyId,
    strategy_name: f.name,
    description: '',
    target_type: 'HOST',
    target: `${f.ip}|0`,
    ip: f.ip,
    bk_cloud_id: 0,
    dimensions: [
      { key: 'ip', value: f.ip, display_key: '目标IP', display_value: f.ip },
      { key: 'bk_cloud_id', value: '0', display_key: '云区域ID', display_value: '0' },
    ],
    dimension_message: `目标IP(${f.ip}), 云区域ID(0)`,
    metric_display: [{ id: `bk_monitor.${f.metric}`, name: f.metric }],
    assignee: [...f.assignee],
    appointee: [...f.assignee],
    supervisor: [],
    follower: [],
    is_ack: f.ackOperator !== undefined,
    ack_operator: f.ackOperator ?? '',
    is_shielded: f.shieldLeft !== undefined,
    shield_id: f.shieldLeft !== undefined ? ['7001'] : [],
    shield_left_time: f.shieldLeft ?? '0s',
    is_handled: true,
    is_blocked: false,
    begin_time: f.beginSec,
    end_time: f.endSec ?? null,
    latest_time: f.latestSec,
    first_anomaly_time: f.beginSec,
    create_time: f.beginSec,
    category: 'os',
    category_display: '主机-操作系统',
    plugin_display_name: '监控策略',
  };
}

/** A whole search_alert answer listing `alerts` (none: BlueKing found no such alert in the window). */
export function searchAlertResponse(alerts: ReadonlyArray<Record<string, unknown>>, requestId: string): DemoResponse {
  return {
    httpStatus: 200,
    body: JSON.stringify({ result: true, code: 200, message: 'OK', data: { alerts, total: alerts.length, overview: {}, aggs: [] }, request_id: requestId }),
  };
}
