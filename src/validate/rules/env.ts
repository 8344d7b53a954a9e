import { ENV_DOWNWARD_API_FIELD_PATHS } from '../api-values';
import type { FieldPath, Issue } from '../issue';
import { get, goString, isSet, issue, list, show } from '../read';
import { NO_ISSUES, type Rule, type RuleContext, type RuleSet } from '../rule';
import { nameIsDnsSubdomain } from './_shared/names';
import { validateObjectFieldSelector, validateResourceFieldSelector } from './_shared/field-selectors';
import { configMapKeyErrors, envVarNameErrors, relaxedEnvVarNameErrors } from './_shared/container-names';

// validateConfigMapKeySelector / validateSecretKeySelector (1.27): the name is checked as a DNS
// subdomain even when empty, the key as a config map key.
function keySelector(s: unknown, path: FieldPath, what: 'configMapKeyRef' | 'secretKeyRef'): Issue[] {
  const out: Issue[] = [];
  const name = goString(get(s, 'name'));
  if (name !== undefined) {
    for (const m of nameIsDnsSubdomain(name, false)) {
      out.push(issue([...path, 'name'], 'env/ref-name-invalid', `Invalid value ${show(name)}: ${m}`));
    }
  }
  const key = goString(get(s, 'key'));
  if (key === '')
    out.push(
      issue(
        [...path, 'key'],
        'env/ref-key-required',
        `Required value: name the key of the ${what === 'configMapKeyRef' ? 'ConfigMap' : 'Secret'} to read`,
      ),
    );
  else if (key !== undefined) {
    for (const m of configMapKeyErrors(key))
      out.push(issue([...path, 'key'], 'env/ref-key-invalid', `Invalid value ${show(key)}: ${m}`));
  }
  return out;
}

const HOST_IPS = ['status.hostIPs'];

// validateDownwardAPIHostIPs (1.28+): status.hostIPs is known but needs PodHostIPs (AllowHostIPsField).
function hostIPs(fieldRef: unknown, path: FieldPath, ctx: RuleContext): Issue[] {
  if (get(fieldRef, 'fieldPath') !== 'status.hostIPs' || ctx.profile.options.AllowHostIPsField) return [];
  return [
    issue(
      path,
      'env/field-ref-gated',
      "Forbidden: may not be set when feature gate 'PodHostIPs' is not enabled: use status.hostIP, or a newer Kubernetes",
    ),
  ];
}

/** The env names a minor accepts: IsEnvVarName, or IsRelaxedEnvVarName where the option allows it (1.32+). */
function nameErrors(name: string, ctx: RuleContext): readonly string[] {
  return ctx.profile.options.AllowRelaxedEnvironmentVariableValidation
    ? relaxedEnvVarNameErrors(name)
    : envVarNameErrors(name);
}

