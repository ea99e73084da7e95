package diff

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
	"gopkg.in/yaml.v3"
)

// notCompared lists the leaf fields a change of which is, on purpose, no
// change in the report; paths are YAML keys with list indices as [].
var notCompared = map[string]string{
	// The report's heading names both versions; raising them is what every
	// published change does, not something people are told.
	"version": "identifies the two sides, shown in the report's heading",
	"updated": "identifies the two sides, shown in the report's heading",
	// The id is the notice's file and page name: diff compares the two
	// files the caller named, whatever their ids say.
	"id": "the notice's name, not its content; the caller picks the two files",
	// The schema allows one value only, so a valid notice cannot change it.
	"complaint": "the schema allows only datatilsynet",
	// replaces: steers the matching of renamed ids; with the id unchanged
	// it changes nothing a reader is told.
	"purposes[].replaces":            "steers matching only",
	"sources[].replaces":             "steers matching only",
	"recipients[].replaces":          "steers matching only",
	"transfers[].replaces":           "steers matching only",
	"retention[].replaces":           "steers matching only",
	"automated_decisions[].replaces": "steers matching only",
	"cookies[].replaces":             "steers matching only",
}

// completeNotice reads testdata/complete.yaml straight into the model, so
// that this test does not depend on the loader's rules.
func completeNotice(t *testing.T) notice.Notice {
	t.Helper()
	b, err := os.ReadFile("testdata/complete.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var n notice.Notice
	if err := yaml.Unmarshal(b, &n); err != nil {
		t.Fatal(err)
	}
	// A plain field is compared the day it is added, with no value here.
	testtool.FillPlain(&n)
	return n
}

// step is one move from a value to a part of it.
type step struct {
	field int    // struct field index, or -1
	index int    // slice index, or -1
	key   string // map key, when field and index are -1
}

type leaf struct {
	path    string // YAML path with indices, e.g. recipients[0].purposes[0]
	general string // the same without them, e.g. recipients[].purposes[]; map keys are {}
	steps   []step
}

func yamlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// fieldPaths lists the general path of every leaf the model has, from its
// type: what complete.yaml must cover.
func fieldPaths(t reflect.Type, path string) []string {
	switch t.Kind() {
	case reflect.Struct:
		var out []string
		for i := range t.NumField() {
			out = append(out, fieldPaths(t.Field(i).Type, join(path, yamlName(t.Field(i))))...)
		}
		return out
	case reflect.Pointer:
		if t.Elem().Kind() == reflect.Bool {
			return []string{path}
		}
		return fieldPaths(t.Elem(), path)
	case reflect.Slice:
		return fieldPaths(t.Elem(), path+"[]")
	case reflect.Map:
		return fieldPaths(t.Elem(), path+".{}")
	}
	return []string{path}
}

// leaves lists every leaf of v that is set: strings, bools and the values
// of texts and of maps.
func leaves(t *testing.T, v reflect.Value, path, general string, steps []step) []leaf {
	with := func(s step) []step { return append(append([]step(nil), steps...), s) }
	switch v.Kind() {
	case reflect.Struct:
		var out []leaf
		for i := range v.NumField() {
			name := yamlName(v.Type().Field(i))
			out = append(out, leaves(t, v.Field(i), join(path, name), join(general, name), with(step{field: i, index: -1}))...)
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		if v.Elem().Kind() == reflect.Bool {
			return []leaf{{path, general, steps}}
		}
		return leaves(t, v.Elem(), path, general, steps)
	case reflect.Slice:
		var out []leaf
		for i := range v.Len() {
			out = append(out, leaves(t, v.Index(i), fmt.Sprintf("%s[%d]", path, i), general+"[]", with(step{field: -1, index: i}))...)
		}
		return out
	case reflect.Map:
		var out []leaf
		for _, k := range v.MapKeys() {
			out = append(out, leaves(t, v.MapIndex(k), path+"."+k.String(), general+".{}", with(step{field: -1, index: -1, key: k.String()}))...)
		}
		return out
	case reflect.String:
		if v.String() == "" {
			return nil
		}
		return []leaf{{path, general, steps}}
	case reflect.Bool:
		// Only true counts as covered, so that the change tests
		// true → false and the reverse comparison false → true.
		if !v.Bool() {
			return nil
		}
		return []leaf{{path, general, steps}}
	}
	t.Fatalf("%s: no way to change a %s; teach leaves and change about it", path, v.Kind())
	return nil
}

// change changes the leaf at steps in v, which must be settable. Map
// values are not addressable: they are copied, changed and stored back.
func change(v reflect.Value, steps []step) {
	if len(steps) == 0 {
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + " endret")
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Pointer: // *bool: a new value, not the base's
			b := !v.Elem().Bool()
			v.Set(reflect.ValueOf(&b))
		}
		return
	}
	s := steps[0]
	switch {
	case v.Kind() == reflect.Pointer && v.Elem().Kind() != reflect.Bool:
		// Copy the pointee, so that the base notice stays as it was.
		cp := reflect.New(v.Elem().Type())
		cp.Elem().Set(v.Elem())
		v.Set(cp)
		change(cp.Elem(), steps)
	case s.field >= 0:
		change(v.Field(s.field), steps[1:])
	case s.index >= 0:
		cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(cp, v)
		v.Set(cp)
		change(cp.Index(s.index), steps[1:])
	default:
		cp := reflect.MakeMapWithSize(v.Type(), v.Len())
		for _, k := range v.MapKeys() {
			cp.SetMapIndex(k, v.MapIndex(k))
		}
		v.Set(cp)
		k := reflect.ValueOf(s.key)
		e := reflect.New(v.Type().Elem()).Elem()
		e.Set(v.MapIndex(k))
		change(e, steps[1:])
		v.SetMapIndex(k, e)
	}
}

