package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/validate"
	"github.com/personvern/personvern/templates"
)

// TestCachedFindingsInEveryLanguage: the cache keeps a finding said in
// every language the tool speaks, so a run in bokmål or nynorsk (the default for
// Norwegian users) takes every unchanged file from the cache and says its
// findings word for word as checking it afresh does. The seeds, hand
// written and far from valid, give findings of most rules.
func TestCachedFindingsInEveryLanguage(t *testing.T) {
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	seeds, err := filepath.Glob("../validate/testdata/seeds/*.yaml")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	dir := t.TempDir()
	var files []string
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, filepath.Base(s))
		writeAged(t, f, b)
		files = append(files, f)
	}
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"nb", "nn"} {
		m, err := i18n.LoadMessages(templates.FS, lang)
		if err != nil {
			t.Fatal(err)
		}
		say := func(res *Result) string {
			var b strings.Builder
			for _, f := range res.Findings {
				if !f.Translatable() {
					t.Errorf("%s: %s: the cache kept its English only", lang, f)
				}
				b.WriteString(f.StringIn(m) + "\n")
			}
			return b.String()
		}
		fresh := Files(files, Options{Loader: notice.Loader{}, Validator: v, Cache: false, Translatable: true})
		want := say(fresh)
		if len(fresh.Findings) < 20 {
			t.Fatalf("only %d findings in the seeds", len(fresh.Findings))
		}
		Files(files, Options{Loader: notice.Loader{}, Validator: v, Cache: true, Translatable: true})
		again := Files(files, Options{Loader: notice.Loader{}, Validator: v, Cache: true, Translatable: true})
		if again.Reused != len(files) {
			t.Errorf("%s: %d of %d files taken from the cache", lang, again.Reused, len(files))
		}
		if got := say(again); got != want {
			t.Errorf("%s: cached findings say\n%s\nchecked afresh:\n%s", lang, got, want)
		}
	}
}
