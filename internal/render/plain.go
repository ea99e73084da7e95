package render

import (
	"reflect"

	"github.com/personvern/personvern/internal/notice"
)

// plain shows the plain fields of entry (a pointer to a struct of the
// model) as labelled values: a field the model declares with `pv:"plain"`
// is on every page without code of its own here. Each entry's block calls
// it once, so that a plain field appears under the entry it belongs to.
func (b *builder) plain(entry any) []Block {
	v := reflect.ValueOf(entry)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil
	}
	v = v.Elem()
	if b.plainShown != nil {
		b.plainShown[v.Type()] = true
	}
	var fs []Field
	for _, p := range notice.PlainFields(v.Type()) {
		if s := b.plainValue(v.FieldByIndex(p.Field.Index)); s != "" {
			fs = append(fs, Field{b.c.T(p.Label()), plain(s)})
		}
	}
	if len(fs) == 0 {
		return nil
	}
	return []Block{fields(fs...)}
}

// plainValue is a plain field's value in the page's language; "" for a
// field not set.
func (b *builder) plainValue(v reflect.Value) string {
	switch x := v.Interface().(type) {
	case notice.Text:
		return b.tx(x)
	case notice.Name:
		return x.In(b.lang)
	case string:
		return x
	case bool:
		if x {
			return b.c.T("yes")
		}
		return ""
	case []string:
		return b.c.List(x)
	}
	// The schema test allows no other type on a plain field.
	panic("render: plain field of type " + v.Type().String())
}
