import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DaemonSet, EnvValue, NetworkMode, UpdateStrategy, Volume } from '../src';

const VERSION = '1.12.1';
// Namespaced objects name it; the ClusterRole and its binding must not carry one.
const NAMESPACE = 'monitoring';

/** Labels that select the pods; the version label is added to the objects but stays out of the selector. */
const SELECTOR = {
  'app.kubernetes.io/component': 'exporter',
  'app.kubernetes.io/name': 'node-exporter',
  'app.kubernetes.io/part-of': 'kube-prometheus',
};
const LABELS = { ...SELECTOR, 'app.kubernetes.io/version': VERSION };

/**
 * Prometheus node-exporter as kube-prometheus ships it (`manifests/nodeExporter-daemonset.yaml`):
 * the exporter reads the node's /sys and root filesystem (its /proc included) through read-only
 * mounts, in the node's network and process namespaces, and listens on loopback only;
 * kube-rbac-proxy serves its metrics on the node's port 9100 over TLS to clients the API server
 * authorizes.
 */
export class NodeExporter extends Chart {
  public readonly daemonSet: DaemonSet;
  public readonly serviceAccount: kplus.ServiceAccount;

  public constructor(scope: Construct, id = 'node-exporter') {
    super(scope, id);
    // kube-rbac-proxy checks each scraper's token with TokenReview and SubjectAccessReview.
    this.serviceAccount = new kplus.ServiceAccount(this, 'sa', {
      metadata: { name: 'node-exporter', namespace: NAMESPACE, labels: LABELS },
    });
    const role = new kplus.ClusterRole(this, 'role', { metadata: { name: 'node-exporter', labels: LABELS } });
    role.allowCreate(kplus.ApiResource.TOKEN_REVIEWS, kplus.ApiResource.SUBJECT_ACCESS_REVIEWS);
    new kplus.ClusterRoleBinding(this, 'binding', {
      metadata: { name: 'node-exporter', labels: LABELS },
      role,
    }).addSubjects(this.serviceAccount);

    const sys = Volume.fromHostPath('sys', { path: '/sys' });
    const root = Volume.fromHostPath('root', { path: '/' });

    this.daemonSet = new DaemonSet(this, 'daemonset', {
      name: 'node-exporter',
      namespace: NAMESPACE,
      labels: LABELS,
      matchLabels: SELECTOR,
      podLabels: LABELS,
      podAnnotations: { 'kubectl.kubernetes.io/default-container': 'node-exporter' },
      serviceAccount: this.serviceAccount,
      // The account doesn't mount its token (cdk8s-plus's default, as kube-prometheus's account);
      // this pod asks for it because kube-rbac-proxy calls the API server.
      automountServiceAccountToken: true,
      // Node network statistics and the node's port 9100. No cluster DNS is needed (the proxy reaches
      // the API server by the IP in KUBERNETES_SERVICE_HOST), so the policy stays what the vendor
      // gets by not writing one: ClusterFirst.
      network: NetworkMode.host({ dnsPolicy: 'ClusterFirst' }),
      // Process statistics of the whole node.
      hostPID: true,
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      priorityClassName: 'system-cluster-critical',
      securityContext: { runAsGroup: 65534, runAsNonRoot: true, runAsUser: 65534 },
      // Metrics from every node, whatever its taints.
      tolerations: [{ operator: 'Exists' }],
      updateStrategy: UpdateStrategy.rollingUpdate({ maxUnavailable: '10%' }),
    });

    this.daemonSet
      .addContainer({
        name: 'node-exporter',
        image: `quay.io/prometheus/node-exporter:v${VERSION}`,
        args: [
          '--web.listen-address=127.0.0.1:9101',
          '--path.sysfs=/host/sys',
          '--path.rootfs=/host/root',
          // With hostPID the root filesystem's /proc is the node's, so it needs no mount of its own.
          '--path.procfs=/host/root/proc',
          '--path.udev.data=/host/root/run/udev/data',
          '--no-collector.wifi',
          '--no-collector.hwmon',
          '--no-collector.btrfs',
          '--collector.filesystem.mount-points-exclude=^/(dev|proc|sys|run/k3s/containerd/.+|var/lib/docker/.+|var/lib/kubelet/pods/.+)($|/)',
          '--collector.netclass.ignored-devices=^(veth.*|[a-f0-9]{15})$',
          '--collector.netdev.device-exclude=^(veth.*|[a-f0-9]{15})$',
        ],
        resources: { cpu: { request: '102m', limit: '250m' }, memory: { request: '180Mi', limit: '180Mi' } },
        // SYS_TIME: the timex collector reads the kernel clock's state with adjtimex.
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { add: ['SYS_TIME'], drop: ['ALL'] },
          readOnlyRootFilesystem: true,
        },
      })
      // HostToContainer: filesystems mounted on the node later (new volumes) show up in the container.
      .mount('/host/sys', sys, { mountPropagation: 'HostToContainer', readOnly: true })
      .mount('/host/root', root, { mountPropagation: 'HostToContainer', readOnly: true });

    this.daemonSet.addContainer({
      name: 'kube-rbac-proxy',
      image: 'quay.io/brancz/kube-rbac-proxy:v0.22.1',
      args: [
        '--secure-listen-address=[$(IP)]:9100',
        '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,' +
          'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,' +
          'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
        '--upstream=http://127.0.0.1:9101/',
      ],
      // With the host network the pod IP is the node's IP.
      env: { IP: EnvValue.fromFieldRef('status.podIP') },
      ports: [{ containerPort: 9100, hostPort: 9100, name: 'https' }],
      resources: { cpu: { request: '10m', limit: '20m' }, memory: { request: '20Mi', limit: '40Mi' } },
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        readOnlyRootFilesystem: true,
        runAsGroup: 65532,
        runAsNonRoot: true,
        runAsUser: 65532,
        seccompProfile: { type: 'RuntimeDefault' },
      },
    });
  }
}
