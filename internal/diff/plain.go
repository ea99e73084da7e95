package diff

import (
	"reflect"
	"strings"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
)

// plainSections says where on the page each type of the model is, so that
// a change of a plain field is listed under its section; a type missing
// here fails TestPlainSections.
var plainSections = map[reflect.Type]section.ID{
	reflect.TypeFor[notice.Notice]():            section.Controller,
	reflect.TypeFor[notice.Controller]():        section.Controller,
	reflect.TypeFor[notice.JointController]():   section.Controller,
	reflect.TypeFor[notice.OtherController]():   section.Controller,
	reflect.TypeFor[notice.DPO]():               section.DPO,
	reflect.TypeFor[notice.Group]():             section.Purposes,
	reflect.TypeFor[notice.Role]():              section.Purposes,
	reflect.TypeFor[notice.Purpose]():           section.Purposes,
	reflect.TypeFor[notice.Basis]():             section.Purposes,
	reflect.TypeFor[notice.Category]():          section.Data,
	reflect.TypeFor[notice.Provision]():         section.Data,
	reflect.TypeFor[notice.Source]():            section.Sources,
	reflect.TypeFor[notice.Recipient]():         section.Recipients,
	reflect.TypeFor[notice.Transfer]():          section.Transfers,
	reflect.TypeFor[notice.Retention]():         section.Retention,
	reflect.TypeFor[notice.Right]():             section.Rights,
	reflect.TypeFor[notice.Restriction]():       section.Rights,
	reflect.TypeFor[notice.AutomatedDecision](): section.Automated,
	reflect.TypeFor[notice.Cookie]():            section.Cookies,
}

// plainFields compares the plain fields of every entry the two notices
// share. Entries added or removed are reported by their own rules; this
// walk goes only where both sides have the entry.
func (d *cmp) plainFields() {
	d.plainWalk(reflect.ValueOf(d.old).Elem(), reflect.ValueOf(d.new).Elem(), "", "")
}

// plainWalk compares o and n, values of one type, at key; subject names
// the entry they are in for the message ("" on the notice itself).
func (d *cmp) plainWalk(o, n reflect.Value, key, subject string) {
	switch o.Kind() {
	case reflect.Pointer:
		if !o.IsNil() && !n.IsNil() {
			d.plainWalk(o.Elem(), n.Elem(), key, subject)
		}
	case reflect.Struct:
		t := o.Type()
		if s := entryName(n, d.lang); s != "" && t != reflect.TypeFor[notice.Notice]() {
			subject = s
		}
		for i := range t.NumField() {
			f := t.Field(i)
			k := keyJoin(key, notice.YAMLName(f))
			if notice.IsPlain(f) {
				d.plainField(plainSections[t], notice.LabelKey(t, f), k, subject, o.Field(i), n.Field(i))
				continue
			}
			d.plainWalk(o.Field(i), n.Field(i), k, subject)
		}
	case reflect.Slice:
		if o.Type().Elem().Kind() != reflect.Struct {
			return
		}
		pairs, _, _ := match(elements(o), elements(n), entryID, func(v reflect.Value) string { return stringField(v, "Replaces") })
		for _, p := range pairs {
			d.plainWalk(p[0], p[1], key+"/"+entryID(p[1]), subject)
		}
	case reflect.Map:
		if o.Type() == reflect.TypeFor[notice.Text]() || o.Type() == reflect.TypeFor[notice.Name]() {
			return
		}
		for _, k := range n.MapKeys() {
			if ov := o.MapIndex(k); ov.IsValid() {
				d.plainWalk(ov, n.MapIndex(k), keyJoin(key, k.String()), subject)
			}
		}
	}
}

// plainField compares one plain field: a text by the wording rules, any
// other value as material.
func (d *cmp) plainField(sec section.ID, label, key, subject string, o, n reflect.Value) {
	if ot, ok := o.Interface().(notice.Text); ok {
		d.texts(sec, key, label, ot, n.Interface().(notice.Text))
		return
	}
	ov, nv := d.plainValue(o), d.plainValue(n)
	if ov == nv {
		return
	}
	what := d.c.T(label)
	if subject != "" {
		what = d.c.T("diff.field.of", what, subject)
	}
	d.add(sec, ruleFieldChanged, key, what, ov, nv)
}

// plainValue is a plain field's value as a report shows it.
func (d *cmp) plainValue(v reflect.Value) string {
	switch x := v.Interface().(type) {
	case notice.Name:
		return x.In(d.lang)
	case string:
		return x
	case bool:
		if !x {
			return ""
		}
		return d.yesNo(x)
	case []string:
		return strings.Join(x, ", ")
	}
	panic("diff: plain field of type " + v.Type().String())
}

func elements(v reflect.Value) []reflect.Value {
	out := make([]reflect.Value, v.Len())
	for i := range out {
		out[i] = v.Index(i)
	}
	return out
}

// entryID is what entries of a list are matched by: their id, or for a
// legal basis its article.
func entryID(v reflect.Value) string {
	if id := stringField(v, "ID"); id != "" {
		return id
	}
	return stringField(v, "Article")
}

func stringField(v reflect.Value, name string) string {
	if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.String {
		return f.String()
	}
	return ""
}

// entryName names an entry for a message: its name or label in the
// report's language, else its id.
func entryName(v reflect.Value, lang string) string {
	for _, name := range []string{"Name", "Label"} {
		switch x := v.FieldByName(name); {
		case !x.IsValid():
		case x.Type() == reflect.TypeFor[notice.Name]():
			if s := x.Interface().(notice.Name).In(lang); s != "" {
				return s
			}
		case x.Type() == reflect.TypeFor[notice.Text]():
			if s := x.Interface().(notice.Text)[lang]; s != "" {
				return s
			}
		case x.Kind() == reflect.String && x.String() != "":
			return x.String()
		}
	}
	return stringField(v, "ID")
}

// join is a change's key: the path of YAML keys, by "/".
func keyJoin(key, name string) string {
	if key == "" {
		return name
	}
	return key + "/" + name
}
