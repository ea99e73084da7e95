package notice

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Path addresses a value in a notice: a sequence of keys (string) and list
// indexes (int).
type Path []any

// String renders the path as authors read it: purposes[0].legal_basis.
func (p Path) String() string {
	var b strings.Builder
	for _, s := range p {
		switch s := s.(type) {
		case int:
			b.WriteString("[" + strconv.Itoa(s) + "]")
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s)
		}
	}
	return b.String()
}

// Key returns a copy of p extended with more segments.
func (p Path) Key(segs ...any) Path {
	q := make(Path, 0, len(p)+len(segs))
	return append(append(q, p...), segs...)
}

// ParsePointer turns a JSON pointer ("/purposes/0/id") into a Path; segments
// that look like numbers are list indexes only where the node is a list,
// which Pos resolves, so they are kept as ints here.
func ParsePointer(ptr string) Path {
	if ptr == "" || ptr == "/" {
		return Path{}
	}
	var p Path
	for _, s := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
		if i, err := strconv.Atoi(s); err == nil && i >= 0 {
			p = append(p, i)
		} else {
			p = append(p, s)
		}
	}
	return p
}

// Pos returns the line and column of the value at p. For a mapping or list
// value it gives its key's position, which is where a reader looks. When p
// does not exist, it gives the position of the deepest part that does, and
// exact reports false.
func (d *Document) Pos(p Path) (line, col int, exact bool) {
	n := d.Root
	line, col = 1, 1
	if n == nil {
		return line, col, false
	}
	if len(p) == 0 {
		return n.Line, n.Column, true
	}
	for i, seg := range p {
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		var key, val *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			name, ok := seg.(string)
			if !ok {
				name = strconv.Itoa(seg.(int))
			}
			for j := 0; j+1 < len(n.Content); j += 2 {
				if n.Content[j].Value == name {
					key, val = n.Content[j], n.Content[j+1]
					break
				}
			}
		case yaml.SequenceNode:
			idx, ok := seg.(int)
			if ok && idx < len(n.Content) {
				val = n.Content[idx]
			}
		}
		if val == nil {
			return line, col, false
		}
		if key != nil && (val.Kind != yaml.ScalarNode || i < len(p)-1) {
			line, col = key.Line, key.Column
		} else {
			line, col = val.Line, val.Column
		}
		n = val
	}
	return line, col, true
}

// KeyPos returns the position of the key named by the last segment of p,
// or of the value when the last segment is a list index.
func (d *Document) KeyPos(p Path) (line, col int, exact bool) {
	if len(p) == 0 {
		return d.Pos(p)
	}
	if _, ok := p[len(p)-1].(string); !ok {
		return d.Pos(p)
	}
	pl, pc, ok := d.Pos(p[:len(p)-1])
	if !ok {
		return pl, pc, false
	}
	n := d.node(p[:len(p)-1])
	if k := keyNode(n, p[len(p)-1].(string)); k != nil {
		return k.Line, k.Column, true
	}
	return pl, pc, false
}

// Scalar returns the text of the scalar at p as it is written in the
// file: "1.10" where the decoded value is the number 1.1.
func (d *Document) Scalar(p Path) (string, bool) {
	n := d.node(p)
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	return n.Value, true
}

func (d *Document) node(p Path) *yaml.Node {
	n := d.Root
	for _, seg := range p {
		for n != nil && n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if n == nil {
			return nil
		}
		switch n.Kind {
		case yaml.MappingNode:
			name, _ := seg.(string)
			var next *yaml.Node
			for j := 0; j+1 < len(n.Content); j += 2 {
				if n.Content[j].Value == name {
					next = n.Content[j+1]
				}
			}
			n = next
		case yaml.SequenceNode:
			idx, ok := seg.(int)
			if !ok || idx >= len(n.Content) {
				return nil
			}
			n = n.Content[idx]
		default:
			return nil
		}
	}
	return n
}

// Line returns source line n (1-based) without its line ending, for
// showing a finding in context.
func (d *Document) Line(n int) string {
	lines := strings.Split(string(d.Src), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}
