import { ServiceName } from '@crowdlink/contracts';
import { PlatformConfig } from './platform.config';

export function portOf(config: PlatformConfig, service: ServiceName): number {
  switch (service) {
    case 'gateway':
      return config.GATEWAY_PORT;
    case 'project-listing':
      return config.PROJECT_LISTING_PORT;
    case 'investor':
      return config.INVESTOR_PORT;
    case 'pledge':
      return config.PLEDGE_PORT;
    case 'loan-linkage':
      return config.LOAN_LINKAGE_PORT;
  }
}

/** Base URL at which the gateway reaches a service. */
export function urlOf(config: PlatformConfig, service: Exclude<ServiceName, 'gateway'>): string {
  const configured = {
    'project-listing': config.PROJECT_LISTING_URL,
    investor: config.INVESTOR_URL,
    pledge: config.PLEDGE_URL,
    'loan-linkage': config.LOAN_LINKAGE_URL,
  }[service];
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  return (configured ?? `http://${host}:${portOf(config, service)}`).replace(/\/$/, '');
}
