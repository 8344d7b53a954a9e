import type { FieldPath } from '../validate/issue';
import { call, map, props, THIS, val, type Expr, type Statement } from './code';
import { DocContext, toPointer, type Hatch } from './context';
import type { Identifiers } from './identifiers';
import { mapPodSpec } from './map-pod';
import { has } from '../validate/read';
import { isNumber, isRecord, isRenderableStringMap, isString, type Rec } from './values';

const POD_SPEC: FieldPath = ['spec', 'template', 'spec'];

/** Order of the DaemonSet props in the generated code: identity, selection, pod, then rollout. */
const PROP_ORDER = [
  'name',
  'namespace',
  'labels',
  'annotations',
  'matchLabels',
  'podLabels',
  'podAnnotations',
  'podTemplateName',
  'serviceAccountName',
  'automountServiceAccountToken',
  'imagePullSecrets',
  'scheduling',
  'podAffinity',
  'podAntiAffinity',
  'nodeSelector',
  'tolerations',
  'topologySpreadConstraints',
  'network',
  'dnsPolicy',
  'dnsConfig',
  'hostAliases',
  'hostname',
  'subdomain',
  'setHostnameAsFQDN',
  'hostPID',
  'hostIPC',
  'shareProcessNamespace',
  'hostUsers',
  'os',
  'runtimeClassName',
  'priorityClassName',
  'preemptionPolicy',
  'restartPolicy',
  'enableServiceLinks',
  'readinessGates',
  'schedulingGates',
  'securityContext',
  'terminationGracePeriodSeconds',
  'updateStrategy',
  'revisionHistoryLimit',
  'minReadySeconds',
  'volumes',
  'initContainers',
  'containers',
];

function stringMap(m: Record<string, string>): Expr {
  return map(Object.entries(m).map(([k, v]) => [k, val(v)]));
}

/** A label or annotation map as a prop, when cdk8s writes it as given (not empty, no unrenderable keys). */
function metadataMap(ctx: DocContext, o: Rec, k: string, path: FieldPath, keepEmpty: boolean): Expr | undefined {
  if (!has(o, k)) return undefined;
  const m = o[k];
  if (isRenderableStringMap(m) && (keepEmpty || Object.keys(m).length > 0)) return stringMap(m);
  ctx.add(
    [...path, k],
    m,
    isRenderableStringMap(m)
      ? `empty ${k}: cdk8s leaves empty maps out of metadata`
      : `${k} that are not a map of strings cdk8s can render (keys __proto__ and constructor are written by escape hatch)`,
  );
  return undefined;
}

function mapUpdateStrategy(ctx: DocContext, u: unknown, path: FieldPath): Expr | undefined {
  const isIntOrPercent = (v: unknown) => isNumber(v) || (isString(v) && /^-?\d+(\.\d+)?%$/.test(v));
  if (isRecord(u) && u.type === 'OnDelete' && Object.keys(u).length === 1) return call('UpdateStrategy.onDelete');
  // A rolling update, with `type` written or (omitType) left to the API server's default.
  const typed = isRecord(u) && u.type === 'RollingUpdate';
  if (isRecord(u) && (typed || !has(u, 'type'))) {
    const omit: ReadonlyArray<readonly [string, Expr]> = typed ? [] : [['omitType', val(true)]];
    const rest = Object.keys(u).filter((k) => k !== 'type');
    if (rest.length === 0) return call('UpdateStrategy.rollingUpdate', ...(typed ? [] : [props(omit)]));
    const r = u.rollingUpdate;
    if (
      rest.length === 1 &&
      rest[0] === 'rollingUpdate' &&
      isRecord(r) &&
      Object.keys(r).length > 0 &&
      Object.entries(r).every(([k, v]) => (k === 'maxUnavailable' || k === 'maxSurge') && isIntOrPercent(v))
    ) {
      return call(
        'UpdateStrategy.rollingUpdate',
        props([...Object.entries(r).map(([k, v]) => [k, val(v)] as const), ...omit]),
      );
    }
  }
  ctx.add(path, u, 'an updateStrategy UpdateStrategy does not write as given');
  return undefined;
}

