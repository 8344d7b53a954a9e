import type { CheckResult } from '../result';
import { jsonReport } from './json';
import { textReport } from './text';

/** The report formats, one file each, all fed the same results. */
export const OUTPUT_FORMATS = ['text', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ReportOptions {
  /** Colour the text report. @default false */
  readonly colour?: boolean;
}

/** The report of `results` in `format`. */
export function report(format: OutputFormat, results: readonly CheckResult[], options: ReportOptions = {}): string {
  switch (format) {
    case 'json':
      return jsonReport(results);
    case 'text':
      return textReport(results, options.colour ?? false);
  }
}
