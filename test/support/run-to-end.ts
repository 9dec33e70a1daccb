import { execFile, ExecFileOptions } from 'node:child_process';
import { promisify } from 'node:util';

/** How a command ended: its exit code and everything it wrote. */
export interface Ended {
  code: number;
  stdout: string;
  stderr: string;
}

/** What execFile rejects with: an exit code when the command ran, an errno string (or null, killed) when it did not end by itself. */
type Failed = Error & { code?: number | string | null; stdout?: string; stderr?: string };

/**
 * Runs a command to its end; a non-zero exit is an answer to check, not an error. A command
 * that could not be started or was killed rejects with what stopped it.
 */
export function runToEnd(file: string, args: string[], options: ExecFileOptions): Promise<Ended> {
  return promisify(execFile)(file, args, { ...options, encoding: 'utf8' }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: Failed) => {
      if (typeof error.code !== 'number') throw error;
      return { code: error.code, stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
    },
  );
}
