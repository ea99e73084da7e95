package site

import (
	"os"
	"path/filepath"
	"testing"
)

// Every command finds the configuration the same way, also for a notice
// named alone, so that it takes the defaults a build of its folder gives.
func TestConfigPath(t *testing.T) {
	dir := t.TempDir()
	notices := filepath.Join(dir, "notices")
	other := filepath.Join(dir, "other")
	for _, d := range []string{notices, other} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(notices, "a.yaml")
	if err := os.WriteFile(file, []byte("id: a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		paths []string
		want  string
	}{
		{"a folder", []string{notices}, filepath.Join(notices, "personvern.yaml")},
		{"a file alone", []string{file}, filepath.Join(notices, "personvern.yaml")},
		{"a folder named after a file wins", []string{file, other}, filepath.Join(other, "personvern.yaml")},
		{"nothing that exists", []string{filepath.Join(dir, "missing.yaml")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ConfigPath(tt.paths); got != tt.want {
				t.Errorf("ConfigPath(%v) = %q, want %q", tt.paths, got, tt.want)
			}
		})
	}
}
