import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { endToEnd, UpstreamPools } from './upstream-pools';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describe('UpstreamPools', () => {
  let server: Server;
  let origin: string;
  let received: Received[];
  const pools = new UpstreamPools({ connections: 4, timeoutMs: 5_000 });

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          method: request.method!,
          url: request.url!,
          headers: request.headers,
          body: Buffer.concat(chunks),
        });
        response.writeHead(201, [
          ['content-type', 'application/json; charset=utf-8'],
          ['set-cookie', 'a=1'],
          ['set-cookie', 'b=2'],
          ['connection', 'keep-alive, x-between-us'],
          ['x-between-us', 'one hop only'],
          ['x-answer', 'kept'],
        ]);
        // written in two chunks: the answer comes back whole
        response.write('{"id":');
        response.end('"p-1"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => (received = []));
  afterAll(async () => {
    await pools.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the exact bytes, path and query, and the message headers, not the connection ones', async () => {
    // a body whose bytes a re-serialisation would change (a webhook's signature covers them)
    const body = Buffer.from('{ "b":1,\n  "a": "é" }');

    await pools.exchange(origin, {
      method: 'POST',
      path: '/v1/payments/stripe/webhook?x=%20y',
      headers: {
        host: 'gateway.example',
        'content-type': 'application/json',
        'content-length': String(body.length),
        'stripe-signature': 't=1,v1=abc',
        connection: 'keep-alive, x-between-us',
        'x-between-us': 'one hop only',
        'keep-alive': 'timeout=5',
        te: 'trailers',
        expect: '100-continue',
      },
      body,
    });

    const [sent] = received;
    expect(sent).toMatchObject({ method: 'POST', url: '/v1/payments/stripe/webhook?x=%20y' });
    expect(sent!.body.equals(body)).toBe(true);
    expect(sent!.headers).toMatchObject({
      host: new URL(origin).host,
      'content-type': 'application/json',
      'content-length': String(body.length),
      'stripe-signature': 't=1,v1=abc',
    });
    for (const name of ['x-between-us', 'keep-alive', 'te', 'expect']) expect(sent!.headers).not.toHaveProperty(name);
  });

  it('brings back the status, the whole body and the end-to-end headers, repeated ones included', async () => {
    const answer = await pools.exchange(origin, { method: 'GET', path: '/v1/anything', headers: {} });

    expect(answer.statusCode).toBe(201);
    expect(answer.body.toString()).toBe('{"id":"p-1"}');
    expect(answer.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'set-cookie': ['a=1', 'b=2'],
      'x-answer': 'kept',
    });
    expect(answer.headers).not.toHaveProperty('connection');
    expect(answer.headers).not.toHaveProperty('x-between-us');
    expect(answer.headers).not.toHaveProperty('transfer-encoding');
  });

  it('fails when nothing answers at the origin', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    await expect(
      pools.exchange(`http://127.0.0.1:${port}`, { method: 'GET', path: '/v1/anything', headers: {} }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('endToEnd', () => {
  it('drops the hop-by-hop headers and those the connection header names, whatever their case', () => {
    expect(
      endToEnd({
        connection: 'Close, X-Private',
        'x-private': '1',
        upgrade: 'h2c',
        'transfer-encoding': 'chunked',
        accept: '*/*',
      }),
    ).toEqual({ accept: '*/*' });
  });
});
