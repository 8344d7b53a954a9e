/**
 * Checks that a manifest value has the shape of a construct prop's TypeScript type, so it can be
 * written as a literal (`plain(v)`) that type-checks and synthesizes back unchanged. One check
 * per prop type the importer writes as plain data; each mirrors its interface in src/.
 */
import { has } from '../validate/read';
import {
  isBoolean,
  isNumber,
  isRecord,
  isRenderableStringMap,
  isString,
  oneOf,
  UNRENDERABLE_KEYS,
  type Rec,
} from './values';

export type Check = (v: unknown) => boolean;

/** An object with only these fields, each passing its check, the `required` ones present. */
export function shape(fields: Readonly<Record<string, Check>>, required: readonly string[] = []): Check {
  return (v) =>
    isRecord(v) &&
    required.every((k) => has(v, k)) &&
    Object.keys(v).every((k) => Object.hasOwn(fields, k) && fields[k]((v as Rec)[k]));
}

/** A list whose items pass `item`; `nonEmpty` for the `[T, ...T[]]` tuples. */
export function listOf(item: Check, nonEmpty = false): Check {
  return (v) => Array.isArray(v) && (!nonEmpty || v.length > 0) && v.every(item);
}

/** A list of strings. */
export const strings: Check = listOf(isString);
/** A map of strings cdk8s renders as given. */
export const stringMap: Check = isRenderableStringMap;
/** A quantity: a string or a number. */
export const quantity: Check = (v) => isString(v) || isNumber(v);
/** A map of quantities. */
export const quantityMap: Check = (v) =>
  isRecord(v) && Object.entries(v).every(([k, x]) => !UNRENDERABLE_KEYS.has(k) && quantity(x));

// label-selector.ts
const requirement: Check = (v) =>
  isRecord(v) &&
  ((oneOf('In', 'NotIn')(v.operator) &&
    shape({ key: isString, operator: isString, values: listOf(isString, true) }, ['key', 'values'])(v)) ||
    (oneOf('Exists', 'DoesNotExist')(v.operator) && shape({ key: isString, operator: isString }, ['key'])(v)));
export const labelSelector: Check = shape({ matchLabels: stringMap, matchExpressions: listOf(requirement) });

// pod-affinity.ts
const podAffinityTerm: Check = shape(
  {
    topologyKey: isString,
    labelSelector,
    namespaces: strings,
    namespaceSelector: labelSelector,
    matchLabelKeys: strings,
    mismatchLabelKeys: strings,
  },
  ['topologyKey'],
);
export const podAffinity: Check = shape({
  requiredDuringSchedulingIgnoredDuringExecution: listOf(podAffinityTerm),
  preferredDuringSchedulingIgnoredDuringExecution: listOf(
    shape({ weight: isNumber, podAffinityTerm }, ['weight', 'podAffinityTerm']),
  ),
});

// pod-fields.ts and topology-spread.ts
const topologySpreadConstraint: Check = shape(
  {
    maxSkew: isNumber,
    topologyKey: isString,
    whenUnsatisfiable: oneOf('DoNotSchedule', 'ScheduleAnyway'),
    labelSelector,
    minDomains: isNumber,
    nodeAffinityPolicy: oneOf('Honor', 'Ignore'),
    nodeTaintsPolicy: oneOf('Honor', 'Ignore'),
    matchLabelKeys: strings,
  },
  ['maxSkew', 'topologyKey', 'whenUnsatisfiable'],
);

/** `PodSpecFields` written as plain data, with their checks. */
export const POD_FIELDS: Readonly<Record<string, Check>> = {
  topologySpreadConstraints: listOf(topologySpreadConstraint),
  hostAliases: listOf(shape({ ip: isString, hostnames: strings }, ['ip'])),
  dnsConfig: shape({
    nameservers: strings,
    searches: strings,
    options: listOf(shape({ name: isString, value: isString }, ['name'])),
  }),
  runtimeClassName: isString,
  shareProcessNamespace: isBoolean,
  hostUsers: isBoolean,
  restartPolicy: oneOf('Always', 'OnFailure', 'Never'),
  readinessGates: listOf(shape({ conditionType: isString }, ['conditionType'])),
  schedulingGates: listOf(shape({ name: isString }, ['name'])),
  os: shape({ name: oneOf('linux', 'windows') }, ['name']),
  enableServiceLinks: isBoolean,
  preemptionPolicy: oneOf('PreemptLowerPriority', 'Never'),
  hostname: isString,
  subdomain: isString,
  setHostnameAsFQDN: isBoolean,
};

// container.ts
export const CONTAINER_FIELDS: Readonly<Record<string, Check>> = {
  restartPolicy: oneOf('Always'),
  resizePolicy: listOf(
    shape({ resourceName: oneOf('cpu', 'memory'), restartPolicy: oneOf('NotRequired', 'RestartContainer') }, [
      'resourceName',
      'restartPolicy',
    ]),
  ),
  tty: isBoolean,
  stdin: isBoolean,
  stdinOnce: isBoolean,
};

// security-context.ts
export const appArmorProfile: Check = (v) =>
  shape({ type: oneOf('RuntimeDefault', 'Unconfined', 'Localhost'), localhostProfile: isString }, ['type'])(v);
export const windowsOptions: Check = shape({
  gmsaCredentialSpecName: isString,
  gmsaCredentialSpec: isString,
  runAsUserName: isString,
  hostProcess: isBoolean,
});

// volumes/downward-api.ts
export function downwardApiFiles(isFieldPath: Check, isResourcePath: Check): Check {
  return listOf(
    shape(
      {
        path: isString,
        fieldRef: shape({ fieldPath: isFieldPath, apiVersion: isString }, ['fieldPath']),
        resourceFieldRef: shape({ resource: isResourcePath, containerName: isString, divisor: quantity }, ['resource']),
        mode: isNumber,
      },
      ['path'],
    ),
  );
}

// volumes/projected.ts (key items) and volumes/ephemeral.ts
export const keyItems: Check = listOf(shape({ key: isString, path: isString, mode: isNumber }, ['key', 'path']));
export const ephemeralSource: Check = shape(
  {
    volumeClaimTemplate: shape(
      {
        metadata: shape({ labels: stringMap, annotations: stringMap }),
        spec: shape(
          {
            accessModes: listOf(oneOf('ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod')),
            resources: shape({ requests: quantityMap, limits: quantityMap }),
            storageClassName: isString,
            volumeMode: oneOf('Filesystem', 'Block'),
            selector: labelSelector,
            volumeAttributesClassName: isString,
          },
          ['accessModes'],
        ),
      },
      ['spec'],
    ),
  },
  ['volumeClaimTemplate'],
);
