import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { DaemonSet, EnvValue, Probe, Volume } from '../src';

/** Port of Fluent Bit's HTTP server: metrics and health checks. */
const HTTP_PORT = 2020;

// Adapted from fluent/fluent-bit-kubernetes-logging `output/elasticsearch/fluent-bit-configmap.yaml`
// for Fluent Bit 2: the built-in docker and cri multiline parsers read both runtimes' log files,
// the health check backs the readiness probe, and every record is stamped with its node's name.
const FLUENT_BIT_CONF = `[SERVICE]
    Flush         1
    Log_Level     info
    Daemon        off
    Parsers_File  parsers.conf
    HTTP_Server   On
    HTTP_Listen   0.0.0.0
    HTTP_Port     ${HTTP_PORT}
    Health_Check  On

@INCLUDE input-kubernetes.conf
@INCLUDE filter-kubernetes.conf
@INCLUDE output-elasticsearch.conf
`;

const INPUT_KUBERNETES_CONF = `[INPUT]
    Name              tail
    Tag               kube.*
    Path              /var/log/containers/*.log
    multiline.parser  docker, cri
    DB                /var/log/flb_kube.db
    Mem_Buf_Limit     5MB
    Skip_Long_Lines   On
    Refresh_Interval  10
`;

const FILTER_KUBERNETES_CONF = `[FILTER]
    Name                kubernetes
    Match               kube.*
    Kube_URL            https://kubernetes.default.svc:443
    Kube_CA_File        /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    Kube_Token_File     /var/run/secrets/kubernetes.io/serviceaccount/token
    Kube_Tag_Prefix     kube.var.log.containers.
    Merge_Log           On
    Merge_Log_Key       log_processed
    K8S-Logging.Parser  On
    K8S-Logging.Exclude Off

[FILTER]
    Name    record_modifier
    Match   *
    Record  node_name \${NODE_NAME}
`;

const OUTPUT_ELASTICSEARCH_CONF = `[OUTPUT]
    Name            es
    Match           *
    Host            \${FLUENT_ELASTICSEARCH_HOST}
    Port            \${FLUENT_ELASTICSEARCH_PORT}
    Logstash_Format On
    Replace_Dots    On
    Retry_Limit     False
    Suppress_Type_Name On
`;

// Parsers pods may ask for with the fluentbit.io/parser annotation (K8S-Logging.Parser On).
const PARSERS_CONF = `[PARSER]
    Name        json
    Format      json
    Time_Key    time
    Time_Format %d/%b/%Y:%H:%M:%S %z

[PARSER]
    Name        syslog
    Format      regex
    Regex       ^\\<(?<pri>[0-9]+)\\>(?<time>[^ ]* {1,2}[^ ]* [^ ]*) (?<host>[^ ]*) (?<ident>[a-zA-Z0-9_\\/\\.\\-]*)(?:\\[(?<pid>[0-9]+)\\])?(?:[^\\:]*\\:)? *(?<message>.*)$
    Time_Key    time
    Time_Format %b %d %H:%M:%S
`;

// Namespaced objects name it; the ClusterRole and its binding must not carry one.
const NAMESPACE = 'logging';
const LABELS = { 'k8s-app': 'fluent-bit-logging', version: 'v1', 'kubernetes.io/cluster-service': 'true' };

/**
 * Fluent Bit shipping every container's logs to Elasticsearch, after fluent/fluent-bit-kubernetes-logging
 * (`output/elasticsearch/fluent-bit-ds.yaml` with its ConfigMap and RBAC). It tails
 * /var/log/containers, whose files link into /var/log/pods and, with Docker, into
 * /var/lib/docker/containers; its read position is kept in /var/log so a restart doesn't resend.
 */
export class FluentBit extends Chart {
  public readonly daemonSet: DaemonSet;
  public readonly config: kplus.ConfigMap;
  public readonly serviceAccount: kplus.ServiceAccount;

  public constructor(scope: Construct, id = 'fluent-bit') {
    super(scope, id);
    this.config = new kplus.ConfigMap(this, 'config', {
      metadata: { name: 'fluent-bit-config', namespace: NAMESPACE, labels: { 'k8s-app': 'fluent-bit-logging' } },
      data: {
        'fluent-bit.conf': FLUENT_BIT_CONF,
        'input-kubernetes.conf': INPUT_KUBERNETES_CONF,
        'filter-kubernetes.conf': FILTER_KUBERNETES_CONF,
        'output-elasticsearch.conf': OUTPUT_ELASTICSEARCH_CONF,
        'parsers.conf': PARSERS_CONF,
      },
    });

    // The kubernetes filter reads each log's pod and namespace to add their labels and annotations.
    this.serviceAccount = new kplus.ServiceAccount(this, 'sa', {
      metadata: { name: 'fluent-bit', namespace: NAMESPACE },
    });
    const role = new kplus.ClusterRole(this, 'role', { metadata: { name: 'fluent-bit-read' } });
    role.allowRead(kplus.ApiResource.NAMESPACES, kplus.ApiResource.PODS);
    new kplus.ClusterRoleBinding(this, 'binding', { metadata: { name: 'fluent-bit-read' }, role }).addSubjects(
      this.serviceAccount,
    );

    this.daemonSet = new DaemonSet(this, 'daemonset', {
      name: 'fluent-bit',
      namespace: NAMESPACE,
      labels: LABELS,
      matchLabels: { 'k8s-app': 'fluent-bit-logging' },
      podLabels: LABELS,
      podAnnotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(HTTP_PORT),
        'prometheus.io/path': '/api/v1/metrics/prometheus',
      },
      serviceAccount: this.serviceAccount,
      // cdk8s-plus's account doesn't mount its token; the kubernetes filter needs it.
      automountServiceAccountToken: true,
      terminationGracePeriodSeconds: 10,
      // Logs from every node: control-plane nodes and nodes with any NoSchedule or NoExecute taint.
      tolerations: [
        { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
        { operator: 'Exists', effect: 'NoExecute' },
        { operator: 'Exists', effect: 'NoSchedule' },
      ],
    });

    const varlog = Volume.fromHostPath('varlog', { path: '/var/log' });
    const dockerContainers = Volume.fromHostPath('varlibdockercontainers', { path: '/var/lib/docker/containers' });
    const config = Volume.fromConfigMap('fluent-bit-config', this.config);
    this.daemonSet
      .addContainer({
        name: 'fluent-bit',
        image: 'fluent/fluent-bit:2.2.2',
        ports: [{ name: 'http', containerPort: HTTP_PORT }],
        env: {
          FLUENT_ELASTICSEARCH_HOST: EnvValue.fromValue('elasticsearch'),
          FLUENT_ELASTICSEARCH_PORT: EnvValue.fromValue('9200'),
          NODE_NAME: EnvValue.fromFieldRef('spec.nodeName'),
        },
        resources: { cpu: { request: '100m' }, memory: { request: '128Mi', limit: '256Mi' } },
        // `/` answers while the server runs; `/api/v1/health` (Health_Check) fails once outputs keep erroring.
        livenessProbe: Probe.fromHttpGet('/', { port: 'http' }),
        readinessProbe: Probe.fromHttpGet('/api/v1/health', { port: 'http' }),
      })
      // Read-write: the tail input keeps its offsets in /var/log/flb_kube.db.
      .mount('/var/log', varlog)
      .mount('/var/lib/docker/containers', dockerContainers, { readOnly: true })
      .mount('/fluent-bit/etc/', config);
  }
}
