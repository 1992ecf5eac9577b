{{/*
Only the template subset of tools/deploy-check (its README, "Template subset") may be used in this chart:
CI renders it with that renderer, not with helm.
*/}}

{{- define "zmp-manual.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "zmp-manual.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | quote }}
app.kubernetes.io/name: {{ .Chart.Name | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
{{- end -}}

{{- define "zmp-manual.apiSelector" -}}
app.kubernetes.io/name: {{ .Chart.Name | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/component: api
{{- end -}}

{{- define "zmp-manual.workerSelector" -}}
app.kubernetes.io/name: {{ .Chart.Name | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/component: worker
{{- end -}}

{{- define "zmp-manual.secretName" -}}
{{- if .Values.secrets.existingSecret -}}
{{- .Values.secrets.existingSecret -}}
{{- else -}}
{{- include "zmp-manual.fullname" . -}}
{{- end -}}
{{- end -}}

{{/* SOLUTIONS from the solutions list: "zcp,apim". */}}
{{- define "zmp-manual.solutionIds" -}}
{{- $ids := "" -}}
{{- range .Values.solutions -}}
{{- if $ids -}}{{- $ids = printf "%s,%s" $ids .id -}}{{- else -}}{{- $ids = .id -}}{{- end -}}
{{- end -}}
{{- $ids -}}
{{- end -}}

{{/* The environment prefix of a solution id, as loadSettings derives it: my-docs -> MY_DOCS. */}}
{{- define "zmp-manual.solutionEnv" -}}
{{- . | upper | replace "-" "_" -}}
{{- end -}}

{{/* envFrom of both apps: the shared ConfigMap, the app's own, and the Secret. */}}
{{- define "zmp-manual.envFrom" -}}
- configMapRef:
    name: {{ printf "%s-shared" (include "zmp-manual.fullname" .root) }}
- configMapRef:
    name: {{ printf "%s-%s" (include "zmp-manual.fullname" .root) .component }}
- secretRef:
    name: {{ include "zmp-manual.secretName" .root }}
{{- end -}}

{{- define "zmp-manual.image" -}}
{{- printf "%s:%s" .image.repository (.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}
