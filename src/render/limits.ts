/**
 * Every size limit the renderer respects, in one place: Slack's own limits
 * (docs/slack-limits.md; exceeding one fails the whole post) and the
 * budgets we derive from them so every rendered message fits by construction.
 */

/** Slack Block Kit limits for messages. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  buttonUrl: 3000,
  topLevelText: 40_000,
  /** All block text together; past about 12,000–13,000 Slack answers msg_blocks_too_long. */
  totalBlockText: 12_000,
} as const;

/** Slack's limits for a modal view (views.open / views.update); blocks inside follow SLACK_LIMITS too. */
export const MODAL_LIMITS = {
  blocks: 100,
  /** title, close and submit: plain_text of at most 24 characters. */
  title: 24,
  privateMetadata: 3000,
  callbackId: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  /** A select's placeholder: plain_text of at most 150 characters. */
  placeholder: 150,
} as const;

/** Our own budgets. With these, a page of the worst possible records stays under totalBlockText (see test/render). */
export const RENDER_BUDGET = {
  /** Timeline records per page. */
  pageSize: { full: 25, compact: 10 },
  /** One timeline line, markup included. 25 × 280 = 7,000 chars leaves room for the rest. */
  timelineLine: 280,
  /** One timeline line as a phone shows it (date tokens count as their fallback): about two lines on a phone. */
  timelineVisible: 160,
  /** Operate/status label or raw unknown value inside a line. */
  label: 40,
  /** Bullets in the failures callout before "and N more". */
  calloutBullets: { full: 5, compact: 3 },
  calloutBullet: 300,
  /** A callout bullet as a phone shows it. */
  calloutVisible: 180,
  /** Groups named per failed notice before "+N". */
  groupsPerNotice: 3,
  groupName: 40,
  /** Shield details quoted on the shielded line. */
  shieldDetails: 3,
  shieldDetail: 80,
  /** Usernames, ack notes and similar short quotes. */
  name: 40,
  note: 120,
  /** Upstream reason in top-level text. */
  pushReason: 60,
  /** The push-notification text. */
  pushText: 200,
  /** The upstream event_id is shortened in the middle past this. */
  eventId: 40,
  requestId: 64,
  /** A generic message line (errors, notices), and how many such lines a message keeps. 20 × 500 < 12,000. */
  plainLine: 500,
  plainLines: 20,
} as const;
