package notice

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxFileSize is the largest notice file Load accepts. Real notices are a
// few kilobytes; the limit keeps a runaway or hostile file from exhausting
// memory in CI.
const MaxFileSize = 1 << 20

// maxNodes bounds the YAML nodes visited, so that alias expansion
// ("billion laughs") cannot blow up the JSON view.
const maxNodes = 200_000

// Limits bound what a Loader reads and parses, so that a runaway or
// hostile file cannot exhaust memory in CI. A zero field is the default:
// the zero Limits are the limits every command has.
type Limits struct {
	FileSize int // bytes of a notice; default MaxFileSize
	Nodes    int // YAML values visited, aliases expanded; default 200 000
	Depth    int // levels of nesting; default 100
}

// File returns the largest notice, in bytes, the limits accept.
func (l Limits) File() int { return or(l.FileSize, MaxFileSize) }

func or(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// Document is a loaded notice file: its source, the YAML node tree with
// positions, a JSON-compatible view for schema validation, and the notice
// decoded into structs.
type Document struct {
	Path   string
	Src    []byte
	Root   *yaml.Node // the top-level mapping
	Value  any        // JSON view: map[string]any, []any, string, float64, bool, nil
	Notice Notice
	// DecodeErr holds type errors from decoding into Notice; the schema
	// reports the same problems with positions, so it is informational.
	DecodeErr error
	// Origin names the file a top-level key came from when it was filled
	// in from shared defaults (personvern.yaml), so findings in it point
	// at the file where it is written.
	Origin map[string]string
}

// Defaults are notice fields shared by many notices (a site's controller
// and DPO, say), taken by every notice that does not set them itself.
type Defaults struct {
	Path string     // the file they are written in
	Node *yaml.Node // a mapping of top-level notice keys
	Src  []byte     // the file, for showing a finding in it in context
}

// Error is a load failure with a position, printed like a compiler error.
type Error struct {
	Path      string
	Line, Col int
	Msg       string
	Text      Msg   // Msg as its English format and arguments, for translation
	Err       error // the cause, when it is an I/O error (os.ErrNotExist, say)
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// LoadFile reads and parses one notice file without defaults: Loader{}.Load.
func LoadFile(path string) (*Document, error) { return Loader{}.Load(path) }

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse parses a notice from src without defaults: Loader{}.Parse; path is
// used in messages only. Commands load through a Loader with the
// configuration's defaults instead (see Loader).
func Parse(path string, src []byte) (*Document, error) { return Loader{}.Parse(path, src) }

// parse parses a notice and fills in each top-level key it lacks from def.
func parse(path string, src []byte, def *Defaults, lim Limits) (*Document, error) {
	if len(src) > lim.File() {
		return nil, tooLarge(path, lim.File())
	}
	if !utf8.Valid(src) {
		line, col := invalidUTF8Pos(src)
		return nil, errAt(path, line, col, "file is not valid UTF-8; save it as UTF-8")
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, errAt(path, 1, 1, "file is empty; start from `personvern new ID`")
	}
	// A Decoder, not yaml.Unmarshal: Unmarshal reads the first document and
	// silently ignores whatever follows it, even garbage (found by fuzzing).
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return nil, errAt(path, 1, 1, "file holds no notice, only comments; start from `personvern new ID`")
	} else if err != nil {
		return nil, yamlError(path, src, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, errAt(path, extra.Line, extra.Column, "file holds more than one YAML document; put one notice in each file")
	} else if err != io.EOF {
		e := yamlError(path, src, err)
		return nil, errAt(path, e.Line, e.Col, "text after the end of the notice (%s); remove it or fix the indentation", e.Text)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, errAt(path, 1, 1, "file holds no notice")
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, errAt(path, root.Line, root.Column, "a notice must be a mapping of keys (id:, title:, ...), not %s", kindName(root))
	}
	origin := map[string]string{}
	if def != nil && def.Node != nil && def.Node.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(def.Node.Content); i += 2 {
			k := def.Node.Content[i]
			if keyNode(root, k.Value) == nil {
				root.Content = append(root.Content, k, def.Node.Content[i+1])
				origin[k.Value] = def.Path
			}
		}
	}
	c := converter{path: path, maxNodes: or(lim.Nodes, maxNodes), maxDepth: or(lim.Depth, maxDepth)}
	val, err := c.value(root, 0)
	if err != nil {
		return nil, err
	}
	d := &Document{Path: path, Src: src, Root: root, Value: val, Origin: origin}
	if err := root.Decode(&d.Notice); err != nil {
		d.DecodeErr = err
	}
	return d, nil
}

func yamlError(path string, src []byte, err error) *Error {
	text := err.Error()
	if m := yamlLineRE.FindStringSubmatch(text); m != nil {
		line, _ := strconv.Atoi(m[1])
		// yaml.v3 counts lines from 0 in parser errors (all worded "did not
		// find expected ...") and from 1 in scanner errors.
		if strings.HasPrefix(m[2], "did not find expected") {
			line++
		}
		t := yamlProblem(m[2], lineOf(src, line))
		return &Error{Path: path, Line: line, Col: 1, Msg: t.String(), Text: t}
	}
	// Without a line, yaml.v3 means the first line: it omits "line 0".
	t := yamlProblem(strings.TrimPrefix(text, "yaml: "), lineOf(src, 1))
	return &Error{Path: path, Line: 1, Col: 1, Msg: t.String(), Text: t}
}

func invalidUTF8Pos(src []byte) (line, col int) {
	line, col = 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return line, col
}

func kindName(n *yaml.Node) Msg {
	switch n.Kind {
	case yaml.SequenceNode:
		return msg("a list")
	case yaml.ScalarNode:
		return msg("a single value")
	case yaml.AliasNode:
		return msg("an alias")
	}
	return msg("this")
}

// converter turns YAML nodes into the JSON data model the schema validates.
// It keeps scalars' source text for timestamps so that `updated: 2024-05-01`
// stays the string the author wrote.
type converter struct {
	path               string
	nodes              int
	maxNodes, maxDepth int
}

const maxDepth = 100

func (c *converter) value(n *yaml.Node, depth int) (any, error) {
	c.nodes++
	if c.nodes > c.maxNodes {
		return nil, errAt(c.path, n.Line, n.Column, "document expands to more than %d values (aliases?); a notice needs far fewer", c.maxNodes)
	}
	if depth > c.maxDepth {
		return nil, errAt(c.path, n.Line, n.Column, "nesting deeper than %d levels; a notice is at most a few levels deep", c.maxDepth)
	}
	switch n.Kind {
	case yaml.AliasNode:
		return c.value(n.Alias, depth+1)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, errAt(c.path, k.Line, k.Column, "a key must be a plain word, not a list or mapping")
			}
			if k.Tag == "!!merge" {
				return nil, errAt(c.path, k.Line, k.Column, "merge keys (<<) are not supported; write the keys out")
			}
			if _, dup := m[k.Value]; dup {
				first := keyNode(n, k.Value)
				return nil, errAt(c.path, k.Line, k.Column, "key %q appears twice in this mapping (first at line %d); remove one", k.Value, first.Line)
			}
			cv, err := c.value(v, depth+1)
			if err != nil {
				return nil, err
			}
			m[k.Value] = cv
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			cv, err := c.value(e, depth+1)
			if err != nil {
				return nil, err
			}
			s = append(s, cv)
		}
		return s, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				return n.Value, nil
			}
			return b, nil
		case "!!int", "!!float":
			var f float64
			if err := n.Decode(&f); err != nil {
				return n.Value, nil
			}
			return f, nil
		default:
			return n.Value, nil
		}
	}
	return nil, errAt(c.path, n.Line, n.Column, "unsupported YAML node")
}

// keyNode returns the key node named key in mapping m, or nil.
func keyNode(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}
