package lint_test

import (
	"bytes"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/lint"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/render"
	"github.com/personvern/personvern/internal/testtool"
)

// variants edits a fresh copy of a notice so the diff reports every class:
// a spelling fix (editorial), a reworded description (notable), and a new
// category, recipient and longer period (material). Each edit works on
// whatever the notice holds, so the test does not depend on which notices
// there are.
var variants = map[string]func(n *notice.Notice){
	"editorial": func(n *notice.Notice) {
		for l, s := range n.Introduction {
			n.Introduction[l] = s + " "
		}
		for i := range n.Purposes {
			for l, s := range n.Purposes[i].Description {
				n.Purposes[i].Description[l] = strings.Replace(s, ".", ". ", 1)
			}
		}
	},
	"notable": func(n *notice.Notice) {
		for i := range n.Purposes {
			for l, s := range n.Purposes[i].Description {
				n.Purposes[i].Description[l] = s + " Les mer på nettstedet vårt."
			}
		}
		if n.Security != nil {
			for l := range n.Security {
				n.Security[l] = "Vi har tilgangsstyring."
			}
		}
	},
	"material": func(n *notice.Notice) {
		for i := range n.Purposes {
			n.Purposes[i].Categories = append(n.Purposes[i].Categories, "health")
		}
		n.Recipients = append(n.Recipients, notice.Recipient{ID: "ny_mottaker", Kind: "private_company", Name: notice.PlainName("Skyfirma AS")})
		for i := range n.Retention {
			if n.Retention[i].Period != "" {
				n.Retention[i].Period = "P10Y"
			}
		}
		n.Version += ".1"
	},
}

// TestLintEveryOutput runs the lint over every text personvern writes for
// people to read: every notice of the corpus and of notices/, in every
// language, as HTML (as text), Markdown, text and summary, and the diff
// reports of each notice against edited copies in every class.
func TestLintEveryOutput(t *testing.T) {
	r, err := render.Default()
	if err != nil {
		t.Fatal(err)
	}
	dirs := []string{testtool.Corpus()}
	// The repository's own examples are what organisations copy, so they
	// are linted too; an adopter's notices (PERSONVERN_NOTICES) are theirs
	// to word, and must not fail the suite.
	if os.Getenv(testtool.EnvNotices) == "" {
		if fi, err := os.Stat(testtool.Notices()); err == nil && fi.IsDir() {
			dirs = append(dirs, testtool.Notices())
		}
	}
	found := map[string][]string{}
	report := func(where, text string) {
		for _, f := range lint.Check(text) {
			found[f.Rule] = append(found[f.Rule], where+": "+f.Excerpt)
		}
	}
	for _, dir := range dirs {
		docs := testtool.LoadNotices(t, dir)
		fresh := testtool.LoadNotices(t, dir)
		for i, d := range docs {
			n := &d.Notice
			for _, lang := range n.Languages {
				for _, format := range render.Formats {
					if format == "json" {
						continue
					}
					var buf bytes.Buffer
					if err := r.Render(&buf, n, render.Options{Lang: lang, Format: format}); err != nil {
						t.Fatal(err)
					}
					text := buf.String()
					if format == "html" {
						text = lint.HTMLText(text)
					}
					report(d.Path+" "+lang+"."+format, text)
				}
				c, err := r.Catalog(lang)
				if err != nil {
					t.Fatal(err)
				}
				names := make([]string, 0, len(variants))
				for k := range variants {
					names = append(names, k)
				}
				sort.Strings(names)
				for _, class := range names {
					edited := testtool.LoadNotices(t, dir)[i]
					variants[class](&edited.Notice)
					rep := diff.Compare(&fresh[i].Notice, &edited.Notice, "old.yaml", "new.yaml", c)
					for _, format := range []string{"text", "md", "html"} {
						var buf bytes.Buffer
						if err := r.RenderDiff(&buf, rep, format); err != nil {
							t.Fatal(err)
						}
						text := buf.String()
						if format == "html" {
							text = lint.HTMLText(text)
						}
						report(d.Path+" "+lang+" diff "+class+"."+format, text)
					}
				}
			}
		}
	}
	rules := make([]string, 0, len(found))
	for k := range found {
		rules = append(rules, k)
	}
	sort.Strings(rules)
	for _, rule := range rules {
		t.Errorf("%s: %d findings", rule, len(found[rule]))
		for _, f := range found[rule] {
			t.Log(rule + ": " + f)
		}
	}
}
