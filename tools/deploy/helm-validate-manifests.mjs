// Validates Kubernetes objects against the API's OpenAPI schemas, offline (ADR 0030): the models of
// kubernetes-models (the Kubernetes API) and @kubernetes-models/prometheus-operator (ServiceMonitor).
// Reads a JSON array of objects on stdin; writes a JSON array of problems, one per invalid object, on stdout.
// An ES module run in its own process because those packages are ES modules only, which jest cannot load.

/** Packages whose `<package>/<apiVersion>` export the models of that group version. */
const MODEL_PACKAGES = ['kubernetes-models', '@kubernetes-models/prometheus-operator'];

// What the API server checks besides the schema: names are DNS subdomains; a Service's is a DNS label.
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(?=.{0,63}$)(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const groupVersions = new Map();

async function modelFor(apiVersion, kind) {
  if (!groupVersions.has(apiVersion)) {
    const found = [];
    for (const pkg of MODEL_PACKAGES) {
      try {
        found.push(await import(`${pkg}/${apiVersion}`));
      } catch {
        // Not this package's group version.
      }
    }
    groupVersions.set(apiVersion, found);
  }
  for (const models of groupVersions.get(apiVersion)) {
    const model = models[kind];
    if (typeof model === 'function' && model.apiVersion === apiVersion && model.kind === kind) return model;
  }
  return undefined;
}

async function problemOf(manifest) {
  const { apiVersion, kind, metadata } = manifest ?? {};
  const name = metadata?.name;
  const model = typeof apiVersion === 'string' && typeof kind === 'string' ? await modelFor(apiVersion, kind) : undefined;
  if (!model) return `no schema for apiVersion ${apiVersion} kind ${kind}`;
  if (typeof name !== 'string' || !(kind === 'Service' ? DNS_LABEL : DNS_SUBDOMAIN).test(name)) {
    return `metadata.name is not a valid ${kind === 'Service' ? 'DNS label' : 'DNS subdomain'}`;
  }
  for (const [key, value] of Object.entries(metadata.labels ?? {})) {
    if (typeof value !== 'string' || !LABEL_VALUE.test(value)) return `label ${key} has an invalid value`;
  }
  try {
    new model(manifest).validate();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const problems = [];
for (const manifest of JSON.parse(input)) {
  const problem = await problemOf(manifest);
  if (problem) problems.push({ kind: manifest?.kind, name: manifest?.metadata?.name, problem });
}
process.stdout.write(JSON.stringify(problems));
