import { epochMsToWallClock } from '../../eventlog/model/time-zone';

/**
 * Writes times the way a Monitor server does in `create_time`: wall-clock
 * "YYYY-MM-DD HH:mm:ss" in the server's zone, no offset. The demo events are
 * defined in epoch seconds and written through this, so their `create_time`s
 * agree with the epoch-second convergence windows and with new-generation
 * alert IDs (whose first 10 digits are the start time) in any BK_TIMEZONE.
 */
export type ServerClock = (epochSec: number) => string;

/** A ServerClock for a Monitor server running in `zone`. */
export function createServerClock(zone: string): ServerClock {
  return (epochSec) => {
    const w = epochMsToWallClock(epochSec * 1000, zone);
    return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
  };
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}
