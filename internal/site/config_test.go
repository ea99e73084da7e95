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

// The owner is read from personvern.yaml and checked: a name when anything
// is said of it, web addresses that start with https://, a contact that
// is an e-mail address or a web address; a typo in a key is an error.
func TestConfigOwner(t *testing.T) {
	dir := t.TempDir()
	load := func(src string) (*Config, error) {
		t.Helper()
		p := filepath.Join(dir, "personvern.yaml")
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := LoadConfig(p)
		if err != nil {
			return nil, err
		}
		return c, c.Validate([]string{"nb", "nn"})
	}
	c, err := load("owner:\n  name: Eksempel kommune\n  url: https://www.eksempel.kommune.no/\n  contact: postmottak@eksempel.kommune.no\n  accessibility: https://uustatus.no/nb/erklaringer/publisert/0000\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.Owner.Name != "Eksempel kommune" || c.Owner.Accessibility == "" {
		t.Errorf("owner read as %+v", c.Owner)
	}
	if text, href := c.Owner.contactLink(); text != "postmottak@eksempel.kommune.no" || href != "mailto:postmottak@eksempel.kommune.no" {
		t.Errorf("contact %q %q", text, href)
	}
	for src, want := range map[string]string{
		"owner:\n  url: https://www.eksempel.no/\n":                 "owner: name is missing",
		"owner:\n  name: X\n  url: http://www.eksempel.no/\n":       "owner.url: \"http://www.eksempel.no/\" is not a web address",
		"owner:\n  name: X\n  accessibility: javascript:alert(1)\n": "owner.accessibility",
		"owner:\n  name: X\n  contact: ring oss\n":                  "owner.contact: \"ring oss\" is neither an e-mail address nor a web address",
		"owner:\n  name: X\n  kontakt: post@eksempel.no\n":          "3:1: unknown setting",
		"owner:\n  name: X\n  contact: \"a@b.no\\\"><script>\"\n":   "owner.contact",
	} {
		if _, err := load(src); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want an error saying %q", src, err, want)
		}
	}
}
