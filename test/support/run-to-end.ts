import { execFile, ExecFileOptions } from 'node:child_process';
import { promisify } from 'node:util';

/** How a command ended: its exit code and everything it wrote. */
export interface Ended {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; a non-zero exit is an answer to check, not an error. */
export function runToEnd(file: string, args: string[], options: ExecFileOptions): Promise<Ended> {
  return promisify(execFile)(file, args, { ...options, encoding: 'utf8' }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: Ended) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}
