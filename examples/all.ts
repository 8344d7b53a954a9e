import type { App } from '../src';
import { CsiNodePlugin } from './csi-node-plugin';
import { FluentBit } from './fluent-bit';
import { FluentdElasticsearch } from './fluentd-elasticsearch';
import { NodeExporter } from './node-exporter';
import { NvidiaDevicePlugin } from './nvidia-device-plugin';
import { TkestackGpuAgent } from './tkestack-gpu-agent';

/** Adds every example chart to the app. */
export function addExamples(app: App): void {
  new FluentdElasticsearch(app);
  new TkestackGpuAgent(app);
  new FluentBit(app);
  new NodeExporter(app);
  new NvidiaDevicePlugin(app);
  new CsiNodePlugin(app);
}
