import { Chart, Testing } from 'cdk8s';
import { DaemonSet, type DaemonSetProps } from '../../src';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A DaemonSet in a fresh chart, with a container unless `props.containers` is given. */
export function makeDaemonSet(props: Partial<DaemonSetProps> = {}): { chart: Chart; ds: DaemonSet } {
  const chart = new Chart(Testing.app(), 'test');
  const ds = new DaemonSet(chart, 'agent', {
    matchLabels: { app: 'agent' },
    containers: props.containers ?? [{ name: 'agent', image: 'busybox:1.36' }],
    ...props,
  });
  return { chart, ds };
}

/** The manifest a DaemonSet synthesizes. */
export function manifestOf(ds: DaemonSet): any {
  return ds.toJson();
}

/** The pod spec a DaemonSet synthesizes. */
export function podSpecOf(ds: DaemonSet): any {
  return ds.toJson().spec.template.spec;
}

/** The first container a DaemonSet synthesizes. */
export function containerOf(ds: DaemonSet, index = 0): any {
  return podSpecOf(ds).containers[index];
}
