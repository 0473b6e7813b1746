import { sharerOf } from '../../../src/slack/listeners/shared-by';
import { SHARED_BY_BLOCK_ID } from '../../../src/render/footer';

const sharedByBlock = (text: string) => ({ type: 'context', block_id: SHARED_BY_BLOCK_ID, elements: [{ type: 'mrkdwn', text }] });

describe('sharerOf: who shared the log a button sits on', () => {
  it('reads the user from the "Shared by" block, in either language', () => {
    expect(sharerOf({ blocks: [{ type: 'header' }, sharedByBlock('Shared by <@U0ALICE>')] })).toBe('U0ALICE');
    expect(sharerOf({ blocks: [sharedByBlock('由 <@W0BOB123> 分享')] })).toBe('W0BOB123');
  });

  it('is null for a log nobody shared, and for an ephemeral click (Slack sends no message)', () => {
    expect(sharerOf({ blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: 'Shared by <@U0ALICE>' }] }] })).toBeNull();
    expect(sharerOf(undefined)).toBeNull();
    expect(sharerOf({ text: 'no blocks' })).toBeNull();
  });

  it('ignores anything in the block that is not a Slack user mention', () => {
    expect(sharerOf({ blocks: [sharedByBlock('Shared by <!channel>')] })).toBeNull();
    expect(sharerOf({ blocks: [sharedByBlock('Shared by <@u0lower>')] })).toBeNull();
    expect(sharerOf({ blocks: [{ ...sharedByBlock(''), elements: 'not a list' }] })).toBeNull();
  });
});
