import type { App } from '../src';
import { FluentdElasticsearch } from './fluentd-elasticsearch';
import { TkestackGpuAgent } from './tkestack-gpu-agent';

/** Adds every example chart to the app. */
export function addExamples(app: App): void {
  new FluentdElasticsearch(app);
  new TkestackGpuAgent(app);
}