/**
 * Selector and pod labels: `matchLabels` is written to both, `podLabels` adds to the pod's. When
 * the input's pair can't be written that way (matchExpressions, a pod label differing from the
 * selector), the differing part goes by escape hatch.
 */
function mapLabels(ctx: DocContext, spec: Rec, tmeta: Rec | undefined): Array<readonly [string, Expr | undefined]> {
  const sel = spec.selector;
  const ml = isRecord(sel) && isRenderableStringMap(sel.matchLabels) ? sel.matchLabels : undefined;
  if (!isRecord(sel) || !ml) {
    ctx.override(spec, 'selector', ['spec'], 'a selector without matchLabels the constructs can write');
  } else {
    ctx.rest(sel, ['matchLabels'], ['spec', 'selector'], (k) => `selector.${k} has no construct property`);
  }
  const matchLabels = ml ?? {};
  const labels = tmeta && has(tmeta, 'labels') ? tmeta.labels : undefined;
  const fits =
    isRenderableStringMap(labels) && Object.entries(matchLabels).every(([k, v]) => has(labels, k) && labels[k] === v);
  let podLabels: Expr | undefined;
  if (fits) {
    const extra = Object.entries(labels).filter(([k]) => !has(matchLabels, k));
    if (extra.length > 0) podLabels = map(extra.map(([k, v]) => [k, val(v)]));
  } else if (tmeta) {
    ctx.override(
      tmeta,
      'labels',
      ['spec', 'template', 'metadata'],
      "pod labels that do not include the selector's matchLabels as given",
    );
  }
  return [
    ['matchLabels', stringMap(matchLabels)],
    ['podLabels', podLabels],
  ];
}

/** The statements creating one DaemonSet: declarations, `new DaemonSet(...)`, escape hatches. */
export interface MappedDocument {
  readonly variable: string;
  readonly statements: Statement[];
  readonly hatches: Hatch[];
}

/**
 * Maps one apps/v1 DaemonSet document to construct code. Returns undefined when the document's
 * shape is too far from a DaemonSet to map field by field (then `rawDocument` writes it).
 */
