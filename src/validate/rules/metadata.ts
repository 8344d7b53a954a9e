/**
 * Object metadata rules: ValidateObjectMeta (apimachinery 0.27 + Kubernetes 1.27 core) for the
 * object itself, and ValidatePodTemplateSpec's label, annotation and pod-specific annotation checks
 * for a pod template (which the 1.27 server reports at `spec.template.labels`, not
 * `spec.template.metadata.labels`, because PodTemplateSpec embeds ObjectMeta).
 */
import { key, type FieldPath, type Issue } from '../issue';
import { entries, field, get, goString, isObject, list, show, str } from '../read';
import { isPod } from './_shared/container-context';
import { NO_ISSUES, type Rule, type RuleContext, type RuleSet } from '../rule';
import {
  nameIsDnsLabel,
  nameIsDnsSubdomain,
  qualifiedNameErrors,
  validateAnnotations,
  validateLabels,
} from './_shared/names';
import { localDescendingPathErrors } from './_shared/values';
import { validateTolerations } from './scheduling';

/** Where labels and annotations are reported: the metadata itself, or the template for a pod template. */
function metaBase(path: FieldPath, ctx: RuleContext): FieldPath {
  return ctx.metadataOf === 'podTemplate' && path[path.length - 1] === 'metadata' ? path.slice(0, -1) : path;
}

/** The pod spec the metadata's annotations apply to, if any. */
function podSpecOf(ctx: RuleContext): unknown {
  return isPod(ctx) ? field(ctx.manifest, 'spec') : field(ctx.manifest, 'spec', 'template', 'spec');
}

/** Pod-specific annotations are checked on a pod template and on a Pod's own metadata. */
function hasPodAnnotations(ctx: RuleContext): boolean {
  return ctx.metadataOf === 'podTemplate' || (ctx.metadataOf === 'object' && isPod(ctx));
}

/** maxGeneratedNameLength (apiserver names.go): 63 - 5 random characters. */
const MAX_GENERATED_NAME_LENGTH = 58;

// ValidateObjectMetaAccessor (apimachinery 0.27) with ValidateDaemonSetName / ValidatePodName, both
// NameIsDNSSubdomain. On create a missing name is first generated from generateName (names.go:
// generateName cut to 58 bytes plus 5 lowercase alphanumerics), so a generateName stands in for it.
const objectName: Rule = (meta, path, ctx) => {
  if (ctx.metadataOf !== 'object') return NO_ISSUES;
  const out: Issue[] = [];
  const name = goString(get(meta, 'name'));
  const generateName = goString(get(meta, 'generateName'));
  if (name === undefined || generateName === undefined) return NO_ISSUES;
  if (generateName.length > 0) {
    const errs = nameIsDnsSubdomain(generateName, true);
    if (errs.length > 0) {
      out.push({
        path: [...path, 'generateName'],
        code: 'metadata/generate-name-invalid',
        message: `${show(generateName)}: ${errs.join('; ')}`,
      });
    }
  }
  if (name.length === 0 && generateName.length === 0) {
    out.push({ path: [...path, 'name'], code: 'metadata/name-required', message: 'name or generateName is required' });
    return out;
  }
  const effective =
    name.length > 0 ? name : `${Buffer.from(generateName).subarray(0, MAX_GENERATED_NAME_LENGTH).toString()}x7k2q`;
  const errs = nameIsDnsSubdomain(effective, false);
  if (errs.length > 0) {
    const what = name.length > 0 ? show(name) : `the name generated from generateName ${show(generateName)}`;
    out.push({
      path: [...path, 'name'],
      code: 'metadata/name-invalid',
      message: `${what} must be a lowercase RFC 1123 subdomain: ${errs.join('; ')}`,
    });
  }
  return out;
};

// ValidateObjectMetaAccessor: namespace must be a DNS-1123 label (ValidateNamespaceName). An empty
// namespace is filled from the request, so only a given one is checked.
const namespace: Rule = (meta, path, ctx) => {
  if (ctx.metadataOf !== 'object') return NO_ISSUES;
  const ns = goString(get(meta, 'namespace'));
  if (ns === undefined || ns.length === 0) return NO_ISSUES;
  const errs = nameIsDnsLabel(ns, false);
  if (errs.length === 0) return NO_ISSUES;
  return [
    { path: [...path, 'namespace'], code: 'metadata/namespace-invalid', message: `${show(ns)}: ${errs.join('; ')}` },
  ];
};

