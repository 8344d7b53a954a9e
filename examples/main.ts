import { App } from '../src';
import { FluentdElasticsearch } from './fluentd-elasticsearch';

/** Synthesizes every example into the output folder (`dist/`, or CDK8S_OUTDIR under `cdk8s synth`). */
const app = new App();
new FluentdElasticsearch(app);
app.synth();
