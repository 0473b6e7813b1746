import type { FetchedLog } from '../eventlog/answers/answer';
import { renderFetchedLog, type AnswerSettings, type AnswerView } from './event-log-message';
import type { ModalState } from './modal-state';
import { renderFetchedLogModal, type FullLogView } from './modal-view';
import type { SlackMessage } from './types';
import { renderFetchedLogUnfurl, type UnfurlView } from './unfurl-blocks';

/**
 * Where a log is drawn, as plain data: a message (with its view), the Full
 * log modal (with its state) or an unfurl. Plain so a worker thread can be
 * told which one to draw (src/offload/).
 */
export type LogSurface = { kind: 'message'; view: AnswerView } | { kind: 'modal'; state: ModalState } | { kind: 'unfurl' };

/** What a log drawn on surface `S` is. */
export type SurfaceOutput<S extends LogSurface> = S extends { kind: 'message' } ? SlackMessage : S extends { kind: 'modal' } ? FullLogView : UnfurlView;

/** Draw a fetched log on `surface`, with the bot's settings. Pure. */
export function renderLogOn<S extends LogSurface>(fetched: FetchedLog, settings: AnswerSettings, surface: S, nowMs: number): SurfaceOutput<S> {
  return drawn(fetched, settings, surface, nowMs) as SurfaceOutput<S>;
}

function drawn(fetched: FetchedLog, settings: AnswerSettings, surface: LogSurface, nowMs: number): SlackMessage | FullLogView | UnfurlView {
  switch (surface.kind) {
    case 'message':
      return renderFetchedLog(fetched, settings, surface.view, nowMs);
    case 'modal':
      return renderFetchedLogModal(fetched, settings, surface.state, nowMs);
    case 'unfurl':
      return renderFetchedLogUnfurl(fetched, settings, nowMs);
  }
}
