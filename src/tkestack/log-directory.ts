/**
 * The console's per-container "log directory": one pod annotation whose value is JSON mapping
 * container names to directories, read by TKEStack's LogAgent to list and download the files.
 * Written by EditResourceVisualizationPanel.tsx (tkestack/tke @31e93ce, L619-629); see docs/tkestack.md §3.
 * Its rule is an engine rule (validate/rules/tkestack-log-directory.ts).
 */
export const LOG_DIRECTORY_ANNOTATION = 'log.tke.cloud.tencent.com/log-dir';

/** The annotation value: `{"<container>":"<dir>"}` in container order, or undefined when none is set. */
export function renderLogDirectories(dirs: ReadonlyArray<readonly [string, string]>): string | undefined {
  return dirs.length > 0 ? JSON.stringify(Object.fromEntries(dirs)) : undefined;
}
