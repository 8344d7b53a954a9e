import { App } from '../src';
import { addExamples } from './all';

/** Synthesizes every example into the output folder (`dist/`, or CDK8S_OUTDIR under `cdk8s synth`). */
const app = new App();
addExamples(app);
app.synth();
