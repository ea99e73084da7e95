package notice

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// Loader is the one way a notice is loaded, by every command: validate,
// render, build, serve, diff and the version history. Each applies the
// same shared defaults, so that they all see the same notice; a command
// that skipped them would fail what build publishes, or show a change in
// a field nobody edited.
type Loader struct {
	// Defaults are filled in for each top-level key a notice lacks;
	// findings in them point at Defaults.Path (see Document.Origin).
	Defaults *Defaults
	// Limits bound what is read and parsed; the zero value is every
	// command's. (The configuration, templates and catalogues are read
	// before there is a Loader, with ReadInput's own bound.)
	Limits Limits
}

// Load reads (see Read) and parses the notice in path.
func (l Loader) Load(path string) (*Document, error) {
	src, err := l.Read(path)
	if err != nil {
		return nil, err
	}
	return l.Parse(path, src)
}

// Read reads the notice file path without parsing it, refusing what is
// not a regular file or is larger than the limits allow, unread.
func (l Loader) Read(path string) ([]byte, error) {
	return readBounded(path, path, msg("name a .yaml notice file"), l.Limits.File())
}

// Parse parses a notice read elsewhere (a git blob, say); path is used in
// messages only.
func (l Loader) Parse(path string, src []byte) (*Document, error) {
	return parse(path, src, l.Defaults, l.Limits)
}

// ConfigDefaults returns the defaults: of a site configuration (path, in
// messages) read as src, or nil when it has none. The rest of the
// configuration is the site's (see site.LoadConfig); this is the part
// every notice in its folder takes, also where no site is built: a git
// blob of personvern.yaml for diff REV:PATH.
func ConfigDefaults(path string, src []byte) (*Defaults, error) {
	var raw struct {
		Defaults yaml.Node `yaml:"defaults"`
	}
	if err := yaml.NewDecoder(bytes.NewReader(src)).Decode(&raw); err != nil && err != io.EOF {
		return nil, InputYAMLError(path, err, "")
	}
	if raw.Defaults.Kind == 0 {
		return nil, nil
	}
	if raw.Defaults.Kind != yaml.MappingNode {
		return nil, errAt(path, raw.Defaults.Line, raw.Defaults.Column, "defaults must be a mapping of notice fields, e.g. controller: and dpo:")
	}
	d := &Defaults{Path: path, Node: &raw.Defaults, Src: src}
	if err := CheckDefaults(d); err != nil {
		return nil, err
	}
	return d, nil
}

// LoadDefaults reads a file of defaults alone (build --defaults FILE): a
// mapping of notice fields, read like every input (see ReadInput).
func LoadDefaults(path string) (*Defaults, error) {
	src, err := ReadInput(path, "")
	if err != nil {
		return nil, err
	}
	var node yaml.Node
	if err := yaml.Unmarshal(src, &node); err != nil {
		return nil, InputYAMLError(path, err, "write a mapping of notice fields, e.g. controller: and dpo:")
	}
	if len(node.Content) == 0 || node.Content[0].Kind != yaml.MappingNode {
		return nil, errAt(path, 0, 0, "not a YAML mapping of notice fields")
	}
	d := &Defaults{Path: path, Node: node.Content[0], Src: src}
	if err := CheckDefaults(d); err != nil {
		return nil, err
	}
	return d, nil
}

// Fingerprint identifies the defaults for a cache: what they say and where
// (a finding in a default points into their file, so positions count).
// Empty for none.
func (d *Defaults) Fingerprint() string {
	if d == nil || d.Node == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(d.Path + "\n")
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		fmt.Fprintf(&b, "%d %d:%d %s %q\n", n.Kind, n.Line, n.Column, n.Tag, n.Value)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(d.Node)
	return b.String()
}
