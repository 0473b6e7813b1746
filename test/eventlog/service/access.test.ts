import type { AccessConfig } from '../../../src/config';
import { checkAccess, type Requester } from '../../../src/eventlog/service/access';

const ALICE_IN_INCIDENT: Requester = { teamId: 'T0001', channelId: 'C0INCIDENT', userId: 'U0ALICE' };

function allow(lists: Partial<Record<keyof AccessConfig, string[]>>): AccessConfig {
  return {
    teamIds: new Set(lists.teamIds ?? []),
    channelIds: new Set(lists.channelIds ?? []),
    userIds: new Set(lists.userIds ?? []),
  };
}

describe('checkAccess', () => {
  it('lets everyone in when no allowlist is set', () => {
    expect(checkAccess(allow({}), ALICE_IN_INCIDENT)).toBeNull();
    expect(checkAccess(allow({}), { teamId: null, channelId: null, userId: 'U0ANY' })).toBeNull();
  });

  it('lets in a requester every set list admits', () => {
    const access = allow({ teamIds: ['T0001'], channelIds: ['C0INCIDENT', 'C0SRE'], userIds: ['U0ALICE'] });
    expect(checkAccess(access, ALICE_IN_INCIDENT)).toBeNull();
  });

  it.each([
    ['team', allow({ teamIds: ['T0OTHER'] })],
    ['channel', allow({ channelIds: ['C0SRE'] })],
    ['user', allow({ userIds: ['U0BOB'] })],
  ])('names the %s list that refuses', (denied, access) => {
    expect(checkAccess(access, ALICE_IN_INCIDENT)).toBe(denied);
  });

  it('names the team first when several lists refuse', () => {
    expect(checkAccess(allow({ teamIds: ['T0OTHER'], channelIds: ['C0SRE'], userIds: ['U0BOB'] }), ALICE_IN_INCIDENT)).toBe('team');
  });

  it('refuses a request without a team or channel when that list is set', () => {
    expect(checkAccess(allow({ teamIds: ['T0001'] }), { ...ALICE_IN_INCIDENT, teamId: null })).toBe('team');
    expect(checkAccess(allow({ channelIds: ['C0INCIDENT'] }), { ...ALICE_IN_INCIDENT, channelId: null })).toBe('channel');
  });
});
