/**
 * The TKEStack console's per-container log directory (docs/tkestack.md §3): the pod annotation
 * `log.tke.cloud.tencent.com/log-dir` holds JSON mapping container names to directories, which
 * LogAgent reads through the container's volumes. Checked on the manifest, so hand-written YAML
 * and manifests changed by escape hatches are held to the same rule as the construct's output.
 */
import { key, type FieldPath, type Issue } from '../issue';
import { entries, get, isObject, issue, list, str } from '../read';
import { NO_ISSUES, type Rule, type RuleSet } from '../rule';
import { LOG_DIRECTORY_ANNOTATION } from '../../tkestack/log-directory';
import { isPodMetadata, podSpecOfMetadata } from './_shared/pod-metadata';

/**
 * The language of the console's `_validateDir` pattern (validateWorkloadActions.ts, tkestack/tke
 * @31e93ce), `/^\/(?:[a-zA-Z0-9-_.]+\/?)*$/`: "/" and then names, no "//". Its nested `+` inside `*`
 * backtracks exponentially on a long name that ends in another character (a hang on untrusted
 * input); one character per repetition accepts the same strings in linear time.
 */
const LOG_DIRECTORY_PATTERN = /^\/(?:[a-zA-Z0-9-_.]\/?)*$/;

/** Whether `dir` is `mountPath` or inside it. */
function isUnder(dir: string, mountPath: string): boolean {
  const base = mountPath.endsWith('/') ? mountPath : `${mountPath}/`;
  return dir === mountPath || dir.startsWith(base);
}

function parse(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** One container's directory: an absolute path on one of the volumes that container mounts. */
function directoryIssues(name: string, dir: unknown, podSpec: unknown, path: FieldPath): readonly Issue[] {
  if (typeof dir !== 'string' || !LOG_DIRECTORY_PATTERN.test(dir)) {
    return [
      issue(
        path,
        'log-directory/invalid',
        `container "${name}": log directory must be an absolute path of letters, digits, "-", "_" and ".", got ${typeof dir === 'string' ? `"${dir}"` : JSON.stringify(dir)}`,
      ),
    ];
  }
  // LogAgent and the console offer only regular containers.
  const container = list(get(podSpec, 'containers')).find((c) => get(c, 'name') === name);
  if (container === undefined) {
    return [
      issue(
        path,
        'log-directory/container-not-found',
        `names container "${name}", which the pod does not have: use the name of one of its containers`,
      ),
    ];
  }
  const mountPaths = list(get(container, 'volumeMounts')).flatMap((m) => str(get(m, 'mountPath')) ?? []);
  if (mountPaths.some((m) => isUnder(dir, m))) return NO_ISSUES;
  const mounted = mountPaths.length > 0 ? `its mounts are ${mountPaths.join(', ')}` : 'it mounts no volume';
  return [
    issue(
      path,
      'log-directory/not-on-volume',
      `container "${name}": log directory ${dir} is not on a mounted volume (${mounted}): mount a volume at ${dir} or a parent of it`,
    ),
  ];
}

const logDirectory: Rule = (meta, path, ctx) => {
  if (!isPodMetadata(ctx)) return NO_ISSUES;
  const value = str(get(get(meta, 'annotations'), LOG_DIRECTORY_ANNOTATION));
  if (value === undefined) return NO_ISSUES;
  const at: FieldPath = [...path, 'annotations', key(LOG_DIRECTORY_ANNOTATION)];
  const dirs = parse(value);
  if (!isObject(dirs)) {
    return [
      issue(
        at,
        'log-directory/annotation-invalid',
        `must be a JSON object mapping container names to log directories, e.g. {"app":"/var/log/app"}, got ${JSON.stringify(value)}`,
      ),
    ];
  }
  const podSpec = podSpecOfMetadata(ctx);
  const out: Issue[] = [];
  for (const [name, dir] of entries(dirs)) for (const i of directoryIssues(name, dir, podSpec, at)) out.push(i);
  return out;
};

export const tkestackLogDirectoryRules: RuleSet = { objectMeta: [logDirectory] };
