package testtool

import (
	"reflect"

	"github.com/personvern/personvern/internal/notice"
)

// FillPlain sets every plain field (`pv:"plain"`) that n leaves unset, on
// every entry n has, so that the coverage tests of render and diff change
// and compare a plain field the day it is added to the model, without
// editing their complete base notices. Texts get each of n's languages.
func FillPlain(n *notice.Notice) {
	fillPlain(reflect.ValueOf(n).Elem(), n.Languages)
}

func fillPlain(v reflect.Value, langs []string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			fillPlain(v.Elem(), langs)
		}
	case reflect.Slice:
		for i := range v.Len() {
			fillPlain(v.Index(i), langs)
		}
	case reflect.Map:
		if v.Type() == reflect.TypeFor[notice.Text]() || v.Type() == reflect.TypeFor[notice.Name]() {
			return
		}
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			fillPlain(e, langs)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		for _, p := range notice.PlainFields(v.Type()) {
			f := v.FieldByIndex(p.Field.Index)
			if f.IsZero() {
				f.Set(plainValue(p, langs))
			}
		}
		for i := range v.NumField() {
			fillPlain(v.Field(i), langs)
		}
	}
}

// plainValue is a value for a plain field that names it, so that a page
// or a report that shows it can be told apart from one that does not.
func plainValue(p notice.PlainField, langs []string) reflect.Value {
	word := "Prøve " + p.Label()
	ptr := reflect.New(p.Field.Type)
	switch x := ptr.Interface().(type) {
	case *notice.Text:
		*x = notice.Text{}
		for _, l := range langs {
			(*x)[l] = word
		}
	case *notice.Name:
		*x = notice.PlainName(word)
	case *string:
		*x = word
	case *bool:
		*x = true
	case *[]string:
		*x = []string{word}
	}
	return ptr.Elem()
}
