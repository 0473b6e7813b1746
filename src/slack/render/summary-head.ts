import type { types } from '@slack/bolt';
import type { EventSummary } from '../../eventlog/summarize-types';
import { contextBlock, headerBlock, sectionBlock } from './blocks';
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
  const callout = calloutLines(summary, opts);
  if (callout.length > 0) blocks.push(sectionBlock(callout.join('\n')));
  const convergence = parts.convergence ? convergenceLine(summary, opts) : null;
  if (convergence !== null) blocks.push(contextBlock([convergence]));
  return blocks;
}
