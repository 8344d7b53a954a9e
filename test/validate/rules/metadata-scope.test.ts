import { metadataRules } from '../../../src/validate/rules/metadata';
import { daemonSet } from '../../support/manifest';
import { pipelineIssues, ruleCases } from '../../support/rule-cases';

/* eslint-disable @typescript-eslint/no-explicit-any */

// Which metadata each rule of ValidateObjectMeta (apimachinery 0.27) and ValidatePodTemplateSpec
// (1.27) reads: the DaemonSet's own metadata gets the object checks (name, namespace, owner
// references, finalizers) and no pod-specific annotation check; the template's metadata gets the
// label, annotation and pod-specific annotation checks and no object check. Every case is re-checked
// against the 1.27 kube-apiserver (k8s-oracle) where K8S_SHARED is set.

const at = pipelineIssues({ rules: [metadataRules] });
const A = 'spec.template.annotations';
const TOL = 'scheduler.alpha.kubernetes.io/tolerations';
const edit = (f: (ds: any, pod: any) => void) => daemonSet((d, p) => f(d, p));
const templateNotes = (notes: Record<string, string>, f?: (pod: any) => void) =>
  edit((d, p) => {
    d.spec.template.metadata.annotations = notes;
    f?.(p);
  });

ruleCases(
  'the metadata each metadata rule reads',
  [
    {
      name: "pod-specific annotations on the DaemonSet's own metadata are not checked",
      manifest: edit((d) => {
        d.metadata.annotations = {
          'kubernetes.io/config.mirror': 'x',
          [TOL]: 'not json',
          'controller.kubernetes.io/pod-deletion-cost': 'x',
          'seccomp.security.alpha.kubernetes.io/pod': 'foo',
          'container.apparmor.security.beta.kubernetes.io/nosuch': 'bad',
        };
      }),
      want: [],
    },
    {
      name: "the template's namespace, owner references and finalizers are not checked",
      manifest: edit((d) => {
        Object.assign(d.spec.template.metadata, {
          namespace: 'Bad_NS',
          ownerReferences: [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }],
          finalizers: ['a/b/c'],
        });
      }),
      want: [],
    },
    {
      name: 'a name ending in a dash is not a subdomain (only a generateName prefix may end so)',
      manifest: edit((d) => {
        d.metadata.name = 'agent-';
      }),
      want: ['metadata.name metadata/name-invalid'],
    },
    {
      name: 'a namespace ending in a dash is not a label',
      manifest: edit((d) => {
        d.metadata.namespace = 'ns-';
      }),
      want: ['metadata.namespace metadata/namespace-invalid'],
      message:
        "\"ns-\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    },
    {
      name: 'a null owner reference is a zero one, every field empty',
      manifest: edit((d) => {
        d.metadata.ownerReferences = [null];
      }),
      want: [
        'metadata.ownerReferences.apiVersion metadata/owner-reference-version-empty',
        'metadata.ownerReferences.kind metadata/owner-reference-kind-empty',
        'metadata.ownerReferences.name metadata/owner-reference-name-empty',
        'metadata.ownerReferences.uid metadata/owner-reference-uid-empty',
      ],
      sameCauses: true,
    },
    {
      name: 'two controllers without a kind are named by their names',
      manifest: edit((d) => {
        d.metadata.ownerReferences = [
          { apiVersion: 'v1', name: 'a', uid: 'u', controller: true },
          { apiVersion: 'v1', name: 'b', uid: 'u', controller: true },
        ];
      }),
      want: [
        'metadata.ownerReferences metadata/owner-reference-controllers',
        'metadata.ownerReferences.kind metadata/owner-reference-kind-empty',
        'metadata.ownerReferences.kind metadata/owner-reference-kind-empty',
      ],
      message: 'Only one reference can have Controller set to true. Found "true" in references for /a and /b',
      sameCauses: true,
    },
    {
      name: 'an owner of apiVersion "/v1" is of the core group, so a core Event',
      manifest: edit((d) => {
        d.metadata.ownerReferences = [{ apiVersion: '/v1', kind: 'Event', name: 'e', uid: 'u' }];
      }),
      want: ['metadata.ownerReferences metadata/owner-reference-banned'],
    },
    {
      name: 'an Event of another core version is not the banned owner',
      manifest: edit((d) => {
        d.metadata.ownerReferences = [{ apiVersion: 'v1beta1', kind: 'Event', name: 'e', uid: 'u' }];
      }),
      want: [],
    },
    {
      name: 'the mirror-pod annotation is accepted with spec.nodeName',
      manifest: templateNotes({ 'kubernetes.io/config.mirror': 'x' }, (p) => {
        p.nodeName = 'node-1';
      }),
      want: [],
    },
    {
      name: 'a null pod deletion cost is the empty string, not a number',
      manifest: templateNotes({ 'controller.kubernetes.io/pod-deletion-cost': null as any }),
      want: [`${A}[controller.kubernetes.io/pod-deletion-cost] metadata/pod-deletion-cost-invalid`],
      message: 'must be a 32bit integer, got ""',
    },
    {
      name: "the tolerations annotation's operator and value are read: Exists with a value",
      manifest: templateNotes({ [TOL]: JSON.stringify([{ key: 'k', operator: 'Exists', value: 'v' }]) }),
      want: [`${A}.${TOL}[0].operator scheduling/toleration-value-with-exists`],
    },
    {
      name: 'the tolerations annotation takes an integer tolerationSeconds',
      manifest: templateNotes({
        [TOL]: JSON.stringify([{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }]),
      }),
      want: [],
    },
    {
      name: 'the tolerations annotation takes a null tolerationSeconds and a null key',
      manifest: templateNotes({
        [TOL]: JSON.stringify([
          { key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: null },
          { key: null, operator: 'Exists' },
        ]),
      }),
      want: [],
    },
  ],
  at,
);
