import { App, Chart, JsonPatch } from 'cdk8s';
import type { Construct } from 'constructs';
import { DaemonSet, type DaemonSetProps } from '../daemonset';
import { EnvFrom, EnvValue } from '../env';
import { Handler } from '../lifecycle';
import { NetworkMode } from '../network';
import { Probe } from '../probe';
import { Gpu } from '../resources';
import { NodeRequirement, NodeScheduling } from '../scheduling';
import { UpdateStrategy } from '../update-strategy';
import { VolumeProjection } from '../volumes/projected';
import { Volume } from '../volumes/volume';
import type { Callee, Expr, Statement } from './code';
import { isRecord } from './values';

// biome-ignore lint/suspicious/noExplicitAny: the generated code's callees take their own prop types; this table only forwards them
type Fn = (...args: any[]) => unknown;

/** What each callee is at run time: the same functions the generated module imports. */
const FUNCTIONS: Readonly<Record<Callee, Fn>> = {
  DaemonSet: (scope: Construct, id: string, p: DaemonSetProps) => new DaemonSet(scope, id, p),
  'Volume.fromHostPath': Volume.fromHostPath,
  'Volume.fromEmptyDir': Volume.fromEmptyDir,
  'Volume.fromNfs': Volume.fromNfs,
  'Volume.fromConfigMap': Volume.fromConfigMap,
  'Volume.fromSecret': Volume.fromSecret,
  'Volume.fromPersistentVolumeClaim': Volume.fromPersistentVolumeClaim,
  'Volume.fromProjected': Volume.fromProjected,
  'Volume.fromDownwardApi': Volume.fromDownwardApi,
  'Volume.fromCsi': Volume.fromCsi,
  'Volume.fromEphemeral': Volume.fromEphemeral,
  'Volume.fromImage': Volume.fromImage,
  'VolumeProjection.serviceAccountToken': VolumeProjection.serviceAccountToken,
  'VolumeProjection.configMap': VolumeProjection.configMap,
  'VolumeProjection.secret': VolumeProjection.secret,
  'VolumeProjection.downwardApi': VolumeProjection.downwardApi,
  'VolumeProjection.clusterTrustBundle': VolumeProjection.clusterTrustBundle,
  'EnvValue.fromValue': EnvValue.fromValue,
  'EnvValue.fromConfigMap': EnvValue.fromConfigMap,
  'EnvValue.fromSecret': EnvValue.fromSecret,
  'EnvValue.fromFieldRef': EnvValue.fromFieldRef,
  'EnvValue.fromResource': EnvValue.fromResource,
  'EnvFrom.configMap': EnvFrom.configMap,
  'EnvFrom.secret': EnvFrom.secret,
  'Probe.fromHttpGet': Probe.fromHttpGet,
  'Probe.fromTcpSocket': Probe.fromTcpSocket,
  'Probe.fromCommand': Probe.fromCommand,
  'Probe.fromGrpc': Probe.fromGrpc,
  'Handler.fromCommand': Handler.fromCommand,
  'Handler.fromHttpGet': Handler.fromHttpGet,
  'Handler.fromTcpSocket': Handler.fromTcpSocket,
  'Handler.fromSleep': Handler.fromSleep,
  'NodeScheduling.onNodes': NodeScheduling.onNodes,
  'NodeScheduling.byNodeLabels': NodeScheduling.byNodeLabels,
  'NodeRequirement.is': NodeRequirement.is,
  'NodeRequirement.in': NodeRequirement.in,
  'NodeRequirement.notIn': NodeRequirement.notIn,
  'NodeRequirement.exists': NodeRequirement.exists,
  'NodeRequirement.doesNotExist': NodeRequirement.doesNotExist,
  'NodeRequirement.greaterThan': NodeRequirement.greaterThan,
  'NodeRequirement.lessThan': NodeRequirement.lessThan,
  'NetworkMode.host': NetworkMode.host,
  'NetworkMode.overlay': NetworkMode.overlay,
  'NetworkMode.nat': NetworkMode.nat,
  'UpdateStrategy.rollingUpdate': UpdateStrategy.rollingUpdate,
  'UpdateStrategy.onDelete': UpdateStrategy.onDelete,
  'Gpu.nvidia': Gpu.nvidia,
  'Gpu.vcuda': Gpu.vcuda,
  'JsonPatch.add': JsonPatch.add,
  'JsonPatch.replace': JsonPatch.replace,
  'JsonPatch.remove': JsonPatch.remove,
};

/** A fresh copy of JSON data; `__proto__` keys become own properties, as in an object literal's computed key. */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (isRecord(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v))
      Object.defineProperty(out, k, { value: copy(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/**
 * Runs the statements as the generated constructor would, in a scratch chart, and returns the
 * manifests of the DaemonSets they create. This is the importer's self-check: what it returns is
 * what the generated code synthesizes.
 */
export function evaluate(statements: readonly Statement[]): unknown[] {
  const chart = new Chart(new App(), 'import-check');
  const vars = new Map<string, unknown>();
  const run = (e: Expr): unknown => {
    switch (e.kind) {
      case 'value':
        return copy(e.value);
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const en of e.entries)
          Object.defineProperty(out, en.key, {
            value: run(en.value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        return out;
      }
      case 'array':
        return e.items.map(run);
      case 'call':
        return FUNCTIONS[e.callee](...e.args.map(run));
      case 'ref':
        if (!vars.has(e.name)) throw new Error(`importer bug: ${e.name} used before it is declared`);
        return vars.get(e.name);
      case 'this':
        return chart;
    }
  };
  for (const s of statements) {
    if (s.kind === 'const') vars.set(s.name, run(s.value));
    else if (s.kind === 'expr') run(s.value);
    else if (s.kind === 'patch') (vars.get(s.target) as DaemonSet).addJsonPatch(...(s.patches.map(run) as JsonPatch[]));
  }
  return chart.node
    .findAll()
    .filter(DaemonSet.isDaemonSet)
    .map((d) => d.toJson());
}
