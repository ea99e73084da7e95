package notice

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestInputYAMLError: whatever yaml.v3 says about a file that is not a
// notice, the message keeps the line and never the file's text.
func TestInputYAMLError(t *testing.T) {
	type config struct {
		Title     map[string]string `yaml:"title"`
		Languages []string          `yaml:"languages"`
	}
	for _, tc := range []struct{ src, want string }{
		{"SECRET:$6$x:19000:::\n", "1:1: unknown setting"},
		{"SECRET\n", "1:1: a value of the wrong kind"},
		{"title: SECRET\n", "1:1: a value of the wrong kind"},
		{"title: {nb: x}\nlanguages: {SECRET: 1}\n", "2:1: a value of the wrong kind"},
		{"title: {nb: x}\ntitle: {nb: SECRET}\n", "malformed YAML"},
		{"languages: [\"SECRET\n", "malformed YAML"},
		{"a: *SECRET\n", "malformed YAML"},
		{"title:\n\t- SECRET\n", "malformed YAML"},
		{"title: {nb: x}\n  SECRET: [\n", "2:1: malformed YAML"},
	} {
		var c config
		dec := yaml.NewDecoder(strings.NewReader(tc.src))
		dec.KnownFields(true)
		err := dec.Decode(&c)
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		got := InputYAMLError("personvern.yaml", err, "").Error()
		if strings.Contains(got, "SECRET") || !strings.Contains(got, tc.want) {
			t.Errorf("%q: yaml said %q; got %q, want %q and no text of the file", tc.src, err, got, tc.want)
		}
	}
}

func TestCheckDefaults(t *testing.T) {
	var node yaml.Node
	if err := yaml.Unmarshal([]byte("controller: {name: X}\nroot:$6$SECRET:::\n"), &node); err != nil {
		t.Fatal(err)
	}
	err := CheckDefaults(&Defaults{Path: "d.yaml", Node: node.Content[0]})
	if err == nil || !strings.HasPrefix(err.Error(), "d.yaml:2:1: not a notice field") || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("got %v", err)
	}
	if err := yaml.Unmarshal([]byte("controller: {name: X}\ndpo: {name: Y}\n"), &node); err != nil {
		t.Fatal(err)
	}
	if err := CheckDefaults(&Defaults{Path: "d.yaml", Node: node.Content[0]}); err != nil {
		t.Errorf("real defaults refused: %v", err)
	}
}
