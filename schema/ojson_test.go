package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// node is a JSON value that keeps the order of an object's keys, so that
// the model test can add a property to the schema and write it back with
// every other line as it was.
type node struct {
	kind  byte // '{', '[', or 0 for a scalar
	keys  []string
	vals  []*node
	items []*node
	raw   json.RawMessage // a scalar, as written
}

func parseNode(b []byte) (*node, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	n, err := decodeNode(d)
	if err != nil {
		return nil, err
	}
	if d.More() {
		return nil, fmt.Errorf("trailing data after the schema")
	}
	return n, nil
}

func decodeNode(d *json.Decoder) (*node, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &node{kind: '{'}
			for d.More() {
				k, err := d.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeNode(d)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k.(string))
				n.vals = append(n.vals, v)
			}
			_, err := d.Token()
			return n, err
		case '[':
			n := &node{kind: '['}
			for d.More() {
				v, err := decodeNode(d)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
			_, err := d.Token()
			return n, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	default:
		raw, err := marshal(t)
		return &node{raw: raw}, err
	}
}

// marshal writes a scalar as the schema file does: UTF-8 as is, and <, >
// and & not escaped.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func (n *node) get(k string) *node {
	for i, key := range n.keys {
		if key == k {
			return n.vals[i]
		}
	}
	return nil
}

func (n *node) set(k string, v *node) {
	for i, key := range n.keys {
		if key == k {
			n.vals[i] = v
			return
		}
	}
	n.keys = append(n.keys, k)
	n.vals = append(n.vals, v)
}

func scalar(v any) *node {
	raw, err := marshal(v)
	if err != nil {
		panic(err)
	}
	return &node{raw: raw}
}

func object(kv ...any) *node {
	n := &node{kind: '{'}
	for i := 0; i+1 < len(kv); i += 2 {
		v, ok := kv[i+1].(*node)
		if !ok {
			v = scalar(kv[i+1])
		}
		n.set(kv[i].(string), v)
	}
	return n
}

// write writes n indented by two spaces a level, as the file is.
func (n *node) write(b *strings.Builder, indent string) {
	in := indent + "  "
	switch n.kind {
	case '{':
		if len(n.keys) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, k := range n.keys {
			key, _ := marshal(k)
			b.WriteString(in)
			b.Write(key)
			b.WriteString(": ")
			n.vals[i].write(b, in)
			if i < len(n.keys)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(indent + "}")
	case '[':
		if len(n.items) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, v := range n.items {
			b.WriteString(in)
			v.write(b, in)
			if i < len(n.items)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(indent + "]")
	default:
		b.Write(n.raw)
	}
}

func (n *node) String() string {
	var b strings.Builder
	n.write(&b, "")
	b.WriteString("\n")
	return b.String()
}
