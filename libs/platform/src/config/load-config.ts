import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { PlatformConfig } from './platform.config';

export class ConfigurationError extends Error {}

/** Reads the environment into a validated config, or throws one line per bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): PlatformConfig {
  const setValues = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(PlatformConfig, setValues);
  // whitelist drops every environment variable that is not a setting of ours
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigurationError(`Invalid configuration:\n${errors.map(describe).join('\n')}`);
  }
  return config;
}

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `  ${error.property}: ${reasons}`;
}
