import { volumesRules } from '../../../src/validate/rules/volumes';
import { daemonSet } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

// ValidateVolumes (1.27) case by case: the volume names, with what each issue says; re-checked
// against the API server where K8S_SHARED is set.

const V = 'spec.template.spec.volumes';
const withVolumes = (...volumes: object[]) =>
  daemonSet((_d, p) => {
    p.volumes = volumes;
  });

ruleCases(
  'volume names',
  [
    {
      name: 'an empty name',
      manifest: withVolumes({ name: '', emptyDir: {} }),
      want: [`${V}[0].name volume/name-required`],
      message: 'Required value: a volume needs a name',
    },
    {
      name: 'a name that is no RFC 1123 label',
      manifest: withVolumes({ name: 'Data', emptyDir: {} }),
      want: [`${V}[0].name volume/name-invalid`],
      message:
        "Invalid value \"Data\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    },
    {
      name: 'a name used twice, at the later volume',
      manifest: withVolumes({ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }),
      want: [`${V}[1].name volume/name-duplicate`],
      message: 'Duplicate value: "data": volume names must be unique within a pod',
    },
    {
      name: 'a name that is no string is left to the decoder',
      manifest: withVolumes({ name: 5, emptyDir: {} }),
      want: [],
      notServer: 'the strict decoder rejects a number as a name before validation',
    },
  ],
  pipelineIssues({ rules: [volumesRules] }),
);
