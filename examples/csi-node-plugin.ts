import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DaemonSet, EnvValue, NetworkMode, Probe, UpdateStrategy, Volume } from '../src';

/** Where the driver's socket lives on the node; the kubelet dials it after registration. */
const PLUGIN_DIR = '/var/lib/kubelet/plugins/csi-nfsplugin';

/**
 * The node plugin of the NFS CSI driver, as kubernetes-csi/csi-driver-nfs ships it
 * (`deploy/csi-nfs-node.yaml`): the privileged `nfs` driver mounts NFS exports into pod folders
 * with Bidirectional propagation so the kubelet and the pods see them; `node-driver-registrar`
 * announces the driver's socket to the kubelet through its plugin registry; `liveness-probe`
 * turns CSI Probe calls into an HTTP health endpoint for the driver's liveness probe.
 */
export class CsiNodePlugin extends Chart {
  public readonly daemonSet: DaemonSet;
  public readonly serviceAccount: kplus.ServiceAccount;

  public constructor(scope: Construct, id = 'csi-node-plugin') {
    super(scope, id);
    // The node plugin never calls the API server, so the account's token stays unmounted
    // (cdk8s-plus's default).
    this.serviceAccount = new kplus.ServiceAccount(this, 'sa', {
      metadata: { name: 'csi-nfs-node-sa', namespace: 'kube-system' },
    });

    // DirectoryOrCreate: the driver creates its socket here on first start.
    const socketDir = Volume.fromHostPath('socket-dir', { path: PLUGIN_DIR, type: 'DirectoryOrCreate' });
    // Directory: both are the kubelet's own; without them there is no kubelet to serve.
    const podsMountDir = Volume.fromHostPath('pods-mount-dir', { path: '/var/lib/kubelet/pods', type: 'Directory' });
    const registrationDir = Volume.fromHostPath('registration-dir', {
      path: '/var/lib/kubelet/plugins_registry',
      type: 'Directory',
    });

    this.daemonSet = new DaemonSet(this, 'node', {
      name: 'csi-nfs-node',
      namespace: 'kube-system',
      matchLabels: { app: 'csi-nfs-node' },
      updateStrategy: UpdateStrategy.rollingUpdate({ maxUnavailable: 1 }),
      // NFS connections made from the pod's own network namespace break when the pod restarts.
      network: NetworkMode.host({ dnsPolicy: 'ClusterFirstWithHostNet' }),
      serviceAccount: this.serviceAccount,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      // Storage must work on every node, whatever its taints.
      tolerations: [{ operator: 'Exists' }],
      // Declared in the vendor's order; the containers mount them below.
      volumes: [socketDir, podsMountDir, registrationDir],
    });

    this.daemonSet
      .addContainer({
        name: 'liveness-probe',
        image: 'registry.k8s.io/sig-storage/livenessprobe:v2.19.0',
        args: ['--csi-address=/csi/csi.sock', '--probe-timeout=3s', '--http-endpoint=localhost:29653', '--v=2'],
        resources: { cpu: { request: '10m' }, memory: { request: '20Mi', limit: '100Mi' } },
        securityContext: { capabilities: { drop: ['ALL'] } },
      })
      .mount('/csi', socketDir);

    this.daemonSet
      .addContainer({
        name: 'node-driver-registrar',
        image: 'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.17.0',
        args: [
          '--v=2',
          '--csi-address=/csi/csi.sock',
          '--kubelet-registration-path=$(DRIVER_REG_SOCK_PATH)',
          '--http-endpoint=localhost:19809',
        ],
        env: {
          // The socket's path as the kubelet sees it, on the node, not in this container.
          DRIVER_REG_SOCK_PATH: EnvValue.fromValue(`${PLUGIN_DIR}/csi.sock`),
          KUBE_NODE_NAME: EnvValue.fromFieldRef('spec.nodeName'),
        },
        ports: [{ name: 'healthz', containerPort: 19809, protocol: 'TCP' }],
        // The endpoint listens on localhost only: with the host network, that is the node's loopback.
        livenessProbe: Probe.fromHttpGet('/healthz', {
          host: 'localhost',
          port: 'healthz',
          initialDelaySeconds: 20,
          timeoutSeconds: 10,
          periodSeconds: 20,
          failureThreshold: 2,
        }),
        resources: { cpu: { request: '10m' }, memory: { request: '20Mi', limit: '100Mi' } },
        securityContext: { capabilities: { drop: ['ALL'] } },
      })
      .mount('/csi', socketDir)
      .mount('/registration', registrationDir);

    this.daemonSet
      .addContainer({
        name: 'nfs',
        // A released image in place of the vendor's development `canary` tag.
        image: 'registry.k8s.io/sig-storage/nfsplugin:v4.13.5',
        imagePullPolicy: 'IfNotPresent',
        args: ['-v=5', '--nodeid=$(NODE_ID)', '--endpoint=$(CSI_ENDPOINT)'],
        env: {
          NODE_ID: EnvValue.fromFieldRef('spec.nodeName'),
          CSI_ENDPOINT: EnvValue.fromValue('unix:///csi/csi.sock'),
        },
        // Served by the liveness-probe sidecar, which asks the driver over its socket.
        livenessProbe: Probe.fromHttpGet('/healthz', {
          host: 'localhost',
          port: 29653,
          initialDelaySeconds: 30,
          timeoutSeconds: 10,
          periodSeconds: 30,
          failureThreshold: 5,
        }),
        resources: { cpu: { request: '10m' }, memory: { request: '20Mi', limit: '300Mi' } },
        // Mounting filesystems needs SYS_ADMIN, and Bidirectional propagation a privileged container.
        securityContext: {
          privileged: true,
          capabilities: { add: ['SYS_ADMIN'], drop: ['ALL'] },
          allowPrivilegeEscalation: true,
        },
      })
      .mount('/csi', socketDir)
      .mount('/var/lib/kubelet/pods', podsMountDir, { mountPropagation: 'Bidirectional' });
  }
}