// ValidateLabels (apimachinery 0.27 meta/v1/validation)
const labels: Rule = (meta, path, ctx) => {
  const l = get(meta, 'labels');
  return isObject(l) ? validateLabels(l, [...metaBase(path, ctx), 'labels']) : NO_ISSUES;
};

// ValidateAnnotations (apimachinery 0.27)
const annotations: Rule = (meta, path, ctx) => {
  const a = get(meta, 'annotations');
  return isObject(a) ? validateAnnotations(a, [...metaBase(path, ctx), 'annotations']) : NO_ISSUES;
};

// ValidateOwnerReferences (apimachinery 0.27)
const ownerReferences: Rule = (meta, path, ctx) => {
  if (ctx.metadataOf !== 'object' || list(get(meta, 'ownerReferences')).length === 0) return NO_ISSUES;
  const out: Issue[] = [];
  const p: FieldPath = [...path, 'ownerReferences'];
  let firstController: string | undefined;
  for (const entry of list(get(meta, 'ownerReferences'))) {
    // json.Unmarshal turns a null entry into a zero OwnerReference, whose every field is empty.
    const ref = entry === null ? {} : entry;
    if (!isObject(ref)) continue;
    const apiVersion = goString(get(ref, 'apiVersion'));
    const kind = goString(get(ref, 'kind'));
    const name = goString(get(ref, 'name'));
    const uid = goString(get(ref, 'uid'));
    // schema.FromAPIVersionAndKind: "group/version" or "version"; more slashes give no version.
    const slashes = apiVersion === undefined ? 0 : apiVersion.split('/').length - 1;
    const version = apiVersion === undefined || slashes > 1 ? '' : apiVersion.slice(apiVersion.indexOf('/') + 1);
    const group = apiVersion !== undefined && slashes === 1 ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    if (apiVersion !== undefined && version === '') {
      out.push({
        path: [...p, 'apiVersion'],
        code: 'metadata/owner-reference-version-empty',
        message: `version must not be empty, got apiVersion ${show(apiVersion)}`,
      });
    }
    if (kind === '')
      out.push({
        path: [...p, 'kind'],
        code: 'metadata/owner-reference-kind-empty',
        message: 'kind must not be empty',
      });
    if (name === '')
      out.push({
        path: [...p, 'name'],
        code: 'metadata/owner-reference-name-empty',
        message: 'name must not be empty',
      });
    if (uid === '')
      out.push({ path: [...p, 'uid'], code: 'metadata/owner-reference-uid-empty', message: 'uid must not be empty' });
    if (group === '' && version === 'v1' && kind === 'Event') {
      out.push({
        path: p,
        code: 'metadata/owner-reference-banned',
        message: '/v1, Kind=Event is disallowed from being an owner',
      });
    }
    if (get(ref, 'controller') === true) {
      const current = `${kind ?? ''}/${name ?? ''}`;
      if (firstController !== undefined) {
        out.push({
          path: p,
          code: 'metadata/owner-reference-controllers',
          message: `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
        });
      } else {
        firstController = current;
      }
    }
  }
  return out;
};

const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

// ValidateFinalizers (apimachinery 0.27: qualified names, reported at `finalizers`) and
// validateKubeFinalizerName (1.27 core: a name without '/' must be a standard one).
const finalizers: Rule = (meta, path, ctx) => {
  if (ctx.metadataOf !== 'object' || list(get(meta, 'finalizers')).length === 0) return NO_ISSUES;
  const out: Issue[] = [];
  const p: FieldPath = [...path, 'finalizers'];
  const names = list(get(meta, 'finalizers')).map((f) => goString(f));
  names.forEach((f, i) => {
    if (f === undefined) return;
    const errs = qualifiedNameErrors(f);
    if (errs.length > 0)
      out.push({ path: p, code: 'metadata/finalizer-invalid', message: `${show(f)}: ${errs.join('; ')}` });
    if (!f.includes('/') && !STANDARD_FINALIZERS.includes(f)) {
      out.push({
        path: [...p, i],
        code: 'metadata/finalizer-not-qualified',
        message: `${show(f)}: name is neither a standard finalizer name nor is it fully qualified (use "example.com/name")`,
      });
    }
  });
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    out.push({
      path: p,
      code: 'metadata/finalizers-conflict',
      message: 'finalizer orphan and foregroundDeletion cannot be both set',
    });
  }
  return out;
};

const MIRROR_POD_KEY = 'kubernetes.io/config.mirror';
const TOLERATIONS_KEY = 'scheduler.alpha.kubernetes.io/tolerations';
const DELETION_COST_KEY = 'controller.kubernetes.io/pod-deletion-cost';
const SECCOMP_POD_KEY = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** True when the pod-specific annotation rules have something to look at. */
function podAnnotationsPresent(meta: unknown, ctx: RuleContext): boolean {
  return hasPodAnnotations(ctx) && isObject(get(meta, 'annotations'));
}

function annotationMap(meta: unknown): Map<string, string> {
  const m = new Map<string, string>();
  for (const [k, v] of entries(get(meta, 'annotations'))) {
    if (typeof v === 'string') m.set(k, v);
    else if (v === null) m.set(k, '');
  }
  return m;
}

// ValidatePodSpecificAnnotations (1.27): the mirror-pod annotation needs spec.nodeName.
const mirrorPod: Rule = (meta, path, ctx) => {
  if (!podAnnotationsPresent(meta, ctx)) return NO_ISSUES;
  const a = annotationMap(meta);
  if (!a.has(MIRROR_POD_KEY)) return [];
  const nodeName = goString(get(podSpecOf(ctx), 'nodeName'));
  if (nodeName === undefined || nodeName.length > 0) return [];
  return [
    {
      path: [...metaBase(path, ctx), 'annotations', key(MIRROR_POD_KEY)],
      code: 'metadata/mirror-pod-without-node-name',
      message: 'must set spec.nodeName if mirror pod annotation is set',
    },
  ];
};

const TOLERATION_FIELDS = ['key', 'operator', 'value', 'effect', 'tolerationSeconds'];

/**
 * Decodes the tolerations annotation as Go's json.Unmarshal into []Toleration would: fields match
 * case-insensitively, unknown ones are ignored; a wrong type anywhere is an error.
 */
function decodeTolerations(raw: string): { tolerations: unknown[] } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return { error: `invalid JSON: ${(e as Error).message}` };
  }
  if (data === null) return { tolerations: [] };
  if (!Array.isArray(data)) return { error: 'cannot unmarshal into a list of tolerations' };
  const out: unknown[] = [];
  for (const item of data) {
    if (item === null) {
      out.push({});
      continue;
    }
    if (!isObject(item)) return { error: `cannot unmarshal ${show(item)} into a toleration` };
    const t: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(item)) {
      const f = TOLERATION_FIELDS.find((name) => name.toLowerCase() === k.toLowerCase());
      if (f === undefined) continue;
      if (f === 'tolerationSeconds') {
        // Number.isInteger is false for every non-number, so it is the whole type check.
        if (v !== null && !Number.isInteger(v))
          return { error: `cannot unmarshal ${show(v)} into tolerationSeconds (int64)` };
      } else if (v !== null && typeof v !== 'string') {
        return { error: `cannot unmarshal ${show(v)} into ${f} (string)` };
      }
      t[f] = v;
    }
    out.push(t);
  }
  return { tolerations: out };
}

// ValidateTolerationsInPodAnnotations (1.27)
const tolerationsAnnotation: Rule = (meta, path, ctx) => {
  if (!podAnnotationsPresent(meta, ctx)) return NO_ISSUES;
  const raw = annotationMap(meta).get(TOLERATIONS_KEY);
  if (raw === undefined || raw === '') return [];
  const base: FieldPath = [...metaBase(path, ctx), 'annotations'];
  const decoded = decodeTolerations(raw);
  if ('error' in decoded) {
    return [
      { path: base, code: 'metadata/tolerations-annotation-invalid', message: `${TOLERATIONS_KEY}: ${decoded.error}` },
    ];
  }
  return validateTolerations(decoded.tolerations, [...base, TOLERATIONS_KEY]);
};

// GetDeletionCostFromPodAnnotations (1.27 core helper): a decimal int32, no '+', no leading zeros.
const deletionCost: Rule = (meta, path, ctx) => {
  if (!podAnnotationsPresent(meta, ctx)) return NO_ISSUES;
  const v = annotationMap(meta).get(DELETION_COST_KEY);
  if (v === undefined) return [];
  const ok = /^(-[0-9]+|0|[1-9][0-9]*)$/.test(v) && Number(v) >= -(2 ** 31) && Number(v) <= 2 ** 31 - 1;
  if (ok) return [];
  return [
    {
      path: [...metaBase(path, ctx), 'annotations', key(DELETION_COST_KEY)],
      code: 'metadata/pod-deletion-cost-invalid',
      message: `must be a 32bit integer, got ${show(v)}`,
    },
  ];
};

// ValidateSeccompPodAnnotations + ValidateSeccompProfile (1.27); reported at
// `annotations.<key>` (field.Path Child, not Key).
const seccompAnnotations: Rule = (meta, path, ctx) => {
  if (!podAnnotationsPresent(meta, ctx)) return NO_ISSUES;
  const out: Issue[] = [];
  for (const [k, v] of annotationMap(meta)) {
    if (k !== SECCOMP_POD_KEY && !k.startsWith(SECCOMP_CONTAINER_PREFIX)) continue;
    if (v === 'runtime/default' || v === 'docker/default' || v === 'unconfined') continue;
    const p: FieldPath = [...metaBase(path, ctx), 'annotations', k];
    const errs = v.startsWith('localhost/')
      ? localDescendingPathErrors(v.slice('localhost/'.length))
      : ['must be a valid seccomp profile'];
    if (errs.length > 0) {
      out.push({
        path: p,
        code: 'metadata/seccomp-annotation-invalid',
        message: `${show(v)}: ${errs.join('; ')} (use runtime/default, unconfined or localhost/<relative path>)`,
      });
    }
  }
  return out;
};

function containerNames(spec: unknown): Set<string> {
  const names = new Set<string>();
  for (const l of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const c of list(get(spec, l))) {
      const n = str(get(c, 'name'));
      if (n !== undefined) names.add(n);
    }
  }
  return names;
}

// ValidateAppArmorPodAnnotations + ValidateAppArmorProfileFormat (1.27)
const appArmorAnnotations: Rule = (meta, path, ctx) => {
  if (!podAnnotationsPresent(meta, ctx)) return NO_ISSUES;
  const out: Issue[] = [];
  let names: Set<string> | undefined; // gathered at the first AppArmor annotation: most pods have none
  for (const [k, v] of annotationMap(meta)) {
    if (!k.startsWith(APPARMOR_CONTAINER_PREFIX)) continue;
    names ??= containerNames(podSpecOf(ctx));
    const p: FieldPath = [...metaBase(path, ctx), 'annotations', key(k)];
    const container = k.slice(APPARMOR_CONTAINER_PREFIX.length);
    if (!names.has(container)) {
      out.push({
        path: p,
        code: 'metadata/apparmor-container-not-found',
        message: `container ${show(container)} not found in the pod spec`,
      });
    }
    if (v !== '' && v !== 'runtime/default' && v !== 'unconfined' && !v.startsWith('localhost/')) {
      out.push({
        path: p,
        code: 'metadata/apparmor-profile-invalid',
        message: `invalid AppArmor profile name: ${show(v)} (use runtime/default, unconfined or localhost/<profile>)`,
      });
    }
  }
  return out;
};

export const metadataRules: RuleSet = {
  objectMeta: [
    objectName,
    namespace,
    labels,
    annotations,
    ownerReferences,
    finalizers,
    mirrorPod,
    tolerationsAnnotation,
    deletionCost,
    seccompAnnotations,
    appArmorAnnotations,
  ],
};
