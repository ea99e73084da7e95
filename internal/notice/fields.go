package notice

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// A plain field is one the model declares and nothing else has to know:
// tagged `pv:"plain"`, it is shown on the page as a labelled value under
// its entry (render), compared as a text or a value (diff) and described
// in the schema from its doc comment (go test ./schema -update). Its label
// is the one catalogue key per language, LabelKey. A field that needs its
// own sentence, rule or comparison drops the tag and gets code of its own.
const plainTag = "plain"

// IsPlain reports whether f is a plain field.
func IsPlain(f reflect.StructField) bool {
	return slices.Contains(strings.Split(f.Tag.Get("pv"), ","), plainTag)
}

// YAMLName is the key of f in a notice file.
func YAMLName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

// DefName is the name of t's definition in the schema's $defs, which is
// its Go name in snake case: Recipient is recipient, AutomatedDecision
// automated_decision, DPO dpo. The notice itself is "".
func DefName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t == reflect.TypeFor[Notice]() {
		return ""
	}
	var b strings.Builder
	rs := []rune(t.Name())
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) && unicode.IsLower(rs[i-1]) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// LabelKey is the catalogue key of what pages and diffs call field f of
// type t: field.<def>.<key>, or field.<key> on the notice itself.
func LabelKey(t reflect.Type, f reflect.StructField) string {
	if d := DefName(t); d != "" {
		return "field." + d + "." + YAMLName(f)
	}
	return "field." + YAMLName(f)
}

// PlainField is one plain field of one type of the model.
type PlainField struct {
	Owner reflect.Type // the struct that has it
	Field reflect.StructField
}

// Label is the field's catalogue key.
func (p PlainField) Label() string { return LabelKey(p.Owner, p.Field) }

var plainByType sync.Map // reflect.Type → []PlainField

// PlainFields lists the plain fields of struct type t, in declaration
// order.
func PlainFields(t reflect.Type) []PlainField {
	if v, ok := plainByType.Load(t); ok {
		return v.([]PlainField)
	}
	var out []PlainField
	for i := range t.NumField() {
		if f := t.Field(i); IsPlain(f) {
			out = append(out, PlainField{Owner: t, Field: f})
		}
	}
	plainByType.Store(t, out)
	return out
}

// AllPlainFields lists the plain fields of every type of the model.
func AllPlainFields() []PlainField {
	var all []PlainField
	for _, t := range Types() {
		all = append(all, PlainFields(t)...)
	}
	return all
}

// walkTypes calls fn once for every struct type reachable from t.
func walkTypes(t reflect.Type, fn func(reflect.Type)) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		fn(t)
		for i := range t.NumField() {
			walk(t.Field(i).Type)
		}
	}
	walk(t)
}

// Types lists every struct type of the model, the notice first.
func Types() []reflect.Type {
	var out []reflect.Type
	walkTypes(reflect.TypeFor[Notice](), func(t reflect.Type) { out = append(out, t) })
	return out
}
