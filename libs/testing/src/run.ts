import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs a command and returns its stdout; the error carries stderr for a readable failure. */
export async function run(file: string, args: string[], timeoutMs = 180_000): Promise<string> {
  try {
    const { stdout } = await execFileAsync(file, args, { timeout: timeoutMs, maxBuffer: 10 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(
      `${file} ${args.join(' ')} failed: ${(stderr ?? '').trim().split('\n').slice(-15).join('\n')}`,
      {
        cause: error,
      },
    );
  }
}

/** Reads `KEY=value` lines, as infra.sh prints them. */
export function parseUrls(stdout: string): Record<string, string> {
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => line.trim().match(/^([A-Z_]+)=(.+)$/))
      .filter((match): match is RegExpMatchArray => match !== null)
      .map(([, key, value]) => [key!, value!]),
  );
}

export async function dockerEngineAnswers(): Promise<boolean> {
  try {
    await execFileAsync('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}
