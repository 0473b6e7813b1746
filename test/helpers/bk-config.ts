import { DEFAULT_EVENT_LOG_PATH, DEFAULT_SEARCH_ACTION_PATH, DEFAULT_SEARCH_ALERT_PATH, DEFAULT_TRIAGE_PATHS, type BkConfig } from '../../src/config';

/** BlueKing settings as loadConfig makes them with the default paths; a test names what differs. */
export function bkConfig(fields: Pick<BkConfig, 'baseUrl' | 'appSecret' | 'timeoutMs' | 'maxBodyBytes'> & Partial<BkConfig>): BkConfig {
  return {
    appCode: 'bk-eventlog',
    username: 'admin',
    authStyle: 'header',
    eventLogPath: DEFAULT_EVENT_LOG_PATH,
    searchActionPath: DEFAULT_SEARCH_ACTION_PATH,
    searchAlertPath: DEFAULT_SEARCH_ALERT_PATH,
    triagePaths: DEFAULT_TRIAGE_PATHS,
    bizIds: null,
    ...fields,
  };
}
