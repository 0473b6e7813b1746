import type { CommandClient } from './command-client';
import type { EsbStandIn } from './esb-stand-in';
import type { ResponseStandIn } from './response-stand-in';
import type { Target, TargetKind } from './target-process';

/** A figure for the JSON line: numbers, labels, verdicts, and groups of them. */
export type Figure = number | string | boolean | null | readonly Figure[] | { readonly [name: string]: Figure };

/** One line of the printed table. `verdict` is empty for figures without a target. */
export interface Row {
  item: string;
  figure: string;
  value: string;
  target: string;
  verdict: 'PASS' | 'MISS' | '';
}

/** What one bench item hands back: its figures (for the JSON line) and its table rows. */
export interface ItemResult {
  key: string;
  figures: { [name: string]: Figure };
  rows: Row[];
}

/** The parent's shared parts: stand-ins, the load generator, and fresh IDs. */
export interface BenchContext {
  esb: EsbStandIn;
  responses: ResponseStandIn;
  client: CommandClient;
  /** Start a child: the bot or a floor, with the bench's settings plus `env`. */
  start(kind: TargetKind, extra?: { env?: Record<string, string>; collectableGarbage?: boolean }): Promise<Target>;
  /** A fresh event ID, so no cache or coalescing flatters a figure. */
  nextId(): string;
  /** Progress for the person waiting (stderr, so stdout stays table + JSON). */
  progress(line: string): void;
}

/** The relay floor's fixed answer at response_url. */
export const RELAY_ANSWER_TEXT = 'Event log fetched.';

/** PASS/MISS from a boolean. */
export function verdict(pass: boolean): 'PASS' | 'MISS' {
  return pass ? 'PASS' : 'MISS';
}
