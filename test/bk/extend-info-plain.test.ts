import { benchRecords } from '../../bench/bench-log';
import { extendInfoObject, readExtendInfo, readExtendInfoBySchema } from '../../src/bk/extend-info';
import { OFF_PATH, readConvergePlainly, readNoticePlainly } from '../../src/bk/extend-info-plain';
import { OLD_GENERATION_5310, SHEET_EXAMPLE_1 } from '../fixtures/bk';

/**
 * The hand-read path for well-formed extend_info must give exactly what the
 * lenient schemas give, for well-formed objects and for every odd value put
 * in any place of them (the hand-read path then hands over to the schemas).
 */

type Json = Record<string, unknown>;

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  '12',
  '1.5',
  '-3',
  -1,
  -0,
  0,
  1.5,
  2 ** 60,
  Infinity,
  true,
  [],
  ['mail', 7, null],
  {},
  { id: 'u1' },
  { min: 1, max: '2' },
  { description: 'maintenance window' },
];

/** extend_info objects as BlueKing sends them: the recorded fixtures and the bench's log. */
function recordedInfos(): Json[] {
  const fromBody = (body: string): unknown[] => (JSON.parse(body) as { data: unknown[] }).data;
  const records = [...fromBody(OLD_GENERATION_5310.body), ...fromBody(SHEET_EXAMPLE_1.body), ...benchRecords(60)];
  const infos = records.map((r) => extendInfoObject((r as Json).extend_info)).filter((info): info is Json => info !== null);
  return [
    ...infos,
    { shield: { type: 'strategy', detail: { reason: 'maintenance' } }, action: { notice_group_list: [] } },
    { empty_receiver: true, webhook_configs: [{ url: 'x' }], webhook_records: { a: 1 } },
    { action: { notice_group_list: ['12', null, { id: 3, notice_receiver: ['user#admin', null, { id: 9 }], notice_way: ['sms', 'sms'] }] } },
  ];
}

/** Every path to a value inside `value`, objects and arrays alike. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

/** A deep copy of `info` with the value at `path` replaced. */
function withValueAt(info: Json, path: Array<string | number>, value: unknown): Json {
  const copy = structuredClone(info);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

function expectSameAsSchemas(operate: string, info: Json): void {
  expect({ info, details: readExtendInfo(operate, info) }).toEqual({ info, details: readExtendInfoBySchema(operate, info) });
}

describe('extend_info read by hand', () => {
  const infos = recordedInfos();

  it('reads recorded and bench extend_info exactly as the schemas do', () => {
    expect(infos.length).toBeGreaterThan(40);
    // The recorded shapes are the common case the hand-read path exists for: it takes them itself.
    expect(infos.filter((info) => 'process_time' in info && readConvergePlainly(info) !== OFF_PATH).length).toBeGreaterThan(20);
    expect(infos.filter((info) => 'action' in info && readNoticePlainly(info) !== OFF_PATH).length).toBeGreaterThan(20);
    for (const info of infos) for (const operate of ['CONVERGE', 'ANOMALY_NOTICE', 'ACK']) expectSameAsSchemas(operate, info);
  });

  it('gives the schemas\' answer whatever odd value stands anywhere in them', () => {
    // One of each kind of record is enough: the bench repeats a few shapes.
    const samples = new Map<string, Json>();
    for (const info of infos) samples.set(Object.keys(info).sort().join(','), info);
    let checked = 0;
    for (const info of samples.values()) {
      for (const path of pathsOf(info).filter((p) => p.length > 0)) {
        for (const value of ODD_VALUES) {
          expectSameAsSchemas('ANOMALY_NOTICE', withValueAt(info, path, value));
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
