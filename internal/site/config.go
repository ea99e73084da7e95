// Package site builds the static privacy site: every notice in every
// language and format, an index per language, a root page, a stylesheet
// and a sitemap, written atomically.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"gopkg.in/yaml.v3"
)

// Config is the site configuration: the personvern.yaml that applies to
// the notices (see ConfigPath). Every setting also has a flag on
// personvern build.
type Config struct {
	// Title of the site per language; shown on the index pages.
	Title map[string]string `yaml:"title"`
	// BaseURL is the public address of the site, for the sitemap and
	// absolute hreflang links; empty means relative links and no sitemap.
	BaseURL string `yaml:"base_url"`
	// Languages to publish, in order; default all the catalogues have.
	Languages []string `yaml:"languages"`
	// Owner is whose site it is: named in a bar above every page and in
	// its footer, with a contact and the accessibility statement that
	// forskrift om universell utforming asks for.
	Owner Owner `yaml:"owner"`
	// Defaults are notice fields every notice takes unless it sets them.
	Defaults *notice.Defaults `yaml:"-"`
}

// Owner is the organisation that publishes the site.
type Owner struct {
	Name string `yaml:"name"`
	// URL is the owner's own site (https).
	URL string `yaml:"url"`
	// Contact is an e-mail address or a contact page (https).
	Contact string `yaml:"contact"`
	// Accessibility is the address of the site's accessibility statement,
	// e.g. its page on uustatus.no (https).
	Accessibility string `yaml:"accessibility"`
}

type rawConfig struct {
	Title     map[string]string `yaml:"title"`
	BaseURL   string            `yaml:"base_url"`
	Languages []string          `yaml:"languages"`
	Owner     Owner             `yaml:"owner"`
	Defaults  yaml.Node         `yaml:"defaults"` // see notice.ConfigDefaults
}

// LoadConfig reads a site configuration. A missing file is no error: it
// returns an empty Config. The file is read like every input (see
// notice.ReadInput): a regular file of bounded size, inside the folder it
// is in, and its errors never quote it.
func LoadConfig(path string) (*Config, error) {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return &Config{}, nil
	}
	src, err := notice.ReadInput(path, "")
	if err != nil {
		return nil, err
	}
	var raw rawConfig
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true) // a typo in a setting is an error, not a silent default
	if err := dec.Decode(&raw); err != nil && err != io.EOF {
		return nil, notice.InputYAMLError(path, err, "the settings are title, base_url, languages, owner (name, url, contact, accessibility) and defaults")
	}
	c := &Config{Title: raw.Title, BaseURL: raw.BaseURL, Languages: raw.Languages, Owner: raw.Owner}
	// The defaults as every command reads them, build or not.
	if c.Defaults, err = notice.ConfigDefaults(path, src); err != nil {
		return nil, err
	}
	if c.BaseURL != "" && !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	return c, nil
}

// Loader loads notices with the configuration's defaults, as every
// command does (see ConfigPath for which configuration applies).
func (c *Config) Loader() notice.Loader { return notice.Loader{Defaults: c.Defaults} }

// ConfigPath returns the configuration of a run over the notice files:
// the one notice.FindConfig finds for each of them, so that a notice takes
// the same defaults whichever folder, or the file alone, is named to
// validate, render, diff, build or serve. One run builds one site with one
// configuration: files that find different ones are refused, naming two
// of them. "" when none applies.
func ConfigPath(files []string) (string, error) {
	found := ""
	first := ""
	byDir := map[string]string{}
	for i, f := range files {
		dir := filepath.Dir(f)
		cfg, ok := byDir[dir]
		if !ok {
			cfg = notice.FindConfig(f)
			byDir[dir] = cfg
		}
		if i == 0 {
			found, first = cfg, f
			continue
		}
		if cfg != found {
			return "", fmt.Errorf("%s takes %s and %s takes %s, but one run has one configuration; name them in runs of their own, or give one with --config", first, configName(found), f, configName(cfg))
		}
	}
	return found, nil
}

// configName words a configuration found, or none, in a refusal.
func configName(p string) string {
	if p == "" {
		return "no " + notice.ConfigName
	}
	return "the configuration " + p
}

// Validate checks the settings themselves.
func (c *Config) Validate(available []string) error {
	for _, l := range c.Languages {
		if !i18n.IsLanguageCode(l) {
			return fmt.Errorf("language %q is not a language code (two or three lower-case letters, e.g. nb or nn)", l)
		}
		found := false
		for _, a := range available {
			found = found || a == l
		}
		if !found {
			return fmt.Errorf("language %q has no message catalogue; use %s", l, strings.Join(available, ", "))
		}
	}
	if c.BaseURL != "" && !strings.HasPrefix(c.BaseURL, "https://") && !strings.HasPrefix(c.BaseURL, "http://") {
		return fmt.Errorf("base URL %q must start with https://", c.BaseURL)
	}
	return c.Owner.validate()
}

// validate checks the owner: a name when anything is said of it, and
// addresses a reader can follow.
func (o Owner) validate() error {
	if o == (Owner{}) {
		return nil
	}
	if strings.TrimSpace(o.Name) == "" {
		return errors.New("owner: name is missing; write the name of the organisation whose site it is (owner.name)")
	}
	for _, u := range []struct{ key, val string }{{"owner.url", o.URL}, {"owner.accessibility", o.Accessibility}} {
		if u.val != "" && !webAddress(u.val) {
			return fmt.Errorf("%s: %q is not a web address; write one that starts with https://", u.key, u.val)
		}
	}
	if o.Contact != "" && !webAddress(o.Contact) && !emailAddress(o.Contact) {
		return fmt.Errorf("owner.contact: %q is neither an e-mail address nor a web address (https://…)", o.Contact)
	}
	return nil
}

func webAddress(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	return ok && rest != "" && !strings.ContainsAny(rest, " \t\n\"<>") && !strings.HasPrefix(rest, "/")
}

func emailAddress(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(s, " \t\n\"<>:/") && !strings.Contains(domain, "@")
}

// contactLink is the owner's contact as shown and as linked.
func (o Owner) contactLink() (text, href string) {
	switch {
	case o.Contact == "":
		return "", ""
	case emailAddress(o.Contact):
		return o.Contact, "mailto:" + o.Contact
	}
	return strings.TrimSuffix(strings.TrimPrefix(o.Contact, "https://"), "/"), o.Contact
}
