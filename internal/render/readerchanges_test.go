package render

import (
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestReaderChanges holds a page's list of changes to what its reader can
// tell apart: INN's bokmål page said "Hvordan du bruker en rettighet, har
// fått ny ordlyd på bokmål" three times, and listed each nynorsk edit too.
func TestReaderChanges(t *testing.T) {
	r := renderer(t)
	old := loadDir(t, filepath.Join("testdata", "complete"))[0].Notice
	n := old
	n.Rights = maps.Clone(old.Rights)
	n.Version = old.Version + ".1"
	var reworded []string
	for code, rt := range old.Rights {
		if len(rt.How) == 0 {
			continue
		}
		rt.How = notice.Text{"nb": rt.How["nb"] + " Skriv til oss.", "nn": rt.How["nn"] + " Skriv til oss."}
		n.Rights[code] = rt
		reworded = append(reworded, code)
	}
	if len(reworded) < 2 {
		t.Fatalf("the test notice needs two rights with how; has %v", reworded)
	}
	for _, lang := range []string{"nb", "nn"} {
		c, err := r.Catalog(lang)
		if err != nil {
			t.Fatal(err)
		}
		material, notable := Changes(&old, &n, c)
		all := append(material, notable...)
		seen := map[string]bool{}
		for _, m := range all {
			if seen[m] {
				t.Errorf("%s: %q twice", lang, m)
			}
			seen[m] = true
			for _, name := range []string{"bokmål", "nynorsk"} {
				if strings.Contains(m, " på "+name) {
					t.Errorf("%s: names the language: %q", lang, m)
				}
			}
		}
		if len(all) != len(reworded) {
			t.Errorf("%s: %d changes, want one per reworded right (%d): %q", lang, len(all), len(reworded), all)
		}
		for _, code := range reworded {
			name := strings.TrimPrefix(strings.ToLower(c.T("right."+code)), "rett ")
			found := false
			for _, m := range all {
				found = found || strings.Contains(m, name)
			}
			if !found {
				t.Errorf("%s: no change names %q: %q", lang, name, all)
			}
		}
	}
}

// TestNoChangeSaidAsOnItsPage: a version with nothing but a new number
// says "Ingen endringar i innhaldet" in the history and feed, as its
// change page does, not "Berre redaksjonelle endringar" (review nn 43);
// a spelling fix is still "Berre redaksjonelle endringar".
func TestNoChangeSaidAsOnItsPage(t *testing.T) {
	r := renderer(t)
	old := loadDir(t, filepath.Join("testdata", "complete"))[0].Notice
	same := old
	same.Version = old.Version + ".1"
	spelt := same
	spelt.Title = notice.Text{"nb": old.Title["nb"] + ".", "nn": old.Title["nn"] + "."}
	for _, lang := range []string{"nb", "nn"} {
		c, err := r.Catalog(lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := VersionEntry(&old, &same, c, ""); !strings.Contains(got, c.T("diff.none")) || strings.Contains(got, c.T("history.editorial")) {
			t.Errorf("%s: no change at all: %s", lang, got)
		}
		if got := VersionEntry(&old, &spelt, c, ""); !strings.Contains(got, c.T("history.editorial")) {
			t.Errorf("%s: a spelling fix: %s", lang, got)
		}
	}
}
