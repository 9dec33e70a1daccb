/**
 * `npm run dead-letters`: the events each service's consumer parked (malformed, or whose
 * handler kept failing), with the reason; and, once the cause is mended, sending them back:
 *
 *   npm run dead-letters                                  every service's letters
 *   npm run dead-letters -- replay <service>              all of that service's letters
 *   npm run dead-letters -- replay <service> <id> [...]   only those
 *
 * Uses REDIS_URL and REDIS_PREFIX as the services do (and .env, as `npm start` does).
 */
import { existsSync } from 'node:fs';
import { SERVICE_NAMES, ServiceName } from '@crowdlink/contracts';
import { BullMqConnections, DeadLetterOffice } from '@crowdlink/messaging';
import { checkRedis, loadConfig } from '@crowdlink/platform';

const USAGE = 'usage: npm run dead-letters [-- replay <service> [<letter id> ...]]';

async function main(args: string[]): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  await checkRedis(config.REDIS_URL);
  const connections = new BullMqConnections(config);
  try {
    const [command, service, ...letterIds] = args;
    if (command === undefined) {
      for (const name of SERVICE_NAMES) await list(name, new DeadLetterOffice(name, connections));
      return;
    }
    if (command !== 'replay' || !isServiceName(service)) throw new UsageError(USAGE);
    const replayed = await new DeadLetterOffice(service, connections).replay(
      letterIds.length > 0 ? letterIds : undefined,
    );
    console.log(`${service}: ${replayed} event(s) sent back to ${service}.inbox`);
  } finally {
    await connections.close();
  }
}

async function list(service: ServiceName, office: DeadLetterOffice): Promise<void> {
  const letters = await office.list();
  console.log(`${service}: ${letters.length} dead letter(s)`);
  for (const letter of letters) {
    const events = letter.events === 1 ? '' : ` (${letter.events} events)`;
    console.log(`  ${letter.id}  ${letter.failedAt}  ${letter.type}${events}: ${letter.reason}`);
  }
}

function isServiceName(name: string | undefined): name is ServiceName {
  return (SERVICE_NAMES as readonly (string | undefined)[]).includes(name);
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
