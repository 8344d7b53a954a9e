import type { ScalarTag, Schema } from 'yaml';
import { yamlLibrary } from './library';
import {
  BINARY_TAG,
  BOOL_TAG,
  FLOAT_TAG,
  goResolve,
  GoYamlError,
  INT_TAG,
  MERGE_KEY,
  MERGE_TAG,
  NULL_TAG,
  STR_TAG,
  TIMESTAMP_TAG,
} from './go-yaml-resolve';

/**
 * go-yaml's scalar rules (goResolve, go-yaml-resolve.ts) as a schema of the yaml package, for
 * the exact reader: implicit tags resolve plain scalars as resolve.go does, explicit ones
 * (`!!int "12"`, `!!binary ...`) as go-yaml decodes them.
 */

/** A RegExp whose test() asks go-yaml's resolver, so the yaml package picks tags as go-yaml does. */
class ResolvesTo extends RegExp {
  public constructor(private readonly want: string) {
    super('');
  }

  public override test(s: string): boolean {
    return implicitTag(s) === this.want;
  }
}

let lastPlain: string | undefined;
let lastTag = STR_TAG;
function implicitTag(s: string): string {
  if (s !== lastPlain) {
    lastPlain = s;
    lastTag = s === '<<' ? MERGE_TAG : goResolve('', s)[0];
  }
  return lastTag;
}

function implicit(tag: string): ScalarTag {
  return {
    tag,
    default: true,
    test: new ResolvesTo(tag),
    resolve: (s: string) => (tag === MERGE_TAG ? MERGE_KEY : goResolve('', s)[1]),
  };
}

/** Explicitly tagged scalars (`!!int "12"`, `!!binary ...`): found by name before any tag with a test. */
function explicit(tag: string): ScalarTag {
  return {
    tag,
    default: false,
    resolve: (s: string, onError: (message: string) => void) => {
      try {
        return goResolve(tag, s)[1];
      } catch (e) {
        onError(e instanceof GoYamlError ? e.message : String(e));
        return s;
      }
    },
  };
}

/** The schema: failsafe (map, seq, str) plus go-yaml's scalar types. Unknown tags read as strings. */
export function kubectlSchema(): Schema {
  const types = [NULL_TAG, BOOL_TAG, INT_TAG, FLOAT_TAG, TIMESTAMP_TAG, MERGE_TAG];
  const { Schema: YamlSchema } = yamlLibrary();
  return new YamlSchema({
    schema: 'failsafe',
    resolveKnownTags: false,
    customTags: [...types.map(explicit), explicit(BINARY_TAG), ...types.map(implicit)],
  });
}
