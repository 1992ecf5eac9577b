import { TemplateSet } from './render-template';

function render(source: string, dot: unknown, extra: Record<string, string> = {}): string {
  const set = new TemplateSet();
  for (const [name, text] of Object.entries(extra)) set.add(name, text);
  set.add('main', source);
  return set.render('main', dot);
}

describe('the Go-template subset', () => {
  it('prints fields and trims white space around {{- and -}}', () => {
    expect(render('a: {{ .Values.a }}\n  {{- /* gone */}}\nb:   {{- " x" }}', { Values: { a: 1 } })).toBe('a: 1\nb: x');
    expect(render('[{{ .missing }}]', {})).toBe('[]');
  });

  it('fails on a field of a missing map, as helm does', () => {
    expect(() => render('{{ .Values.a.b }}', { Values: {} })).toThrow('main:1: nil pointer evaluating .b');
  });

  it('runs if / else if / else, with and range (maps in key order, with $k, $v)', () => {
    const source =
      '{{ if eq .n 1 }}one{{ else if eq .n 2 }}two{{ else }}many{{ end }}|{{ with .m }}{{ .x }}{{ else }}none{{ end }}|' +
      '{{ range $k, $v := .map }}{{ $k }}={{ $v }};{{ end }}|{{ range .list }}<{{ . }}>{{ else }}empty{{ end }}';
    expect(render(source, { n: 2, m: { x: 'X' }, map: { b: 2, a: 1 }, list: [1, 2] })).toBe('two|X|a=1;b=2;|<1><2>');
    expect(render(source, { n: 3, m: {}, map: {}, list: [] })).toBe('many|none||empty');
  });

  it('assigns an outer variable from inside a range', () => {
    expect(render('{{ $s := "" }}{{ range .ids }}{{ $s = printf "%s,%s" $s . }}{{ end }}{{ $s }}', { ids: ['a', 'b'] })).toBe(',a,b');
  });

  it('pipes into the last argument and evaluates sub-expressions', () => {
    expect(render('{{ .v | default "d" | quote }} {{ printf "%s-%d" (upper .s) 7 }}', { v: '', s: 'x' })).toBe('"d" X-7');
    expect(render('{{ "a" | b64enc }} {{ div (int "60000") 1000 | add 10 }}', {})).toBe('YQ== 70');
  });

  it('includes defined templates and indents YAML', () => {
    const helpers = { helpers: '{{- define "labels" -}}\napp: {{ .name }}\nlist: {{ toYaml .list | nindent 2 }}\n{{- end -}}' };
    expect(render('labels:\n  {{- include "labels" . | nindent 2 }}', { name: 'z', list: ['a', 'b'] }, helpers)).toBe(
      'labels:\n  app: z\n  list: \n    - a\n    - b',
    );
  });

  it('refuses what is outside the subset, with the template and line', () => {
    expect(() => render('\n{{ lookup "v1" "Secret" "ns" "x" }}', {})).toThrow('main:2: function "lookup" is not in the supported subset');
    expect(() => render('{{ template "x" . }}', {})).toThrow('outside the supported subset');
    expect(() => render('{{ if .a }}x', {})).toThrow('main:1: missing {{ end }} of the if');
    expect(() => render('{{ fail "no way" }}', {})).toThrow('main:1: no way');
    expect(() => render('{{ required "need x" .x }}', {})).toThrow('need x');
  });
});
