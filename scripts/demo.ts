/**
 * `npm run demo`: plays scenario 1 (a funded equity round with a linked bank loan) against a
 * running marketplace (`npm start` in another shell) and tells each step: who did it, what
 * they asked, what the marketplace answered. Ends with a summary table. Every run makes its
 * own people and company, so it can be played again and again on the same database.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fundedRoundSummary, playFundedRound } from './scenarios/funded-round.scenario';
import { DEFAULT_ADMIN_CREDENTIALS } from './scenarios/identity.steps';
import { MarketplaceClient } from './scenarios/marketplace-client';
import { ScenarioStepError, StepReport } from './scenarios/scenario-report';

const ANSWER_WIDTH = 110;

const tty = process.stdout.isTTY === true;
const paint = (code: number) => (text: string) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = paint(1);
const dim = paint(2);
const green = paint(32);
const red = paint(31);

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const baseUrl = (process.env.CROWDLINK_URL ?? `http://localhost:${process.env.GATEWAY_PORT ?? 3000}`).replace(
    /\/+$/,
    '',
  );
  await assertRunning(baseUrl);

  let stepNumber = 0;
  const client = new MarketplaceClient(baseUrl, (step) => printStep(++stepNumber, step));
  console.log(bold(`Crowdlink demo against ${baseUrl}: a funded equity round with a linked bank loan\n`));
  const round = await playFundedRound({
    client,
    adminCredentials: {
      email: process.env.ADMIN_EMAIL ?? DEFAULT_ADMIN_CREDENTIALS.email,
      password: process.env.ADMIN_PASSWORD ?? DEFAULT_ADMIN_CREDENTIALS.password,
    },
    runTag: `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`,
  });
  printSummary(fundedRoundSummary(round));
}

async function assertRunning(baseUrl: string): Promise<void> {
  try {
    const health = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
    if (health.status === 200) return;
    fail(`Crowdlink at ${baseUrl} is not healthy (GET /health answered ${health.status}). Check the npm start shell.`);
  } catch (error) {
    fail(
      `Crowdlink is not running at ${baseUrl} (${reasonOf(error)}). Start it with: npm start (or set CROWDLINK_URL).`,
    );
  }
}

/** ECONNREFUSED rather than fetch's "fetch failed". */
function reasonOf(error: unknown): string {
  return (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
}

function printStep(number: number, step: StepReport): void {
  const ok = step.answer.status < 400;
  const waited =
    step.waitedMs !== undefined && step.waitedMs >= 500 ? dim(` (after ${(step.waitedMs / 1000).toFixed(1)} s)`) : '';
  console.log(`${String(number).padStart(3)}. ${bold(step.actor)} ${step.action}${waited}`);
  console.log(
    `     ${dim(`${step.request.method} ${step.request.path}`)} → ${(ok ? green : red)(String(step.answer.status))} ${step.answer.told ?? dim(answerText(step.answer.body))}`,
  );
}

/** An answer the step has no words for, in one short line; tokens are not for the screen. */
function answerText(body: unknown): string {
  if (body === undefined) return '';
  const text = JSON.stringify(body, (key, value: unknown) => (key === 'accessToken' ? '…' : value));
  return text.length > ANSWER_WIDTH ? `${text.slice(0, ANSWER_WIDTH - 1)}…` : text;
}

function printSummary(rows: [string, string][]): void {
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const line = `+${'-'.repeat(labelWidth + 2)}+${'-'.repeat(valueWidth + 2)}+`;
  console.log(`\n${bold('Summary')}\n${line}`);
  for (const [label, value] of rows) console.log(`| ${label.padEnd(labelWidth)} | ${value.padEnd(valueWidth)} |`);
  console.log(line);
}

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

main().catch((error: unknown) =>
  fail(red(`The demo stopped: ${error instanceof ScenarioStepError ? error.message : reasonOf(error)}`)),
);
