import { parseSearchAlertResponse } from '../../../src/bk/search-alert';
import type { AlertContext, AlertLookup } from '../../../src/eventlog/model/alert-context';
import { summarize } from '../../../src/eventlog/summary/summarize';
import { ALERT_ID, alertDocument, searchAlertAnswer } from '../../fixtures/bk/search-alert';
import { makeLog, newGenerationLog, notice, rec, shanghai, sketchLog } from './summarize-fixtures';

/** The header's facts (subject) and the paging verdict, from the log and, when there is one, the alert itself. */

const NOW = shanghai('2022-01-17', '14:00:00');

function alertOf(overrides: Record<string, unknown> = {}): AlertLookup {
  const alert = parseSearchAlertResponse({ httpStatus: 200, headers: { get: () => null }, body: searchAlertAnswer([alertDocument(overrides)]) }, ALERT_ID) as AlertContext;
  return { kind: 'present', alert };
}

const NOT_ASKED = { kind: 'absent', absence: { kind: 'not_asked' } } as const;
const at = (time: string) => ({ timeMs: shanghai('2020-01-01', time), rawTime: '' });

describe('summarize: the subject', () => {
  it('takes the alert’s own status, severity, name, target, owners and acker over what the log suggests', () => {
    const subject = summarize(newGenerationLog(), NOW, NOT_ASKED, alertOf({ status: 'ABNORMAL', is_ack: true, ack_operator: 'zhangsan', assignee: ['lisi'], appointee: ['lisi', 'wangwu'] })).subject;
    expect(subject).toMatchObject({ state: 'acked', severity: 1, name: 'CPU使用率告警', target: '10.0.3.8', owners: ['lisi', 'wangwu'], ackBy: 'zhangsan', fromAlert: true, what: null });
  });

  it('shows a shield, and falls back to the first dimension values when the alert has no IP', () => {
    const subject = summarize(newGenerationLog(), NOW, NOT_ASKED, alertOf({ is_shielded: true, shield_left_time: '1h 20m', ip: '', target: '', dimensions: [{ key: 'k', value: 'nginx', display_key: 'K', display_value: 'nginx' }] })).subject;
    expect(subject).toMatchObject({ state: 'shielded', shieldLeft: '1h 20m', target: 'nginx' });
  });

  it('without the alert, says only what the log proves: the raised severity, the CREATE text without its condition', () => {
    const subject = summarize(newGenerationLog(), NOW).subject;
    expect(subject).toMatchObject({ state: 'closed', severity: 1, name: null, target: null, what: 'avg(CPU使用率) >= 90.0%, 当前值93.5%', owners: [], ackBy: 'admin', fromAlert: false });
  });

  it('reads an old-generation target from the bracket its CREATE text opens with, but not a bracket naming no address', () => {
    const log = (message: string) => makeLog('5310', [rec({ operate: 'CREATE', message, ...at('10:00:00') })]);
    expect(summarize(log('[主机 10.0.1.23] CPU总使用率 >= 95%'), NOW).subject).toMatchObject({ target: '主机 10.0.1.23', what: 'CPU总使用率 >= 95%' });
    expect(summarize(log('[进程] nginx 进程数 == 0'), NOW).subject).toMatchObject({ target: null, what: '[进程] nginx 进程数 == 0' });
  });
});

describe('summarize: the paging verdict', () => {
  it('calls notices that all found nobody "nobody paged", with the rota to fix', () => {
    const log = makeLog('1', [rec({ operate: 'CREATE', ...at('10:00:00') }), rec({ operate: 'ANOMALY_NOTICE', status: 'FAILED', message: '通知人为空', ...at('10:00:00') })]);
    expect(summarize(log, NOW).paging).toEqual({ reached: [], notReached: [], nobodyPaged: 'no_receivers', nextSteps: [{ kind: 'fix_rota' }] });
  });

  it('calls an open alert with no notice at all "nobody paged", but not a closed one', () => {
    const open = makeLog('2', [rec({ operate: 'CREATE', ...at('10:00:00') })]);
    expect(summarize(open, NOW).paging.nobodyPaged).toBe('no_notice');
    const closed = makeLog('2', [rec({ operate: 'CREATE', ...at('10:00:00') }), rec({ operate: 'CLOSE', ...at('10:30:00') })]);
    expect(summarize(closed, NOW).paging.nobodyPaged).toBeNull();
  });

  it('names an escalation skipped for lack of a group, and is quiet when notices went out', () => {
    const skipped = makeLog('3', [rec({ operate: 'CREATE', ...at('10:00:00') }), rec({ operate: 'UPGRADE_NOTICE', status: 'SKIPPED', message: '告警升级通知：未配置升级用户组，已跳过', ...at('10:02:00') })]);
    expect(summarize(skipped, NOW).paging).toMatchObject({ nobodyPaged: 'no_escalation_group', nextSteps: [{ kind: 'no_escalation_group' }] });
    expect(summarize(sketchLog(), NOW).paging.nobodyPaged).toBeNull();
    const sent = makeLog('4', [rec({ operate: 'CREATE', ...at('10:00:00') }), rec({ operate: 'ANOMALY_NOTICE', notice: notice(), ...at('10:01:00') })]);
    expect(summarize(sent, NOW).paging).toEqual({ reached: [], notReached: [], nobodyPaged: null, nextSteps: [] });
  });
});
