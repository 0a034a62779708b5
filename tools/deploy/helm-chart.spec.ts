import { APP_ENV_SCHEMAS } from './app-env-schemas';
import { lintChart, Manifest, renderChart } from './helm-render';
import { validateManifests } from './helm-validate';
import { IMAGE_PLANS } from './images-plan';

/**
 * The Helm chart (infra/helm/nhi-platform), rendered by the real helm (helm-binary.ts) with its default values
 * and with ci/external-tls-sasl-values.yaml, then validated against the Kubernetes API schemas.
 */
const EXTERNAL = 'ci/external-tls-sasl-values.yaml';
// Extracting helm from its package the first time takes a few seconds.
jest.setTimeout(60_000);

interface Container {
  name: string;
  args?: string[];
  ports?: { name: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string } }[];
  volumeMounts?: { name: string; mountPath: string }[];
  readinessProbe?: { httpGet?: { path: string; port: string } };
  livenessProbe?: { httpGet?: { path: string; port: string }; tcpSocket?: { port: string } };
  startupProbe?: { httpGet?: { path: string; port: string } };
}
interface PodSpec {
  containers: Container[];
  volumes?: { name: string }[];
  securityContext?: { runAsNonRoot?: boolean };
}

const ofKind = (manifests: Manifest[], kind: string) => manifests.filter((manifest) => manifest.kind === kind);
const podOf = (manifest: Manifest) => (manifest['spec'] as { template: { spec: PodSpec } }).template.spec;
const appOf = (manifest: Manifest) => manifest.metadata.labels?.['app.kubernetes.io/name'] ?? '';

/** What a container's environment holds: its ConfigMap's data and its own env entries. */
function environmentOf(manifests: Manifest[], container: Container): Map<string, string | undefined> {
  const variables = new Map<string, string | undefined>();
  for (const source of container.envFrom ?? []) {
    const configMap = ofKind(manifests, 'ConfigMap').find((manifest) => manifest.metadata.name === source.configMapRef?.name);
    if (!configMap) throw new Error(`${container.name}: ConfigMap ${source.configMapRef?.name} is not in the chart`);
    for (const [name, value] of Object.entries(configMap['data'] as Record<string, string>)) variables.set(name, value);
  }
  for (const entry of container.env ?? []) variables.set(entry.name, entry.value);
  return variables;
}

