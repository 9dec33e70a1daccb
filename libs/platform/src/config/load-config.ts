import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { ServiceName } from '@crowdlink/contracts';
import { PlatformConfig } from './platform.config';

export class ConfigurationError extends Error {}

/** Settings that only the gateway uses, and that it cannot run in production without. */
const GATEWAY_PRODUCTION_SECRETS = ['JWT_PRIVATE_KEY', 'ADMIN_EMAIL', 'ADMIN_PASSWORD'] as const;

/** Reads the environment into a validated config, or throws one line per bad variable. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  service?: ServiceName,
): PlatformConfig {
  const setValues = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(PlatformConfig, setValues);
  // whitelist drops every environment variable that is not a setting of ours
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  const problems = errors.map(describe);
  if (config.NODE_ENV === 'production' && service === 'gateway') {
    for (const name of GATEWAY_PRODUCTION_SECRETS) {
      if (config[name] === undefined) problems.push(`  ${name}: required in production`);
    }
  }
  if (problems.length > 0) throw new ConfigurationError(`Invalid configuration:\n${problems.join('\n')}`);
  return config;
}

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `  ${error.property}: ${reasons}`;
}
