import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/**
 * `processMetrics`: prom-client's default metrics of the process. Its GC metric subscribes a
 * PerformanceObserver that prom-client never disconnects (prometheus/client_js#500), which
 * keeps everything its module can reach alive as long as the process: harmless for a service,
 * one app per process, but a test process boots services by the dozen, so tests go without.
 */
export function createMetricsRegistry(service: string, processMetrics: boolean): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (processMetrics) collectDefaultMetrics({ register: registry });
  return registry;
}

export function createHttpLatencyHistogram(registry: Registry): Histogram<'method' | 'route' | 'status_code'> {
  return new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template and status',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
}
