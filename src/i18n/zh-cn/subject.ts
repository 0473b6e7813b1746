import { idNoun } from '../../eventlog/model/event-id';

/** “告警 164239028644167” / “事件 5310”：新版（3.6+）告警 ID 称告警，旧版事件 ID 称事件（docs/glossary-zh.md）。 */
export const subject = (id: string): string => `${idNoun(id) === 'alert' ? '告警' : '事件'} ${id}`;
