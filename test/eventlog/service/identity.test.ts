import type { IdentityConfig } from '../../../src/config';
import { createIdentityResolver, usernameOf, type EmailLookup, type SlackProfile } from '../../../src/eventlog/service/identity';

const DOMAINS: ReadonlySet<string> = new Set(['corp.example']);
const SERVICE: IdentityConfig = { mode: 'service', userMap: new Map(), emailDomains: new Set() };
const MAP: IdentityConfig = { mode: 'map', userMap: new Map([['U0ALICE', 'alice_bk']]), emailDomains: new Set() };
const EMAIL: IdentityConfig = { mode: 'email', userMap: new Map(), emailDomains: DOMAINS };

/** An email lookup that answers from a table and counts its calls. */
function emails(table: Record<string, string | null>): EmailLookup & { calls: string[] } {
  const calls: string[] = [];
  const lookup = async (userId: string): Promise<SlackProfile | null> => {
    calls.push(userId);
    return { email: table[userId] ?? null, teamId: null };
  };
  return Object.assign(lookup, { calls });
}

describe('createIdentityResolver', () => {
  it('service mode asks as the service account for everyone, without looking anyone up', async () => {
    const lookup = emails({});
    const resolve = createIdentityResolver(SERVICE, 'oncall-bot', lookup, () => 0);
    expect(await resolve('U0ANY')).toEqual({ ok: true, username: 'oncall-bot' });
    expect(lookup.calls).toEqual([]);
  });

  it('map mode asks as the mapped username', async () => {
    const resolve = createIdentityResolver(MAP, 'oncall-bot', emails({}), () => 0);
    expect(await resolve('U0ALICE')).toEqual({ ok: true, username: 'alice_bk' });
  });

  it('map mode refuses an unmapped user rather than fall back to the service account', async () => {
    const resolve = createIdentityResolver(MAP, 'oncall-bot', emails({}), () => 0);
    expect(await resolve('U0BOB')).toEqual({ ok: false, why: 'unmapped' });
  });

  it('email mode asks as the local part of the Slack email', async () => {
    const resolve = createIdentityResolver(EMAIL, 'oncall-bot', emails({ U0ALICE: 'zhang.san@corp.example' }), () => 0);
    expect(await resolve('U0ALICE')).toEqual({ ok: true, username: 'zhang.san' });
  });

  it('email mode remembers a username for an hour, then reads the email again', async () => {
    let now = 0;
    const lookup = emails({ U0ALICE: 'alice@corp.example' });
    const resolve = createIdentityResolver(EMAIL, null, lookup, () => now);
    await resolve('U0ALICE');
    now += 3_599_999;
    await resolve('U0ALICE');
    expect(lookup.calls).toEqual(['U0ALICE']);
    now += 1;
    await resolve('U0ALICE');
    expect(lookup.calls).toEqual(['U0ALICE', 'U0ALICE']);
  });

  it.each([
    ['no email', null],
    ['an empty local part', '@corp.example'],
    ['a local part with spaces', '"zhang san"@corp.example'],
    ['a local part with markup', '<!here>@corp.example'],
    ['a local part longer than 64 characters', `${'a'.repeat(65)}@corp.example`],
  ])('email mode refuses a user with %s, and never falls back to the service account', async (_what, email) => {
    const resolve = createIdentityResolver(EMAIL, 'oncall-bot', emails({ U0ALICE: email }), () => 0);
    expect(await resolve('U0ALICE')).toEqual({ ok: false, why: 'no_email' });
  });

  it('email mode does not remember a refusal: a user who adds an email is let in on the next try', async () => {
    const table: Record<string, string | null> = { U0ALICE: null };
    const resolve = createIdentityResolver(EMAIL, null, emails(table), () => 0);
    expect(await resolve('U0ALICE')).toEqual({ ok: false, why: 'no_email' });
    table.U0ALICE = 'alice@corp.example';
    expect(await resolve('U0ALICE')).toEqual({ ok: true, username: 'alice' });
  });
});

describe('usernameOf (email mode)', () => {
  const teams = { home: () => 'T0001', allowed: new Set(['T0PARTNER']) as ReadonlySet<string> };

  it.each([
    ['another domain', 'admin@partner.example', 'T0001', 'other_domain'],
    ['a subdomain of ours (not listed)', 'admin@evil.corp.example', 'T0001', 'other_domain'],
    ['a domain that merely ends like ours', 'admin@notcorp.example', 'T0001', 'other_domain'],
    ['an account of another workspace', 'admin@corp.example', 'T0STRANGER', 'other_team'],
  ])('refuses %s', (_what, email, teamId, why) => {
    expect(usernameOf({ email, teamId }, DOMAINS, teams)).toEqual({ ok: false, why });
  });

  it('takes our domain in any case, from our workspace or one on ALLOWED_TEAM_IDS', () => {
    expect(usernameOf({ email: 'li.si@Corp.Example', teamId: 'T0001' }, DOMAINS, teams)).toEqual({ ok: true, username: 'li.si' });
    expect(usernameOf({ email: 'li.si@corp.example', teamId: 'T0PARTNER' }, DOMAINS, teams)).toEqual({ ok: true, username: 'li.si' });
  });
});
