import { startHarness, type Harness } from './app-harness';
import { answerByEventId } from './esb-answers';
import { sentLimitProblems } from './sent-messages';

/**
 * A fresh app for every test, whose fake ESB answers each event ID with its fixture; after each
 * test, every message the app sent to Slack must pass Slack's limits. `use` receives each new
 * harness (tests keep their own `let h`).
 */
export function harnessPerTest(use: (h: Harness) => void, env: Record<string, string> = {}): void {
  let current: Harness | null = null;
  beforeEach(async () => {
    current = await startHarness(env);
    current.esb.setFallback(answerByEventId());
    use(current);
  });
  afterEach(async () => {
    const h = current;
    current = null;
    if (!h) return;
    try {
      expect(sentLimitProblems(h)).toEqual([]);
    } finally {
      await h.close();
    }
  });
}
