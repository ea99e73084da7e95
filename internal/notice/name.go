package notice

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Name is the name of an organisation or a person: written once, the same
// in every language (name: NAV), or per language where the institution
// has an official form in each (name: {nb: Hallingdal barneverntjeneste,
// nn: Hallingdal barnevernteneste}). Written once, it is kept under the
// key "" and stays a plain string in JSON.
type Name map[string]string

// PlainName is a Name written once.
func PlainName(s string) Name {
	if s == "" {
		return nil
	}
	return Name{"": s}
}

// In is the name in lang: its own form, else the one written once, else
// "" (a name per language lacks lang only in a notice that has findings).
func (n Name) In(lang string) string {
	if v, ok := n[lang]; ok {
		return v
	}
	return n[""]
}

// IsZero reports a name not given.
func (n Name) IsZero() bool { return len(n) == 0 }

// Key is one string for the whole name, every language in a fixed order,
// for comparing and matching names.
func (n Name) Key() string {
	if v, ok := n[""]; ok && len(n) == 1 {
		return v
	}
	langs := make([]string, 0, len(n))
	for l := range n {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	parts := make([]string, len(langs))
	for i, l := range langs {
		parts[i] = l + "=" + n[l]
	}
	return strings.Join(parts, "\x00")
}

// UnmarshalYAML takes a string or a mapping of language codes.
func (n *Name) UnmarshalYAML(node *yaml.Node) error {
	switch node.Kind {
	case yaml.ScalarNode:
		var s string
		if err := node.Decode(&s); err != nil {
			return err
		}
		*n = PlainName(s)
		return nil
	case yaml.MappingNode:
		var m map[string]string
		if err := node.Decode(&m); err != nil {
			return err
		}
		*n = Name(m)
		return nil
	}
	return fmt.Errorf("line %d: a name is a text, or a text per language ({nb: …, nn: …})", node.Line)
}

// MarshalJSON writes a name given once as a string, else as an object.
func (n Name) MarshalJSON() ([]byte, error) {
	if v, ok := n[""]; ok && len(n) == 1 {
		return json.Marshal(v)
	}
	return json.Marshal(map[string]string(n))
}

// UnmarshalJSON reads what MarshalJSON writes.
func (n *Name) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*n = PlainName(s)
		return nil
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*n = Name(m)
	return nil
}
