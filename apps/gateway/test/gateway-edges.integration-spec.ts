import { createTestWorld, RunningService, startTestService } from '@crowdlink/testing';
import { gatewayService } from '../src/gateway.definition';

describe('gateway per-IP rate limit', () => {
  let gateway: RunningService;

  beforeAll(async () => {
    gateway = await startTestService(gatewayService, await createTestWorld({ RATE_LIMIT_PER_MINUTE: '5' }));
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('answers 429 RATE_LIMITED once an address passes RATE_LIMIT_PER_MINUTE', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${gateway.url}/v1/nowhere`)).status);
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);

    const limited = await fetch(`${gateway.url}/v1/nowhere`);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('gateway without a per-IP limit', () => {
  let gateway: RunningService;

  beforeAll(async () => {
    gateway = await startTestService(gatewayService, await createTestWorld());
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('does not limit by default', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 30 }, async () => (await fetch(`${gateway.url}/v1/nowhere`)).status),
    );
    expect(new Set(statuses)).toEqual(new Set([404]));
  });

  it('serves a browsable API at /docs that reads the merged document', async () => {
    const page = await fetch(`${gateway.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain("url: '/v1/openapi.json'");
    const bundle = await fetch(`${gateway.url}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });

  it('serves Prometheus metrics with request latency by route', async () => {
    await fetch(`${gateway.url}/health`);
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    const healthCount = metrics
      .split('\n')
      .find((line) => line.startsWith('http_request_duration_seconds_count{') && line.includes('route="/health"'));
    expect(healthCount).toMatch(/status_code="200".* [1-9]\d*$/);
    expect(metrics).toMatch(/^outbox_backlog\{service="gateway"\} \d+$/m);
  });
});
