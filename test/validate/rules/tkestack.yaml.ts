/** Hand-written TKEStack manifests with one fault each, shared by the engine and CLI tests. */

const daemonSet = (templateMeta: string, container: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
${templateMeta}    spec:
      containers:
      - name: agent
        image: busybox:1.36
${container}`;

/** Each case: the YAML, and the one issue expected (`path code`), or none. */
export const TKESTACK_CASES: readonly (readonly [string, string, string | undefined])[] = [
  [
    'a GPU share above one card that is not whole cards',
    daemonSet(
      '',
      `        resources:
          limits: {tencent.com/vcuda-core: 150, tencent.com/vcuda-memory: 4}
          requests: {tencent.com/vcuda-core: 150, tencent.com/vcuda-memory: 4}
`,
    ),
    'spec.template.spec.containers[0].resources.limits[tencent.com/vcuda-core] gpu/vcuda-core-not-whole-cards',
  ],
  [
    'a GPU share of one card without memory',
    daemonSet(
      '',
      `        resources:
          limits: {tencent.com/vcuda-core: "30"}
          requests: {tencent.com/vcuda-core: "30"}
`,
    ),
    'spec.template.spec.containers[0].resources.limits[tencent.com/vcuda-memory] gpu/vcuda-memory-required',
  ],
  [
    'whole GPU cards without memory',
    daemonSet(
      '',
      `        resources:
          limits: {tencent.com/vcuda-core: 200}
          requests: {tencent.com/vcuda-core: 200}
`,
    ),
    undefined,
  ],
  [
    'a vcuda-core-limit above 100',
    daemonSet('      annotations: {tencent.com/vcuda-core-limit: "150"}\n', ''),
    'spec.template.metadata.annotations[tencent.com/vcuda-core-limit] gpu/vcuda-core-limit-invalid',
  ],
  [
    'a log directory on no mounted volume',
    daemonSet(
      `      annotations: {log.tke.cloud.tencent.com/log-dir: '{"agent":"/datalogs"}'}\n`,
      `        volumeMounts:
        - {name: data, mountPath: /data}
      volumes:
      - {name: data, emptyDir: {}}
`,
    ),
    'spec.template.metadata.annotations[log.tke.cloud.tencent.com/log-dir] log-directory/not-on-volume',
  ],
  [
    'a log directory under a mounted volume',
    daemonSet(
      `      annotations: {log.tke.cloud.tencent.com/log-dir: '{"agent":"/data/logs"}'}\n`,
      `        volumeMounts:
        - {name: data, mountPath: /data}
      volumes:
      - {name: data, emptyDir: {}}
`,
    ),
    undefined,
  ],
  [
    'a log directory for a container the pod lacks',
    daemonSet(`      annotations: {log.tke.cloud.tencent.com/log-dir: '{"web":"/data"}'}\n`, ''),
    'spec.template.metadata.annotations[log.tke.cloud.tencent.com/log-dir] log-directory/container-not-found',
  ],
  [
    'a log directory annotation that is not JSON',
    daemonSet('      annotations: {log.tke.cloud.tencent.com/log-dir: /data}\n', ''),
    'spec.template.metadata.annotations[log.tke.cloud.tencent.com/log-dir] log-directory/annotation-invalid',
  ],
  [
    'the Never FloatingIP release policy on a DaemonSet',
    daemonSet(
      '      annotations: {k8s.v1.cni.cncf.io/networks: galaxy-k8s-vlan, k8s.v1.cni.galaxy.io/release-policy: never}\n',
      '',
    ),
    'spec.template.metadata.annotations[k8s.v1.cni.galaxy.io/release-policy] network/floating-ip-policy-unsupported',
  ],
  [
    'the release-on-delete FloatingIP policy on a DaemonSet',
    daemonSet(
      `      annotations: {k8s.v1.cni.cncf.io/networks: galaxy-k8s-vlan, k8s.v1.cni.galaxy.io/release-policy: ''}\n`,
      '',
    ),
    undefined,
  ],
];