// validateEnvVarValueFrom (1.27): exactly one source, and not together with a non-empty value.
// ValidateEnv calls it only for a set valueFrom, as Go does for `ev.ValueFrom != nil`.
function valueFrom(ev: unknown, path: FieldPath, ctx: RuleContext): Issue[] {
  const vf = get(ev, 'valueFrom');
  const out: Issue[] = [];
  let n = 0;
  const fieldRef = get(vf, 'fieldRef');
  if (isSet(fieldRef)) {
    n++;
    const known = ctx.profile.switches.downwardHostIPsKnown;
    const allowed = known ? [...ENV_DOWNWARD_API_FIELD_PATHS, ...HOST_IPS] : ENV_DOWNWARD_API_FIELD_PATHS;
    out.push(
      ...validateObjectFieldSelector(fieldRef, allowed, [...path, 'fieldRef'], 'env', known ? HOST_IPS : []),
      ...(known ? hostIPs(fieldRef, [...path, 'fieldRef'], ctx) : []),
    );
  }
  const rf = get(vf, 'resourceFieldRef');
  if (isSet(rf)) {
    n++;
    out.push(...validateResourceFieldSelector(rf, [...path, 'resourceFieldRef'], false, 'env'));
  }
  for (const k of ['configMapKeyRef', 'secretKeyRef'] as const) {
    const s = get(vf, k);
    if (isSet(s)) {
      n++;
      out.push(...keySelector(s, [...path, k], k));
    }
  }
  const value = goString(get(ev, 'value'));
  if (n === 0) {
    out.push(
      issue(
        path,
        'env/value-from-empty',
        'Invalid value: must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ),
    );
  } else if (value !== undefined && value !== '') {
    out.push(
      issue(
        path,
        'env/value-and-value-from',
        `Invalid value: may not be specified when \`value\` is not empty (value is ${show(value)}); keep one of them`,
      ),
    );
  } else if (n > 1) {
    out.push(
      issue(path, 'env/value-from-multiple', 'Invalid value: may not have more than one field specified at a time'),
    );
  }
  return out;
}

// ValidateEnv (1.27): names are required and IsEnvVarName (the strict rule; relaxed names came in 1.30).
const env: Rule = (c, path, ctx) => {
  const vars = list(get(c, 'env'));
  if (vars.length === 0) return NO_ISSUES;
  const out: Issue[] = [];
  // Paths are built only for what is reported: most variables are a valid name and a value.
  vars.forEach((ev, i) => {
    const name = goString(get(ev, 'name'));
    if (name === '')
      out.push(
        issue([...path, 'env', i, 'name'], 'env/name-required', 'Required value: an environment variable needs a name'),
      );
    else if (name !== undefined) {
      for (const m of nameErrors(name, ctx))
        out.push(issue([...path, 'env', i, 'name'], 'env/name-invalid', `Invalid value ${show(name)}: ${m}`));
    }
    if (isSet(get(ev, 'valueFrom'))) out.push(...valueFrom(ev, [...path, 'env', i, 'valueFrom'], ctx));
  });
  return out;
};

// ValidateEnvFrom (1.27): prefix is an env var name; exactly one of configMapRef/secretRef, whose
// name is required and a DNS subdomain (checked as a generateName prefix, as Go does). The
// count errors sit at `envFrom`, not at the entry.
const envFrom: Rule = (c, path, ctx) => {
  const sources = list(get(c, 'envFrom'));
  if (sources.length === 0) return NO_ISSUES;
  const out: Issue[] = [];
  sources.forEach((ef, i) => {
    const p = [...path, 'envFrom', i];
    const prefix = goString(get(ef, 'prefix'));
    if (prefix !== undefined && prefix !== '') {
      for (const m of nameErrors(prefix, ctx))
        out.push(issue([...p, 'prefix'], 'env/prefix-invalid', `Invalid value ${show(prefix)}: ${m}`));
    }
    let n = 0;
    for (const k of ['configMapRef', 'secretRef']) {
      const ref = get(ef, k);
      if (!isSet(ref)) continue;
      n++;
      const name = goString(get(ref, 'name'));
      if (name === '')
        out.push(
          issue([...p, k, 'name'], 'env/ref-name-required', 'Required value: name the object to read variables from'),
        );
      else if (name !== undefined) {
        for (const m of nameIsDnsSubdomain(name, true))
          out.push(issue([...p, k, 'name'], 'env/ref-name-invalid', `Invalid value ${show(name)}: ${m}`));
      }
    }
    if (n === 0)
      out.push(
        issue(
          [...path, 'envFrom'],
          'env/env-from-empty',
          'Invalid value: must specify one of: `configMapRef` or `secretRef`',
        ),
      );
    else if (n > 1)
      out.push(
        issue(
          [...path, 'envFrom'],
          'env/env-from-multiple',
          'Invalid value: may not have more than one field specified at a time',
        ),
      );
  });
  return out;
};

export const envRules: RuleSet = {
  container: [env, envFrom],
};