// The reference integrator is off by default; the first render turns it on so that its objects are checked too.
describe.each([
  ['default values and the reference integrator', [], ['apps.reference-integrator.enabled=true']],
  ['external Kafka (TLS, SASL) and PostgreSQL (verify-full)', [EXTERNAL], []],
])('the Helm chart with %s', (_title, valuesFiles: string[], set: string[]) => {
  let manifests: Manifest[];
  beforeAll(() => {
    manifests = renderChart(valuesFiles, set);
  });

  it('passes helm lint --strict', () => {
    expect(lintChart(valuesFiles)).toMatch(/0 chart\(s\) failed/);
  });

  it('renders only objects that are valid against the Kubernetes API schemas', () => {
    expect(manifests.length).toBeGreaterThan(20);
    expect(validateManifests(manifests)).toEqual([]);
  });

  it('deploys every enabled app, each with a Service, a PodDisruptionBudget and /health probes, as non-root', () => {
    const deployments = ofKind(manifests, 'Deployment');
    const apps = deployments.map(appOf).sort();
    expect(apps).toEqual(expect.arrayContaining(['exceptions', 'gateway', 'inventory', 'lifecycle', 'metrics', 'ownership']));
    for (const deployment of deployments) {
      const app = appOf(deployment);
      const plan = IMAGE_PLANS.find((entry) => entry.app === app);
      const pod = podOf(deployment);
      const [container] = pod.containers;
      expect({ app, port: container?.ports?.[0]?.containerPort }).toEqual({ app, port: plan?.port });
      expect(container?.readinessProbe?.httpGet?.path).toBe('/health');
      expect(container?.startupProbe?.httpGet?.path).toBe('/health');
      // The gateway's /health fails with any subgraph's: it must not restart gateways (docs/operations.md).
      if (app === 'gateway') expect(container?.livenessProbe?.tcpSocket?.port).toBe('http');
      else expect(container?.livenessProbe?.httpGet?.path).toBe('/health');
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(ofKind(manifests, 'Service').filter((service) => appOf(service) === app)).toHaveLength(1);
      expect(ofKind(manifests, 'PodDisruptionBudget').filter((budget) => appOf(budget) === app)).toHaveLength(1);
    }
  });

  it('sets no variable an app does not read, and only file paths that are mounted', () => {
    for (const manifest of [...ofKind(manifests, 'Deployment'), ...ofKind(manifests, 'Job')]) {
      const app = appOf(manifest).replace(/-migrate$/, '');
      const schema = APP_ENV_SCHEMAS.find((entry) => entry.app === app);
      if (!schema) throw new Error(`${manifest.metadata.name}: no environment schema for app ${app}`);
      // NODE_ENV is read by libraries (Express, Nest) in every app, whether the app's own schema names it or not.
      const known = new Set(['NODE_ENV', ...Object.keys(schema.shape({ NODE_ENV: 'production' }))]);
      const pod = podOf(manifest);
      for (const container of pod.containers) {
        const environment = environmentOf(manifests, container);
        const unknown = [...environment.keys()].filter((name) => !known.has(name));
        expect({ app, unknown }).toEqual({ app, unknown: [] });
        const mounts = (container.volumeMounts ?? []).map((mount) => mount.mountPath);
        const files = [...environment].filter(
          ([name, value]) => (name.endsWith('_FILE') || name === 'PGSSLROOTCERT') && value !== 'system',
        );
        for (const [name, file] of files) {
          expect({ app, name, mounted: mounts.some((mount) => file?.startsWith(`${mount}/`)) }).toEqual({ app, name, mounted: true });
        }
        const volumes = new Set((pod.volumes ?? []).map((volume) => volume.name));
        expect((container.volumeMounts ?? []).filter((mount) => !volumes.has(mount.name))).toEqual([]);
      }
    }
  });

  it('runs migrate once per service with a database, as a pre-install and pre-upgrade hook, before services that skip it', () => {
    const jobs = ofKind(manifests, 'Job');
    expect(jobs.map((job) => appOf(job)).sort()).toEqual(
      IMAGE_PLANS.filter((plan) => plan.database)
        .map((plan) => plan.app)
        .sort(),
    );
    for (const job of jobs) {
      expect(job.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
      const [container] = podOf(job).containers;
      expect(container?.args).toEqual(['migrate']);
      expect(environmentOf(manifests, container as Container).get('DATABASE_MIGRATIONS')).toBe('skip');
    }
    for (const deployment of ofKind(manifests, 'Deployment').filter((manifest) => jobs.some((job) => appOf(job) === appOf(manifest)))) {
      expect(environmentOf(manifests, podOf(deployment).containers[0] as Container).get('DATABASE_MIGRATIONS')).toBe('skip');
    }
  });

  it('scales the gateway with an HPA and scrapes every Service that serves /metrics', () => {
    const [hpa] = ofKind(manifests, 'HorizontalPodAutoscaler');
    const gateway = ofKind(manifests, 'Deployment').find((deployment) => appOf(deployment) === 'gateway');
    expect((hpa?.['spec'] as { scaleTargetRef: { name: string } }).scaleTargetRef.name).toBe(gateway?.metadata.name);
    expect(gateway?.['spec']).not.toHaveProperty('replicas');

    const [monitor] = ofKind(manifests, 'ServiceMonitor');
    const selector = (monitor?.['spec'] as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
    const scraped = ofKind(manifests, 'Service').filter((service) =>
      Object.entries(selector).every(([key, value]) => service.metadata.labels?.[key] === value),
    );
    expect(scraped.map(appOf).sort()).toEqual(['exceptions', 'gateway', 'inventory', 'lifecycle', 'metrics', 'ownership']);
  });

  it('points the gateway at the subgraph Services it renders', () => {
    const gateway = ofKind(manifests, 'Deployment').find((deployment) => appOf(deployment) === 'gateway') as Manifest;
    const environment = environmentOf(manifests, podOf(gateway).containers[0] as Container);
    for (const service of ofKind(manifests, 'Service').filter((entry) => !['gateway', 'reference-integrator'].includes(appOf(entry)))) {
      const port = (service['spec'] as { ports: { port: number }[] }).ports[0]?.port;
      expect(environment.get(`${appOf(service).toUpperCase()}_URL`)).toBe(`http://${service.metadata.name}:${port}/graphql`);
    }
  });
});

describe('the Helm chart with external Kafka and PostgreSQL', () => {
  it('connects over TLS with SASL/SCRAM-SHA-512, the password as a mounted file, and verifies PostgreSQL against the CA', () => {
    const manifests = renderChart([EXTERNAL]);
    const deploymentOf = (app: string) => ofKind(manifests, 'Deployment').find((deployment) => appOf(deployment) === app) as Manifest;
    const environment = environmentOf(manifests, podOf(deploymentOf('inventory')).containers[0] as Container);
    const integrator = environmentOf(manifests, podOf(deploymentOf('reference-integrator')).containers[0] as Container);
    expect(integrator.get('KAFKA_SASL_PASSWORD_FILE')).toBe('/etc/nhi/kafka-sasl/password');
    expect(Object.fromEntries([...environment].filter(([name]) => /^(KAFKA_S|PGSSL)/.test(name)))).toEqual({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/etc/nhi/kafka-ca/ca.crt',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'nhi-platform',
      KAFKA_SASL_PASSWORD_FILE: '/etc/nhi/kafka-sasl/password',
      PGSSLMODE: 'verify-full',
      PGSSLROOTCERT: '/etc/nhi/postgres-ca/ca.crt',
    });
    expect(environment.has('KAFKA_SASL_PASSWORD')).toBe(false);
    // Secrets come from the operator's own Secret: the chart makes none.
    expect(ofKind(manifests, 'Secret')).toEqual([]);
  });

  it('refuses SASL without a username, naming the value to set', () => {
    expect(() => renderChart([EXTERNAL], ['kafka.sasl.username='])).toThrow(/kafka\.sasl\.username is required/);
  });
});

describe('the manifest validator', () => {
  it('reports a broken manifest and an unknown kind by kind and name', () => {
    const [deployment] = ofKind(renderChart(), 'Deployment') as [Manifest];
    const broken = structuredClone(deployment);
    const pod = podOf(broken);
    (pod.containers[0] as unknown as { ports: { containerPort: unknown }[] }).ports[0]!.containerPort = 'http';
    const unknownKind = { apiVersion: 'apps/v1', kind: 'Deploymint', metadata: { name: 'x' } };
    const badName = { ...structuredClone(deployment), metadata: { name: 'Not_A_Name' } };

    const problems = validateManifests([deployment, broken, unknownKind, badName]);

    expect(problems).toEqual([
      { kind: 'Deployment', name: deployment.metadata.name, problem: expect.stringMatching(/containerPort must be integer/) },
      { kind: 'Deploymint', name: 'x', problem: 'no schema for apiVersion apps/v1 kind Deploymint' },
      { kind: 'Deployment', name: 'Not_A_Name', problem: 'metadata.name is not a valid DNS subdomain' },
    ]);
  });
});
