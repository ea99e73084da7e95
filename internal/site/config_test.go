package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A run takes the configuration every one of its notices finds (see
// notice.FindConfig), whichever folder or file is named; files that find
// different ones are refused, since one site has one configuration.
func TestConfigPath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, d := range []string{"notices/sub", "other/own"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"notices/personvern.yaml", "other/own/personvern.yaml"} {
		if err := os.WriteFile(f, []byte("title: {nb: X}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	shared := filepath.Join("notices", "personvern.yaml")
	tests := []struct {
		name  string
		files []string
		want  string
		err   string
	}{
		{"a notice in the folder", []string{"notices/a.yaml"}, shared, ""},
		{"a notice in a sub-folder takes the folder's", []string{"notices/sub/x.yaml"}, shared, ""},
		{"both", []string{"notices/a.yaml", "notices/sub/x.yaml"}, shared, ""},
		{"none applies", []string{"other/b.yaml"}, "", ""},
		{"two configurations", []string{"notices/a.yaml", "other/own/c.yaml"}, "", "one run has one configuration"},
		{"one and none", []string{"other/b.yaml", "notices/a.yaml"}, "", "other/b.yaml takes no personvern.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ConfigPath(tt.files)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ConfigPath(%v): %v, want an error saying %q", tt.files, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ConfigPath(%v) = %q, %v; want %q", tt.files, got, err, tt.want)
			}
		})
	}
}
