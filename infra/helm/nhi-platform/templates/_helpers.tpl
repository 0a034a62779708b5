{{/*
Templates use plain Helm (range, include, toYaml, fromYaml, required, lookup); `helm template` and `helm lint`
render them in tools/deploy/helm-chart.spec.ts.
*/}}

{{- define "nhi.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Name of one app's objects. Takes (dict "root" $ "name" <app>). */}}
{{- define "nhi.appName" -}}
{{- printf "%s-%s" (include "nhi.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nhi.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "nhi.labels" -}}
{{ include "nhi.selectorLabels" . }}
app.kubernetes.io/part-of: nhi-platform
app.kubernetes.io/version: {{ .root.Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "nhi.image" -}}
{{- printf "%s%s%s:%s" .root.Values.image.registry .root.Values.image.repositoryPrefix .name .root.Values.image.tag -}}
{{- end -}}

{{/* The Secret with ACTOR_SIGNING_KEY, RATE_LIMIT_REDIS_URL and DATABASE_URL_<SERVICE>. */}}
{{- define "nhi.secretName" -}}
{{- .Values.secrets.existingSecret | default (include "nhi.fullname" .) -}}
{{- end -}}

{{- define "nhi.databaseUrlKey" -}}
{{- printf "DATABASE_URL_%s" (.name | upper | replace "-" "_") -}}
{{- end -}}

{{/* Where mounted secrets appear in a container; the *_FILE and PGSSLROOTCERT variables point here. */}}
{{- define "nhi.kafkaCaFile" -}}/etc/nhi/kafka-ca/ca.crt{{- end -}}
{{- define "nhi.kafkaClientDir" -}}/etc/nhi/kafka-client{{- end -}}
{{- define "nhi.kafkaPasswordFile" -}}/etc/nhi/kafka-sasl/password{{- end -}}
{{- define "nhi.postgresCaFile" -}}/etc/nhi/postgres-ca/ca.crt{{- end -}}

{{/* PostgreSQL variables (non-secret) of an app with a database: the service and its migration Job read the same. */}}
{{- define "nhi.postgresConfig" -}}
{{- $pg := .root.Values.postgresql -}}
PGSSLMODE: {{ $pg.sslMode | quote }}
PGSSLROOTCERT: {{ ternary (include "nhi.postgresCaFile" .) "system" (ne $pg.caSecret.name "") | quote }}
DATABASE_MIGRATIONS: {{ ternary "skip" "auto" .root.Values.migrations.job | quote }}
{{- end -}}

{{/* Kafka variables (non-secret), as libs/config/src/kafka-security.ts (and the integrator SDK) read them. */}}
{{- define "nhi.kafkaConfig" -}}
{{- $kafka := .root.Values.kafka -}}
KAFKA_BROKERS: {{ $kafka.brokers | quote }}
KAFKA_TOPIC_PREFIX: {{ $kafka.topicPrefix | quote }}
KAFKA_SSL: {{ $kafka.tls.enabled | quote }}
{{- if and $kafka.tls.enabled $kafka.tls.caSecret.name }}
KAFKA_SSL_CA_FILE: {{ include "nhi.kafkaCaFile" . | quote }}
{{- end }}
{{- if and $kafka.tls.enabled $kafka.tls.clientCertSecret.name }}
KAFKA_SSL_CERT_FILE: {{ printf "%s/tls.crt" (include "nhi.kafkaClientDir" .) | quote }}
KAFKA_SSL_KEY_FILE: {{ printf "%s/tls.key" (include "nhi.kafkaClientDir" .) | quote }}
{{- end }}
{{- if $kafka.sasl.mechanism }}
KAFKA_SASL_MECHANISM: {{ $kafka.sasl.mechanism | quote }}
KAFKA_SASL_USERNAME: {{ required "kafka.sasl.username is required with kafka.sasl.mechanism" $kafka.sasl.username | quote }}
KAFKA_SASL_PASSWORD_FILE: {{ include "nhi.kafkaPasswordFile" . | quote }}
{{- end }}
{{- /* The reference integrator creates no topics. */}}
{{- if ne .name "reference-integrator" }}
KAFKA_REPLICATION_FACTOR: {{ $kafka.replicationFactor | quote }}
{{- end }}
{{- end -}}

{{/* Every non-secret variable of one app (its ConfigMap). Takes (dict "root" $ "name" <app> "app" <values>). */}}
{{- define "nhi.config" -}}
{{- $values := .root.Values -}}
NODE_ENV: {{ $values.nodeEnv | quote }}
HOST: "0.0.0.0"
PORT: {{ .app.port | quote }}
{{- /* The reference integrator logs at its own fixed level. */}}
{{- if ne .name "reference-integrator" }}
LOG_LEVEL: {{ $values.logLevel | quote }}
{{- end }}
{{- if .app.database }}
{{ include "nhi.postgresConfig" . }}
{{- end }}
{{- if .app.kafka }}
{{ include "nhi.kafkaConfig" . }}
{{- end }}
{{- if .app.jwt }}
JWT_JWKS_URL: {{ $values.jwt.jwksUrl | quote }}
JWT_ISSUER: {{ $values.jwt.issuer | quote }}
JWT_AUDIENCE: {{ $values.jwt.audience | quote }}
{{- end }}
{{- if eq .name "gateway" }}
{{- range $subgraph, $app := $values.apps }}
{{- if and $app.database $app.enabled }}
{{ printf "%s_URL" ($subgraph | upper) }}: {{ printf "http://%s:%v/graphql" (include "nhi.appName" (dict "root" $.root "name" $subgraph)) $app.port | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- range $name, $value := $values.commonEnv }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- range $name, $value := .app.env }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* Secret variables of one app, as env entries that point into the Secret. */}}
{{- define "nhi.secretEnv" -}}
{{- if ne .name "reference-integrator" }}
- name: ACTOR_SIGNING_KEY
  valueFrom: { secretKeyRef: { name: {{ include "nhi.secretName" .root }}, key: ACTOR_SIGNING_KEY } }
{{- end }}
{{- if .app.database }}
- name: DATABASE_URL
  valueFrom: { secretKeyRef: { name: {{ include "nhi.secretName" .root }}, key: {{ include "nhi.databaseUrlKey" . }} } }
{{- end }}
{{- if eq .name "gateway" }}
- name: RATE_LIMIT_REDIS_URL
  valueFrom: { secretKeyRef: { name: {{ include "nhi.secretName" .root }}, key: RATE_LIMIT_REDIS_URL } }
{{- end }}
{{- end -}}

{{/* Volumes for the mounted CA, client certificate and password files, and a writable /tmp. */}}
{{- define "nhi.volumes" -}}
{{- $kafka := .root.Values.kafka -}}
- name: tmp
  emptyDir: {}
{{- if and .app.kafka $kafka.tls.enabled $kafka.tls.caSecret.name }}
- name: kafka-ca
  secret: { secretName: {{ $kafka.tls.caSecret.name }}, items: [{ key: {{ $kafka.tls.caSecret.key }}, path: ca.crt }] }
{{- end }}
{{- if and .app.kafka $kafka.tls.enabled $kafka.tls.clientCertSecret.name }}
- name: kafka-client
  secret:
    secretName: {{ $kafka.tls.clientCertSecret.name }}
    items: [{ key: {{ $kafka.tls.clientCertSecret.certKey }}, path: tls.crt }, { key: {{ $kafka.tls.clientCertSecret.keyKey }}, path: tls.key }]
{{- end }}
{{- if and .app.kafka $kafka.sasl.mechanism }}
- name: kafka-sasl
  secret:
    secretName: {{ required "kafka.sasl.passwordSecret.name is required with kafka.sasl.mechanism" $kafka.sasl.passwordSecret.name }}
    items: [{ key: {{ $kafka.sasl.passwordSecret.key }}, path: password }]
{{- end }}
{{- if and .app.database .root.Values.postgresql.caSecret.name }}
- name: postgres-ca
  secret: { secretName: {{ .root.Values.postgresql.caSecret.name }}, items: [{ key: {{ .root.Values.postgresql.caSecret.key }}, path: ca.crt }] }
{{- end }}
{{- end -}}

{{- define "nhi.volumeMounts" -}}
{{- $kafka := .root.Values.kafka -}}
- { name: tmp, mountPath: /tmp }
{{- if and .app.kafka $kafka.tls.enabled $kafka.tls.caSecret.name }}
- { name: kafka-ca, mountPath: /etc/nhi/kafka-ca, readOnly: true }
{{- end }}
{{- if and .app.kafka $kafka.tls.enabled $kafka.tls.clientCertSecret.name }}
- { name: kafka-client, mountPath: {{ include "nhi.kafkaClientDir" . }}, readOnly: true }
{{- end }}
{{- if and .app.kafka $kafka.sasl.mechanism }}
- { name: kafka-sasl, mountPath: /etc/nhi/kafka-sasl, readOnly: true }
{{- end }}
{{- if and .app.database .root.Values.postgresql.caSecret.name }}
- { name: postgres-ca, mountPath: /etc/nhi/postgres-ca, readOnly: true }
{{- end }}
{{- end -}}

{{- define "nhi.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
fsGroup: 1000
seccompProfile: { type: RuntimeDefault }
{{- end -}}

{{- define "nhi.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities: { drop: [ALL] }
{{- end -}}