// TestEveryFieldIsCompared changes each leaf of a complete notice in turn
// and requires the diff to report a change, both ways round, unless
// notCompared says why not. A field the comparison forgets (a recipient's
// purposes were) fails here rather than passing silently as "no change".
func TestEveryFieldIsCompared(t *testing.T) {
	base := completeNotice(t)
	c := catalog(t, "nb")
	ls := leaves(t, reflect.ValueOf(base), "", "", nil)
	slices.SortFunc(ls, func(a, b leaf) int { return strings.Compare(a.path, b.path) })
	// Every field of the model is set somewhere in complete.yaml: a field
	// added to the model without a value there would go untested.
	covered := map[string]bool{}
	for _, l := range ls {
		covered[l.general] = true
	}
	for _, p := range fieldPaths(reflect.TypeFor[notice.Notice](), "") {
		if !covered[p] {
			t.Errorf("complete.yaml does not set %s (a bool must be true); add it", p)
		}
	}
	if rep := Compare(&base, &base, "a", "b", c); len(rep.Changes) != 0 {
		t.Fatalf("the complete notice differs from itself: %+v", rep.Changes)
	}
	excepted := map[string]bool{}
	for _, l := range ls {
		changed := base
		change(reflect.ValueOf(&changed).Elem(), l.steps)
		if reflect.DeepEqual(changed, base) {
			t.Fatalf("%s: the change changed nothing", l.path)
		}
		if again := completeNotice(t); !reflect.DeepEqual(again, base) {
			t.Fatalf("%s: changing a copy changed the base notice", l.path)
		}
		fwd := Compare(&base, &changed, "a", "b", c)
		back := Compare(&changed, &base, "b", "a", c)
		if why, ok := notCompared[l.general]; ok {
			excepted[l.general] = true
			if all := append(fwd.Changes, back.Changes...); len(all) > 0 {
				t.Errorf("%s is listed as not compared (%s), but the diff reports %s: drop it from notCompared", l.path, why, all[0].Rule)
			}
			continue
		}
		// An id changed alone is told the editor, as a note (nb9x 1).
		if len(fwd.Changes)+len(fwd.Notes) == 0 {
			t.Errorf("%s: changing it reports no change", l.path)
		}
		if len(back.Changes)+len(back.Notes) == 0 {
			t.Errorf("%s: changing it back reports no change", l.path)
		}
	}
	for p := range notCompared {
		if !excepted[p] {
			t.Errorf("notCompared lists %s, which complete.yaml does not have", p)
		}
	}
}
