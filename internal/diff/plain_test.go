package diff

import (
	"maps"
	"reflect"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
)

// plainEntry and plainDoc stand in for a type of the model with plain
// fields of every kind a plain field may be.
type plainEntry struct {
	ID       string      `yaml:"id"`
	Replaces string      `yaml:"replaces"`
	Name     notice.Name `yaml:"name"`
	Size     string      `yaml:"size" pv:"plain"`
	On       bool        `yaml:"on" pv:"plain"`
	Tags     []string    `yaml:"tags" pv:"plain"`
	Note     notice.Text `yaml:"note" pv:"plain"`
}

type plainDoc struct {
	Entries []plainEntry           `yaml:"entries"`
	Extra   *plainEntry            `yaml:"extra"`
	ByCode  map[string]*plainEntry `yaml:"by_code"`
}

// TestPlainCompare: a plain field's change is found wherever its entry
// is (a list, matched by id or replaces; a pointer; a map), a value is
// material (field-changed) and a text goes through the wording rules.
func TestPlainCompare(t *testing.T) {
	entry := func(id, size string) plainEntry {
		return plainEntry{ID: id, Name: notice.PlainName("Oppføring " + id), Size: size, Note: notice.Text{"nb": "Et notat.", "nn": "Eit notat."}}
	}
	old := plainDoc{Entries: []plainEntry{entry("a", "1"), entry("b", "1")}, Extra: ptr(entry("x", "1")), ByCode: map[string]*plainEntry{"k": ptr(entry("k", "1"))}}
	cases := []struct {
		name    string
		change  func(d *plainDoc)
		rule    string
		class   Class
		key     string
		subject string
	}{
		{"value in a list", func(d *plainDoc) { d.Entries[1].Size = "2" }, "field-changed", Material, "entries/b/size", "Oppføring b"},
		{"renamed entry", func(d *plainDoc) { d.Entries[0].ID, d.Entries[0].Replaces, d.Entries[0].On = "a2", "a", true }, "field-changed", Material, "entries/a2/on", ""},
		{"list of strings", func(d *plainDoc) { d.Entries[0].Tags = []string{"ny"} }, "field-changed", Material, "entries/a/tags", ""},
		{"behind a pointer", func(d *plainDoc) { d.Extra.Size = "3" }, "field-changed", Material, "extra/size", ""},
		{"in a map", func(d *plainDoc) { d.ByCode["k"].Size = "3" }, "field-changed", Material, "by_code/k/size", ""},
		{"a text reworded", func(d *plainDoc) { d.Entries[0].Note = notice.Text{"nb": "Et annet notat.", "nn": "Eit anna notat."} }, "wording-changed", Notable, "entries/a/note/nb", ""},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			nw := clonePlain(old)
			tt.change(&nw)
			o, n := base(), base()
			d := &cmp{c: catalog(t, "nb"), lang: "nb", old: &o, new: &n, renamed: map[string]string{}}
			d.plainWalk(reflect.ValueOf(clonePlain(old)), reflect.ValueOf(nw), "", "")
			for _, ch := range d.out {
				if ch.Key == tt.key {
					if ch.Rule != tt.rule || ch.Class != tt.class {
						t.Errorf("%s: %s (%s), want %s (%s)", ch.Key, ch.Rule, ch.Class, tt.rule, tt.class)
					}
					if tt.subject != "" && !strings.Contains(ch.Message, tt.subject) {
						t.Errorf("message %q does not name the entry %q", ch.Message, tt.subject)
					}
					return
				}
			}
			t.Errorf("no change at %s; got %+v", tt.key, d.out)
		})
	}
	o, n := base(), base()
	d := &cmp{c: catalog(t, "nb"), lang: "nb", old: &o, new: &n}
	d.plainWalk(reflect.ValueOf(clonePlain(old)), reflect.ValueOf(clonePlain(old)), "", "")
	if len(d.out) != 0 {
		t.Errorf("equal sides differ: %+v", d.out)
	}
}

// TestPlainSections: every type of the model has a section a plain
// field's change is listed under.
func TestPlainSections(t *testing.T) {
	for _, typ := range notice.Types() {
		if s, ok := plainSections[typ]; !ok || s == section.None {
			t.Errorf("plainSections has no section for %s: say where on the page it is", typ.Name())
		}
	}
}

func ptr[T any](v T) *T { return &v }

func clonePlain(d plainDoc) plainDoc {
	out := plainDoc{Extra: ptr(*d.Extra), ByCode: map[string]*plainEntry{}}
	for _, e := range d.Entries {
		e.Tags = append([]string(nil), e.Tags...)
		e.Note = maps.Clone(e.Note)
		out.Entries = append(out.Entries, e)
	}
	for k, v := range d.ByCode {
		out.ByCode[k] = ptr(*v)
	}
	return out
}
