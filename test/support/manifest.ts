import { toFieldPath, type Issue } from '../../src/validate/issue';
import { validateManifest } from '../../src/validate/engine';
import { validateForVersion } from '../../src/validate/pipeline';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A minimal DaemonSet the API server accepts; `edit` changes it in place before it is returned. */
export function daemonSet(edit?: (ds: any, pod: any, container: any) => void): any {
  const ds: any = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] },
      },
    },
  };
  edit?.(ds, ds.spec.template.spec, ds.spec.template.spec.containers[0]);
  return ds;
}

/** The issues of a manifest as `path code` lines, for exact assertions. */
export function issuesOf(manifest: unknown): string[] {
  return validateManifest(manifest).map((i: Issue) => `${toFieldPath(i.path)} ${i.code}`);
}

/**
 * The errors of a manifest on one minor's whole create path (strict decode, defaulting, dropped
 * fields, validation) as `path code` lines.
 */
export function issuesAt(kubernetesVersion: string, manifest: unknown): string[] {
  return validateForVersion(manifest, { kubernetesVersion }).errors.map(
    (i: Issue) => `${toFieldPath(i.path)} ${i.code}`,
  );
}

/** The environment's corpora folder, or undefined (tests then skip with a visible notice). */
export const CORPORA: string | undefined = process.env.K8S_CORPORA;
