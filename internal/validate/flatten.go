package validate

import (
	"bytes"
	"reflect"

	"github.com/personvern/personvern/schema"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// compile compiles the embedded schema; with flat, every schema that is
// only a $ref, where a property, an item or additional properties are
// checked against it, is replaced by the schema it refers to.
//
// The library checks a value against a $ref as against a schema of its
// own: one more call, with the maps it keeps of each object's properties
// made again, for most values of a notice (the schema has about a
// hundred $refs). The findings are the same (the $ref only wraps the
// errors under it, and walk passes through it); TestFlatSchemaSameFindings
// compares them on every field of the examples made wrong in many ways.
// A $ref among anyOf or oneOf branches is kept, as walk reads those
// branches' keywords.
func compile(flat bool) (*jsonschema.Schema, error) {
	return compileSchema(schema.URL, schema.JSON, flat)
}

func compileSchema(url string, src []byte, flat bool) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(url, bytes.NewReader(src)); err != nil {
		return nil, err
	}
	s, err := c.Compile(url)
	if err != nil || !flat {
		return s, err
	}
	// A schema with no keyword, compiled the same way (a schema inside a
	// document, as the properties are): what a pure $ref is once its $ref
	// and annotations are set aside.
	const empty = "personvern:empty"
	if err := c.AddResource(empty, bytes.NewReader([]byte(`{"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {"none": {}}}`))); err != nil {
		return nil, err
	}
	base, err := c.Compile(empty + "#/$defs/none")
	if err != nil {
		return nil, err
	}
	f := flattener{base: bare(base), seen: map[*jsonschema.Schema]bool{}}
	f.visit(s)
	return s, nil
}

type flattener struct {
	base jsonschema.Schema
	seen map[*jsonschema.Schema]bool
}

// bare is s without its location, $ref and annotations.
func bare(s *jsonschema.Schema) jsonschema.Schema {
	b := *s
	b.Location, b.Ref = "", nil
	b.Title, b.Description, b.Comment = "", "", ""
	b.Default, b.Examples = nil, nil
	b.ReadOnly, b.WriteOnly, b.Deprecated = false, false, false
	return b
}

// target is what s checks a value against: the schema its $refs lead to
// when s is only a $ref, else s.
func (f *flattener) target(s *jsonschema.Schema) *jsonschema.Schema {
	for i := 0; s != nil && s.Ref != nil && i < 16; i++ {
		if b := bare(s); !reflect.DeepEqual(b, f.base) {
			break
		}
		s = s.Ref
	}
	return s
}

func (f *flattener) visit(s *jsonschema.Schema) {
	if s == nil || f.seen[s] {
		return
	}
	f.seen[s] = true
	for name, p := range s.Properties {
		s.Properties[name] = f.target(p)
	}
	for re, p := range s.PatternProperties {
		s.PatternProperties[re] = f.target(p)
	}
	if p, ok := s.AdditionalProperties.(*jsonschema.Schema); ok {
		s.AdditionalProperties = f.target(p)
	}
	s.Items2020 = f.target(s.Items2020)
	for i, p := range s.PrefixItems {
		s.PrefixItems[i] = f.target(p)
	}
	// Then everything under s, also what is kept.
	for _, p := range s.Properties {
		f.visit(p)
	}
	for _, p := range s.PatternProperties {
		f.visit(p)
	}
	if p, ok := s.AdditionalProperties.(*jsonschema.Schema); ok {
		f.visit(p)
	}
	f.visit(s.Items2020)
	for _, list := range [][]*jsonschema.Schema{s.PrefixItems, s.AllOf, s.AnyOf, s.OneOf} {
		for _, p := range list {
			f.visit(p)
		}
	}
	for _, p := range []*jsonschema.Schema{s.Ref, s.Not, s.If, s.Then, s.Else, s.PropertyNames, s.Contains} {
		f.visit(p)
	}
	for _, p := range s.DependentSchemas {
		f.visit(p)
	}
}
