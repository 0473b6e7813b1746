import type { types } from '@slack/bolt';
import type { EventSummary } from '../eventlog/summary/summarize-types';
import { contextBlock, headerBlock, packLines, sectionBlock } from './blocks';
import { convergenceLine } from './convergence-line';
import { calloutLines } from './notices-callout';
import type { RenderOptions } from './types';
import { headerText, verdictText } from './verdict';

/**
 * The top of every surface (message, modal, unfurl), verdict first:
 * header · verdict · failed-notices callout · convergence (unless left out).
 * One place, so the three surfaces cannot drift apart.
 */
export function summaryHeadBlocks(summary: EventSummary, opts: RenderOptions, parts: { convergence: boolean }): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [headerBlock(headerText(summary, opts.lang)), sectionBlock(verdictText(summary, opts.lang))];
  // Per-receiver failures can make the callout longer than one section holds: it then continues in the next.
  blocks.push(...packLines(calloutLines(summary, opts)));
  const convergence = parts.convergence ? convergenceLine(summary, opts) : null;
  if (convergence !== null) blocks.push(contextBlock([convergence]));
  return blocks;
}
