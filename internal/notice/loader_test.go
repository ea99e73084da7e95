package notice

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoaderDefaults(t *testing.T) {
	cfg := "defaults:\n  controller: {name: Felles AS, kind: private}\n  dpo: {name: Ombudet}\n"
	def, err := ConfigDefaults("notices/personvern.yaml", []byte(cfg))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src      string
		controller     string
		dpo            string
		fromDefaults   []string // top-level keys whose Origin is the config
		notFromDefault []string
	}{
		{"both from defaults", "id: a\n", "Felles AS", "Ombudet", []string{"controller", "dpo"}, []string{"id"}},
		{"own controller wins", "id: a\ncontroller: {name: Egen AS}\n", "Egen AS", "Ombudet", []string{"dpo"}, []string{"controller"}},
		// The whole key is taken or not: a partial controller is not
		// merged with the default one, which would mix two bodies' details.
		{"own dpo wins whole", "id: a\ndpo: {email: x@example.no}\n", "Felles AS", "", []string{"controller"}, []string{"dpo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Loader{Defaults: def}.Parse("notices/a.yaml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Notice.Controller.Name.In("nb"); got != tt.controller {
				t.Errorf("controller %q, want %q", got, tt.controller)
			}
			got := ""
			if d.Notice.DPO != nil {
				got = d.Notice.DPO.Name
			}
			if got != tt.dpo {
				t.Errorf("dpo %q, want %q", got, tt.dpo)
			}
			for _, k := range tt.fromDefaults {
				if d.Origin[k] != "notices/personvern.yaml" {
					t.Errorf("Origin[%s] = %q, want the config", k, d.Origin[k])
				}
			}
			for _, k := range tt.notFromDefault {
				if d.Origin[k] != "" {
					t.Errorf("Origin[%s] = %q, want the notice itself", k, d.Origin[k])
				}
			}
			// Positions of a default point into the config, line 2.
			if d.Origin["controller"] != "" {
				if line, _, ok := d.Pos(Path{"controller"}); !ok || line != 2 {
					t.Errorf("controller at line %d (found: %v) of the config, want 2", line, ok)
				}
			}
		})
	}
	// The same loader, again: the defaults are not used up or changed.
	d, err := Loader{Defaults: def}.Parse("notices/b.yaml", []byte("id: b\n"))
	if err != nil || d.Notice.Controller.Name.In("nb") != "Felles AS" {
		t.Fatalf("second parse: %v, %+v", err, d)
	}
}

func TestConfigDefaults(t *testing.T) {
	tests := []struct {
		name, src string
		none      bool
		err       string
	}{
		{"none", "title: {nb: Personvern}\n", true, ""},
		{"empty file", "", true, ""},
		{"not a mapping", "defaults: [controller]\n", false, "personvern.yaml:1:11: defaults must be a mapping"},
		{"unknown field", "defaults:\n  controler: {}\n", false, "personvern.yaml:2:3: not a notice field"},
		{"malformed", "defaults: [\n", false, "personvern.yaml:2:1: malformed YAML"},
		{"ok", "defaults:\n  complaint: datatilsynet\n", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ConfigDefaults("personvern.yaml", []byte(tt.src))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (d == nil) != tt.none {
				t.Fatalf("defaults %v, want none: %v", d, tt.none)
			}
		})
	}
}

// Load reads through ReadFile, so the checks every input gets apply.
func TestLoaderLoadChecksTheFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("id: a\n"+strings.Repeat("#", MaxFileSize)), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		big: "larger than",
		dir: "not a regular file",
	} {
		if _, err := (Loader{}).Load(name); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Load(%s): %v, want %q", name, err, want)
		}
	}
}

func TestDefaultsFingerprint(t *testing.T) {
	a, _ := ConfigDefaults("p.yaml", []byte("defaults:\n  complaint: datatilsynet\n"))
	moved, _ := ConfigDefaults("p.yaml", []byte("\ndefaults:\n  complaint: datatilsynet\n"))
	other, _ := ConfigDefaults("q.yaml", []byte("defaults:\n  complaint: datatilsynet\n"))
	var none *Defaults
	if none.Fingerprint() != "" {
		t.Error("no defaults have a fingerprint")
	}
	fp := a.Fingerprint()
	if fp == "" || fp == moved.Fingerprint() || fp == other.Fingerprint() {
		t.Errorf("a fingerprint must change with the position and the file:\n%s", fp)
	}
}

func TestLoadDefaults(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ file, src, err string }{
		{"list.yaml", "- controller\n", "list.yaml: not a YAML mapping of notice fields"},
		{"empty.yaml", "", "empty.yaml: not a YAML mapping of notice fields"},
		{"unknown.yaml", "complaint: datatilsynet\ncontroler: {}\n", "unknown.yaml:2:1: not a notice field"},
		{"ok.yaml", "complaint: datatilsynet\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := filepath.Join(dir, tt.file)
			if err := os.WriteFile(p, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := LoadDefaults(p)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || d.Path != p || string(d.Src) != tt.src {
				t.Fatalf("%+v, %v", d, err)
			}
		})
	}
}

// TestLoaderLimits: a Loader's limits bound what it reads and parses;
// the zero Limits are the defaults every command has.
func TestLoaderLimits(t *testing.T) {
	if (Limits{}).File() != MaxFileSize {
		t.Errorf("zero limits: a file of %d bytes, want %d", (Limits{}).File(), MaxFileSize)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "a.yaml")
	src := []byte("id: a\ntitle: {nb: A}\nlist: [[[1]]]\n")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := (Loader{}).Load(file); err != nil {
		t.Fatalf("the default limits: %v", err)
	}
	for _, tt := range []struct {
		lim  Limits
		want string
	}{
		{Limits{FileSize: 10}, "larger than 10 bytes"},
		{Limits{Nodes: 3}, "more than 3 values"},
		{Limits{Depth: 2}, "deeper than 2 levels"},
	} {
		_, err := Loader{Limits: tt.lim}.Load(file)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: %v, want %q", tt.lim, err, tt.want)
		}
	}
	if _, err := (Loader{Limits: Limits{FileSize: 10}}).Parse(file, src); err == nil || !strings.Contains(err.Error(), "larger than 10 bytes") {
		t.Errorf("Parse of a source over the limit: %v", err)
	}
}
