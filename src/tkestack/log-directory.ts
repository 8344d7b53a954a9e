import { key, type Issue } from '../validate/issue';

/**
 * The console's per-container "log directory": one pod annotation whose value is JSON mapping
 * container names to directories, read by TKEStack's LogAgent to list and download the files.
 * Written by EditResourceVisualizationPanel.tsx (tkestack/tke @31e93ce, L619-629); see docs/tkestack.md §3.
 */
export const LOG_DIRECTORY_ANNOTATION = 'log.tke.cloud.tencent.com/log-dir';

/** The console's `_validateDir` pattern (validateWorkloadActions.ts). */
const LOG_DIRECTORY_PATTERN = /^\/(?:[a-zA-Z0-9-_.]+\/?)*$/;

/** Whether `dir` is `mountPath` or inside it. */
function isUnder(dir: string, mountPath: string): boolean {
  const base = mountPath.endsWith('/') ? mountPath : `${mountPath}/`;
  return dir === mountPath || dir.startsWith(base);
}

/**
 * A container's log directory must be an absolute path on one of its mounted volumes: LogAgent
 * reads the files through the volume, and the console only offers mount paths as the base.
 */
export function logDirectoryProblems(containerName: string, dir: string, mountPaths: readonly string[]): Issue[] {
  const path = ['spec', 'template', 'metadata', 'annotations', key(LOG_DIRECTORY_ANNOTATION)];
  if (!LOG_DIRECTORY_PATTERN.test(dir)) {
    return [
      {
        path,
        code: 'log-directory/invalid',
        message: `container "${containerName}": log directory must be an absolute path of letters, digits, "-", "_" and ".", got "${dir}"`,
      },
    ];
  }
  if (mountPaths.some((m) => isUnder(dir, m))) return [];
  const mounted = mountPaths.length > 0 ? `its mounts are ${mountPaths.join(', ')}` : 'it mounts no volume';
  return [
    {
      path,
      code: 'log-directory/not-on-volume',
      message: `container "${containerName}": log directory ${dir} is not on a mounted volume (${mounted}): mount a volume at ${dir} or a parent of it`,
    },
  ];
}

/** The annotation value: `{"<container>":"<dir>"}` in container order, or undefined when none is set. */
export function renderLogDirectories(dirs: ReadonlyArray<readonly [string, string]>): string | undefined {
  return dirs.length > 0 ? JSON.stringify(Object.fromEntries(dirs)) : undefined;
}
