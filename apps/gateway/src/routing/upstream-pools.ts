import { Agent, Dispatcher } from 'undici';

export type HeaderFields = Record<string, string | string[] | undefined>;

export interface UpstreamRequest {
  method: string;
  /** Path and query, as the client sent them. */
  path: string;
  headers: HeaderFields;
  body?: Buffer;
}

export interface UpstreamAnswer {
  statusCode: number;
  headers: HeaderFields;
  body: Buffer;
}

/**
 * Headers that speak about one connection, not the message (RFC 9110 §7.6.1), so a proxy
 * never passes them on; `expect` too, as Node's server already answered it, and undici
 * refuses to send it.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

/**
 * Keep-alive connection pools to the services, one per origin (undici's Agent keeps them), and
 * the one exchange the gateway makes over them: the client's request out, the service's whole
 * answer back. The answers are JSON documents, and taking one whole costs the gateway less CPU
 * than streaming it through (bench:pledge).
 */
export class UpstreamPools {
  private readonly agent: Agent;

  constructor({ connections, timeoutMs }: { connections: number; timeoutMs: number }) {
    this.agent = new Agent({
      connections,
      keepAliveTimeout: 30_000,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  async exchange(origin: string, request: UpstreamRequest): Promise<UpstreamAnswer> {
    const headers = endToEnd(request.headers);
    delete headers.host; // undici names the service's host
    delete headers['content-length']; // and counts the body it sends
    const answer = await this.agent.request({
      origin,
      method: request.method as Dispatcher.HttpMethod,
      path: request.path,
      headers,
      body: request.body,
    });
    const chunks: Buffer[] = [];
    for await (const chunk of answer.body) chunks.push(chunk as Buffer);
    return { statusCode: answer.statusCode, headers: endToEnd(answer.headers), body: Buffer.concat(chunks) };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** The headers without those about the connection, including any its `connection` header names. */
export function endToEnd(headers: HeaderFields): HeaderFields {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !named.includes(name)));
}
