import { idNoun } from '../../eventlog/model/event-id';

/** "Alert 164239028644167" / "Event 5310": a Monitor 3.6+ ID names an alert, an old-generation one an event (docs/glossary.md). */
export const subject = (id: string): string => `${idNoun(id) === 'alert' ? 'Alert' : 'Event'} ${id}`;
