import { createPrometheusMetrics } from '../src/metrics-prometheus';
import { promSample } from './helpers/prometheus-text';

describe('createPrometheusMetrics', () => {
  it('exposes lookups by outcome, cache hits, coalesced calls and rate-limited requests by kind', async () => {
    const metrics = createPrometheusMetrics({ defaultMetrics: false });
    metrics.lookup('ok');
    metrics.lookup('ok');
    metrics.lookup('timeout');
    metrics.cacheHit();
    metrics.coalesced();
    metrics.coalesced();
    metrics.coalesced();
    metrics.rateLimited('user');
    metrics.rateLimited('busy');
    metrics.rateLimited('upstream');
    metrics.rateLimited('upstream');
    const text = await metrics.render();

    expect(promSample(text, 'eventlog_lookups_total', { outcome: 'ok' })).toBe(2);
    expect(promSample(text, 'eventlog_lookups_total', { outcome: 'timeout' })).toBe(1);
    expect(promSample(text, 'eventlog_cache_hits_total')).toBe(1);
    expect(promSample(text, 'eventlog_coalesced_total')).toBe(3);
    expect(promSample(text, 'eventlog_rate_limited_total', { kind: 'user' })).toBe(1);
    expect(promSample(text, 'eventlog_rate_limited_total', { kind: 'busy' })).toBe(1);
    expect(promSample(text, 'eventlog_rate_limited_total', { kind: 'upstream' })).toBe(2);
    expect(text).toContain('# TYPE eventlog_lookups_total counter');
  });

  it('puts upstream latencies in histogram buckets by outcome', async () => {
    const metrics = createPrometheusMetrics({ defaultMetrics: false });
    metrics.upstreamLatency(0.02, 'ok');
    metrics.upstreamLatency(0.3, 'ok');
    metrics.upstreamLatency(12, 'timeout');
    const text = await metrics.render();

    expect(text).toContain('# TYPE eventlog_upstream_latency_seconds histogram');
    expect(promSample(text, 'eventlog_upstream_latency_seconds_bucket', { outcome: 'ok', le: '0.025' })).toBe(1);
    expect(promSample(text, 'eventlog_upstream_latency_seconds_bucket', { outcome: 'ok', le: '0.25' })).toBe(1);
    expect(promSample(text, 'eventlog_upstream_latency_seconds_bucket', { outcome: 'ok', le: '0.5' })).toBe(2);
    expect(promSample(text, 'eventlog_upstream_latency_seconds_count', { outcome: 'ok' })).toBe(2);
    expect(promSample(text, 'eventlog_upstream_latency_seconds_sum', { outcome: 'ok' })).toBeCloseTo(0.32, 10);
    expect(promSample(text, 'eventlog_upstream_latency_seconds_bucket', { outcome: 'timeout', le: '10' })).toBe(0);
    expect(promSample(text, 'eventlog_upstream_latency_seconds_bucket', { outcome: 'timeout', le: '+Inf' })).toBe(1);
  });

  it('gives each instance its own registry, so two apps in one process do not add up', async () => {
    const first = createPrometheusMetrics({ defaultMetrics: false });
    const second = createPrometheusMetrics({ defaultMetrics: false });
    first.cacheHit();
    expect(promSample(await second.render(), 'eventlog_cache_hits_total')).toBe(0);
    expect(promSample(await first.render(), 'eventlog_cache_hits_total')).toBe(1);
  });

  it('adds the process metrics under the eventlog_ prefix when asked, in Prometheus text format', async () => {
    const metrics = createPrometheusMetrics({ defaultMetrics: true });
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.render();
    expect(promSample(text, 'eventlog_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