export function mapDaemonSet(ids: Identifiers, doc: Rec): MappedDocument | undefined {
  const meta = doc.metadata;
  const spec = doc.spec;
  const template = isRecord(spec) ? spec.template : undefined;
  const podSpec = isRecord(template) ? template.spec : undefined;
  const tmeta = isRecord(template) ? template.metadata : undefined;
  if (
    !isRecord(meta) ||
    !isRecord(spec) ||
    !isRecord(template) ||
    !isRecord(podSpec) ||
    (has(template, 'metadata') && !isRecord(tmeta))
  )
    return undefined;
  const ctx = new DocContext(ids);
  const name = isString(meta.name) ? meta.name : undefined;
  const variable = ids.unique(name ?? 'daemon set', 'daemonSet');
  const entries: Array<readonly [string, Expr | undefined]> = [];

  // metadata
  if (name === undefined) ctx.override(meta, 'name', ['metadata'], 'a name that is not a string');
  entries.push(['name', name === undefined ? undefined : val(name)]);
  if (has(meta, 'namespace')) {
    if (isString(meta.namespace)) entries.push(['namespace', val(meta.namespace)]);
    else ctx.add(['metadata', 'namespace'], meta.namespace, 'a namespace that is not a string');
  }
  entries.push(['labels', metadataMap(ctx, meta, 'labels', ['metadata'], false)]);
  entries.push(['annotations', metadataMap(ctx, meta, 'annotations', ['metadata'], false)]);
  ctx.rest(
    meta,
    ['name', 'namespace', 'labels', 'annotations'],
    ['metadata'],
    (k) => `metadata.${k} has no construct property`,
  );

  // spec
  entries.push(...mapLabels(ctx, spec, isRecord(tmeta) ? tmeta : undefined));
  if (isRecord(tmeta)) {
    entries.push(['podAnnotations', metadataMap(ctx, tmeta, 'annotations', ['spec', 'template', 'metadata'], false)]);
    const templateKnown = ['labels', 'annotations'];
    if (isString(tmeta.name)) {
      entries.push(['podTemplateName', val(tmeta.name)]);
      templateKnown.push('name');
    }
    ctx.rest(
      tmeta,
      templateKnown,
      ['spec', 'template', 'metadata'],
      (k) => `pod template metadata.${k} has no construct property`,
    );
  } else {
    ctx.remove(['spec', 'template', 'metadata'], 'no pod template metadata: the DaemonSet always writes its labels');
  }
  if (has(spec, 'updateStrategy'))
    entries.push(['updateStrategy', mapUpdateStrategy(ctx, spec.updateStrategy, ['spec', 'updateStrategy'])]);
  const specKnown = ['selector', 'template', 'updateStrategy'];
  for (const k of ['revisionHistoryLimit', 'minReadySeconds']) {
    if (isNumber(spec[k])) {
      entries.push([k, val(spec[k])]);
      specKnown.push(k);
    }
  }
  ctx.rest(spec, specKnown, ['spec'], (k) => `spec.${k} has no construct property, or a value its type does not allow`);
  ctx.rest(template, ['metadata', 'spec'], ['spec', 'template'], (k) => `pod template ${k} has no construct property`);
  entries.push(...mapPodSpec(ctx, podSpec, POD_SPEC));

  ctx.rest(doc, ['apiVersion', 'kind', 'metadata', 'spec'], [], (k) => `top-level ${k} has no construct property`);
  const present = entries.filter((e): e is readonly [string, Expr] => e[1] !== undefined);
  present.sort((a, b) => PROP_ORDER.indexOf(a[0]) - PROP_ORDER.indexOf(b[0]));
  const daemonSet = {
    kind: 'call',
    callee: 'DaemonSet',
    isNew: true,
    args: [THIS, val(variable), props(present)],
  } as const;
  return { variable, statements: [...ctx.decls, ...finish(variable, daemonSet, ctx.hatches)], hatches: ctx.hatches };
}

/** `new DaemonSet(...)`, bound to a variable only when escape hatches need it. */
function finish(variable: string, daemonSet: Expr, hatches: readonly Hatch[]): Statement[] {
  if (hatches.length === 0) return [{ kind: 'expr', value: daemonSet }];
  return [
    { kind: 'const', name: variable, value: daemonSet },
    { kind: 'comment', text: 'Fields the constructs cannot express, written as in the input:' },
    { kind: 'patch', target: variable, patches: hatches.map(patchOf) },
  ];
}

function patchOf(h: Hatch): Expr {
  const pointer = val(toPointer(h.path));
  if (h.op === 'remove') return call('JsonPatch.remove', pointer);
  return call(h.op === 'add' ? 'JsonPatch.add' : 'JsonPatch.replace', pointer, val(h.value));
}

/**
 * The fallback for any document the field mapping can't reproduce exactly: a DaemonSet whose
 * metadata and spec are replaced, whole, by escape hatch. Always exact; never readable.
 */
export function rawDocument(ids: Identifiers, doc: Rec): MappedDocument {
  const meta = doc.metadata;
  const name = isRecord(meta) && isString(meta.name) ? meta.name : undefined;
  const variable = ids.unique(name ?? 'daemon set', 'daemonSet');
  const ctx = new DocContext(ids);
  ctx.override(doc, 'metadata', [], 'the document as a whole: the importer could not map it field by field');
  ctx.override(doc, 'spec', [], 'the document as a whole: the importer could not map it field by field');
  ctx.rest(doc, ['apiVersion', 'kind', 'metadata', 'spec'], [], (k) => `top-level ${k} has no construct property`);
  const daemonSet: Expr = {
    kind: 'call',
    callee: 'DaemonSet',
    isNew: true,
    args: [
      THIS,
      val(variable),
      props([
        ['name', name === undefined ? undefined : val(name)],
        ['matchLabels', map([])],
      ]),
    ],
  };
  return { variable, statements: finish(variable, daemonSet, ctx.hatches), hatches: ctx.hatches };
}
