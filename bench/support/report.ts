import { cpus, loadavg } from 'node:os';
import { type Answers, percentile } from '../members/load.ts';
import { BENCH_LOGS } from './stack.ts';

/** Printing a benchmark's progress and its summary table (shared by the benchmarks). */
export const out = (line = '') => process.stdout.write(`${line}\n`);
export const loud = (line: string) => out(`\n!!! ${line}\n`);
export const ms = (value: number) =>
  Number.isNaN(value) ? '—' : `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
export const whole = (value: number) => Math.round(value).toLocaleString('en-US');
export const loadLine = () =>
  `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`;
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/** The answers' time at a percentile (0–1). */
export const p = (answers: Answers, at: number) =>
  percentile(
    [...answers.times].sort((a, b) => a - b),
    at,
  );

export const latencyLine = (answers: Answers) => {
  const sorted = [...answers.times].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 0.5))}, p95 ${ms(percentile(sorted, 0.95))}, p99 ${ms(percentile(sorted, 0.99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`;
};

export interface Row {
  figure: string;
  target: string;
  measured: string;
  verdict: 'PASS' | 'FAIL' | '—';
}

export interface Report {
  rows: Row[];
  problems: string[];
  /** How busy the machine was during each part, and with whose work. */
  conditions: string[];
  print(startedAt: number): void;
}

/** The summary table with target, measured and verdict, the conditions, then any problems. */
export function createReport(): Report {
  const rows: Row[] = [];
  const problems: string[] = [];
  const conditions: string[] = [];
  return {
    rows,
    problems,
    conditions,
    print(startedAt) {
      const widths = [0, 1, 2].map((column) =>
        Math.max(...rows.map((row) => [row.figure, row.target, row.measured][column]!.length), 7),
      );
      const line = (cells: string[]) =>
        `| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 7)).join(' | ')} |`;
      out('\nSummary');
      out(line(['figure', 'target', 'measured', 'verdict']));
      out(line(widths.map((width) => '-'.repeat(width)).concat('-------')));
      for (const row of rows) out(line([row.figure, row.target, row.measured, row.verdict]));
      out(
        `\nConditions: ${cpus().length} cores (${cpus()[0]?.model.trim()}), load generator on the same machine, ` +
          `services logging at info to ${BENCH_LOGS}; ${loadLine()} at the end; ${Math.round((performance.now() - startedAt) / 1000)} s in all.`,
      );
      for (const condition of conditions) out(`  ${condition}`);
      if (problems.length > 0) {
        out('\n!!! PROBLEMS');
        for (const problem of problems) out(`!!! - ${problem}`);
      }
    },
  };
}
