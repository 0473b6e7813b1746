import { businessAllows, ownerBasis } from '../../../src/eventlog/triage/authority';
import { parseShieldDuration, shieldDescription } from '../../../src/eventlog/triage/shield-choices';
import { decodeTriageState, decodeUnshieldValue, encodeTriageState, encodeUnshieldValue } from '../../../src/render/triage-state';
import type { AlertContext } from '../../../src/eventlog/model/alert-context';

const ALERT = { id: '164239028644167', bizId: 2, assignees: ['lisi'], appointees: ['wangwu'], supervisors: ['zhaoliu'], followers: ['mallory'] } as Pick<
  AlertContext,
  'id' | 'bizId' | 'assignees' | 'appointees' | 'supervisors' | 'followers'
> as AlertContext;

describe('who may act', () => {
  it('owners by their place; followers and strangers are not owners', () => {
    expect(ownerBasis(ALERT, 'lisi')).toBe('assignee');
    expect(ownerBasis(ALERT, 'wangwu')).toBe('appointee');
    expect(ownerBasis(ALERT, 'zhaoliu')).toBe('supervisor');
    expect(ownerBasis(ALERT, 'mallory')).toBeNull();
    expect(ownerBasis(ALERT, 'LISI')).toBeNull();
  });

  it('the business decides for everyone else; an alert without one allows no one by business', () => {
    expect(businessAllows(ALERT, [5, 2])).toBe(true);
    expect(businessAllows(ALERT, [5])).toBe(false);
    expect(businessAllows({ ...ALERT, bizId: null }, [2])).toBe(false);
  });
});

describe('shield choices', () => {
  it('takes only bk-monitor\'s own durations', () => {
    expect(['30m', '1h', '3h', '12h', '1d', '7d'].map(parseShieldDuration)).toEqual([30, 60, 180, 720, 1440, 10080]);
    expect(['2h', '0m', '3', 'forever'].map(parseShieldDuration)).toEqual([null, null, null, null]);
  });

  it('describes the shield with the reason and who shielded it from Slack', () => {
    expect(shieldDescription('known', '', 'U0ALICE', 'lisi')).toBe('已知问题（Slack U0ALICE / lisi）');
    expect(shieldDescription('other', ' db migration ', 'U0ALICE', 'lisi')).toBe('db migration（Slack U0ALICE / lisi）');
  });
});

describe('triage values that come back through Slack', () => {
  const state = { view: { id: '164239028644167', page: 0, variant: 'full' as const }, channelId: 'C0INCIDENT', responseUrl: 'https://hooks.slack.com/actions/T/1/x', live: false, sharedBy: null, inChannel: true };

  it('round-trips the modal state and refuses anything we did not write', () => {
    expect(decodeTriageState(encodeTriageState(state))).toEqual(state);
    expect(decodeTriageState('{"v":"abc:0:full","c":null,"r":null,"l":false,"s":null,"i":false}')).toBeNull();
    expect(decodeTriageState('not json')).toBeNull();
    expect(decodeTriageState(42)).toBeNull();
  });

  it('reads a Lift shield value strictly', () => {
    expect(decodeUnshieldValue(encodeUnshieldValue('7001', state.view))).toEqual({ shieldId: '7001', view: state.view });
    expect(decodeUnshieldValue('x@164239028644167:0:full')).toBeNull();
    expect(decodeUnshieldValue('7001@164239028644167:0:full@1')).toBeNull();
  });
});
