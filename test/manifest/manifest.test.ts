import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as {
  features: { slash_commands: Array<{ command: string }>; shortcuts: Array<{ callback_id: string; type: string }>; unfurl_domains: string[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

function compileManifestSchema() {
  // Vendored copy of Slack's published schema (MIT, licence beside it), so the suite needs nothing outside the repo.
  const schemaPath = join(root, 'test', 'fixtures', 'slack', 'slack-app-manifest.schema.1.0.0.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
  // The schema uses a few non-standard keywords ("regex"); allow them rather than fail on them.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('manifest.yml', () => {
  const validate = compileManifestSchema();

  it('validates against Slack’s published app manifest schema', () => {
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked for real: a shortcut name over 24 characters is rejected by the same schema', () => {
    const broken = structuredClone(manifest) as typeof manifest & { features: { shortcuts: Array<{ name: string }> } };
    broken.features.shortcuts[0].name = 'Show this event log in the thread';
    expect(validate(broken)).toBe(false);
  });

  it('declares the command, shortcut and event the code listens for', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/eventlog']);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: 'show_event_log' })]);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_mention');
    expect(manifest.settings.event_subscriptions.bot_events).toContain('link_shared');
    // An example host that README tells the team to replace with their BK_MONITOR_URL's host.
    expect(manifest.features.unfurl_domains).toEqual(['paas.example.com']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('names every scope the code uses', () => {
    expect(new Set(manifest.oauth_config.scopes.bot)).toEqual(
      new Set([
        'commands',
        'chat:write',
        'chat:write.public',
        'app_mentions:read',
        'channels:history',
        'groups:history',
        'im:history',
        'mpim:history',
        'users:read',
        'users:read.email',
        'links:read',
        'links:write',
      ]),
    );
  });
});
