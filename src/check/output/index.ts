import type { CheckResult } from '../result';
import { githubReport } from './github';
import { jsonReport } from './json';
import { junitReport } from './junit';
import { sarifReport } from './sarif';
import { textReport } from './text';

/** The report formats, one file each, all fed the same results. */
export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
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
    case 'sarif':
      return sarifReport(results);
    case 'junit':
      return junitReport(results);
    case 'github':
      return githubReport(results);
    case 'text':
      return textReport(results, options.colour ?? false);
  }
}
