import type { PssLevel } from '../pss';
import { isValidatedKind, VALIDATED_KINDS, validateManifest } from '../validate/engine';
import { toFieldPath } from '../validate/issue';
import { field, isObject, str } from '../validate/read';
import { readYamlDocuments } from '../yaml';
import type { CheckIssue, CheckResult, CheckStatus } from './result';

export interface CheckOptions {
  /** Also check a Pod Security Standards level. @default - none */
  readonly pss?: PssLevel;
}

const NO_ISSUES: readonly CheckIssue[] = [];

/**
 * Checks every document of a YAML stream: kinds the engine has rules for (VALIDATED_KINDS) through
 * the engine, which also judges their apiVersion; others skipped. The same engine runs at synth
 * time, so a file passes here exactly when the constructs would let it through.
 */
export function checkDocuments(file: string, text: string, options: CheckOptions = {}): CheckResult[] {
  // One document read, checked and let go at a time.
  return Array.from(readYamlDocuments(text), (doc): CheckResult => {
    // Every result is built by one literal of one shape: ten thousand of them stay cheap to make and read.
    const result = (
      kind: string | undefined,
      name: string | undefined,
      status: CheckStatus,
      errors: readonly CheckIssue[],
    ): CheckResult => ({ file, document: doc.index, line: doc.line, kind, name, status, errors, warnings: NO_ISSUES });
    if (doc.errors.length > 0) {
      return result(
        undefined,
        undefined,
        'unreadable',
        doc.errors.map((m) => ({ path: '', message: m, code: 'yaml/parse-error' })),
      );
    }
    const m = doc.value;
    if (!isObject(m)) {
      return result(undefined, undefined, 'unreadable', [
        {
          path: '',
          message: `document starting at line ${doc.line} is not a mapping (an object with apiVersion and kind)`,
          code: 'yaml/not-a-mapping',
        },
      ]);
    }
    const kind = str(field(m, 'kind'));
    const name = str(field(m, 'metadata', 'name'));
    if (kind === undefined || !VALIDATED_KINDS.has(kind)) return result(kind, name, 'skipped', NO_ISSUES);
    const issues: CheckIssue[] = validateManifest(m).map((i) => ({
      path: toFieldPath(i.path),
      message: i.message,
      code: i.code,
    }));
    if (options.pss && isValidatedKind(m)) {
      // Loaded only when asked for: most runs don't check Pod Security, and start-up counts.
      const { checkPodSecurity } = require('../pss') as typeof import('../pss');
      const { exemptionsOf } = require('../pod-security') as typeof import('../pod-security');
      const { violations } = checkPodSecurity(m, { level: options.pss, exemptions: exemptionsOf(m) });
      for (const v of violations)
        issues.push({
          path: toFieldPath(v.path),
          message: `violates PodSecurity "${options.pss}": ${v.message}`,
          code: `pss/${v.check}`,
        });
    }
    return result(kind, name, issues.length === 0 ? 'valid' : 'invalid', issues);
  });
}
