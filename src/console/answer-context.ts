import type { Lang } from '../config';
import type { LookupContext } from '../lookup/lookup-context';
import type { TriageService } from '../eventlog/triage/triage-service';
import type { DemoEvent } from './demo-data';

/** Everything a console answer depends on besides the line itself. */
export interface AnswerContext {
  /** The lookup-and-render path Slack's entry points take (service, renderer, log line). */
  lookup: LookupContext;
  sourceLabel: string;
  lang: Lang;
  timezone: string;
  monitorUrl: string | null;
  now: () => number;
  isTTY: boolean;
  /** Demo events to list in help; empty when a real BlueKing answers. */
  demoEvents: readonly DemoEvent[];
  /** Where `watch <id>` prints each Slack call as it happens; without it they come back with the answer. */
  print?: (text: string) => void;
  /** Real pause between a watch's polls, so a person can follow them (0 in tests). */
  watchPauseMs?: number;
  /** `ack` / `shield` on the demo alerts; null when a real BlueKing answers (the console never acts on it). */
  triage: TriageService | null;
}
