'use strict';
// Container health probe: GET /health on this container's own service, exit 0 only on 200.
// Used by the Dockerfile HEALTHCHECK and docker/compose.yaml; plain node, since the slim
// image has no curl or wget. The service is $SERVICE (set in the image from the build arg);
// its port is <SERVICE>_PORT (e.g. PLEDGE_PORT), falling back to the defaults of
// libs/platform/src/config/platform.config.ts.
const http = require('node:http');

const DEFAULT_PORTS = {
  gateway: 3000,
  'project-listing': 3001,
  investor: 3002,
  pledge: 3003,
  'loan-linkage': 3004,
};

const service = process.env.SERVICE || 'gateway';
const port = Number(process.env[`${service.toUpperCase().replace(/-/g, '_')}_PORT`] || DEFAULT_PORTS[service]);
const listening = process.env.HOST || '0.0.0.0';
const host = listening === '0.0.0.0' || listening === '::' ? '127.0.0.1' : listening;

if (!Number.isInteger(port)) {
  process.stderr.write(`healthcheck: no port known for SERVICE=${service}\n`);
  process.exit(1);
}

const request = http.get({ host, port, path: '/health', timeout: 4000 }, (response) => {
  response.resume();
  process.exit(response.statusCode === 200 ? 0 : 1);
});
request.on('timeout', () => request.destroy(new Error('timeout')));
request.on('error', (error) => {
  process.stderr.write(`healthcheck: ${error.message}\n`);
  process.exit(1);
});
