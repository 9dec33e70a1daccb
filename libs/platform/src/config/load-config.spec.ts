import { ConfigurationError, loadConfig } from './load-config';

describe(loadConfig.name, () => {
  it('runs on defaults for a local machine', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/crowdlink');
    expect(config.GATEWAY_PORT).toBe(3000);
  });

  it('reads numbers from strings and ignores unrelated variables and empty values', () => {
    const config = loadConfig({ PLEDGE_PORT: '4003', HOME: '/root', LOG_LEVEL: '' });
    expect(config.PLEDGE_PORT).toBe(4003);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('names every bad variable', () => {
    const load = () => loadConfig({ GATEWAY_PORT: 'eighty', REDIS_URL: 'http://x' });
    expect(load).toThrow(/^ {2}GATEWAY_PORT: .*must be an integer number$/m);
    expect(load).toThrow(/^ {2}REDIS_URL: REDIS_URL must be a redis:\/\/ URL$/m);
  });

  it('refuses a production gateway without its secrets, but not another service', () => {
    const production = { NODE_ENV: 'production', JWT_PUBLIC_KEY: 'pem' };
    expect(() => loadConfig(production, 'gateway')).toThrow(ConfigurationError);
    expect(() => loadConfig(production, 'gateway')).toThrow(
      /JWT_PRIVATE_KEY: required in production[\s\S]*ADMIN_PASSWORD/,
    );
    expect(() => loadConfig(production, 'pledge')).not.toThrow();
  });

  it('refuses production without the public key that verifies tokens', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, 'pledge')).toThrow(/JWT_PUBLIC_KEY/);
  });

  it('pays through the sandbox by default, and refuses stripe without its secret key and webhook secret', () => {
    expect(loadConfig({}).PAYMENT_PROVIDER).toBe('sandbox');
    expect(() => loadConfig({ PAYMENT_PROVIDER: 'stripe' })).toThrow(
      /^ {2}STRIPE_SECRET_KEY: STRIPE_SECRET_KEY .*required with PAYMENT_PROVIDER=stripe[\s\S]*STRIPE_WEBHOOK_SECRET/m,
    );
    expect(() => loadConfig({ PAYMENT_PROVIDER: 'paypal' })).toThrow(/PAYMENT_PROVIDER/);
    const stripe = { PAYMENT_PROVIDER: 'stripe', STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_1' };
    expect(loadConfig(stripe).PAYMENT_PROVIDER).toBe('stripe');
  });
});
