package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/internal/vocab"
	"github.com/personvern/personvern/templates"
)

var update = testtool.Update // go test -update rewrites the goldens

// loadNotices loads the fixed corpus, testdata/notices, that the golden
// files are made from.
func loadNotices(t testing.TB) []*notice.Document {
	t.Helper()
	return loadDir(t, testtool.Corpus())
}

// loadDir loads every notice in dir, with dir's personvern.yaml defaults.
func loadDir(t testing.TB, dir string) []*notice.Document {
	t.Helper()
	return testtool.LoadNotices(t, dir)
}

func renderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestGolden renders every notice of the corpus, testdata/notices, in
// every language and format and compares with testdata/golden; go test
// -update rewrites them.
func TestGolden(t *testing.T) {
	r := renderer(t)
	for _, d := range loadNotices(t) {
		for _, lang := range d.Notice.Languages {
			for _, format := range Formats {
				name := d.Notice.ID + "." + lang + "." + format
				t.Run(name, func(t *testing.T) {
					var buf bytes.Buffer
					if err := r.Render(&buf, &d.Notice, Options{Lang: lang, Format: format}); err != nil {
						t.Fatal(err)
					}
					golden := filepath.Join("testdata", "golden", name)
					if *update {
						if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
							t.Fatal(err)
						}
						if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
							t.Fatal(err)
						}
						return
					}
					want, err := os.ReadFile(golden)
					if err != nil {
						t.Fatalf("%v (run go test ./internal/render -update)", err)
					}
					if !bytes.Equal(buf.Bytes(), want) {
						t.Errorf("output differs from %s; run go test ./internal/render -update and review the diff", golden)
					}
					// Same input, same bytes.
					var again bytes.Buffer
					_ = r.Render(&again, &d.Notice, Options{Lang: lang, Format: format})
					if !bytes.Equal(buf.Bytes(), again.Bytes()) {
						t.Error("two renders differ")
					}
				})
			}
		}
	}
}

// TestTextIsWrappedAt80: a property of every page, so it holds for the
// corpus and for whatever notices/ holds.
func TestTextIsWrappedAt80(t *testing.T) {
	r := renderer(t)
	for _, d := range append(loadNotices(t), loadDir(t, testtool.Notices())...) {
		for _, lang := range d.Notice.Languages {
			var buf bytes.Buffer
			if err := r.Render(&buf, &d.Notice, Options{Lang: lang, Format: "txt"}); err != nil {
				t.Fatal(err)
			}
			for i, l := range strings.Split(buf.String(), "\n") {
				if n := len([]rune(l)); n > 80 && strings.Contains(l, " ") {
					t.Errorf("%s %s line %d has %d columns: %q", d.Notice.ID, lang, i+1, n, l)
				}
			}
		}
	}
}

func TestHTMLPage(t *testing.T) {
	r := renderer(t)
	d := loadNotices(t)[0]
	for _, lang := range []string{"nb", "nn"} {
		other := map[string]string{"nb": "nn", "nn": "nb"}[lang]
		var buf bytes.Buffer
		if err := r.Render(&buf, &d.Notice, Options{Lang: lang, Format: "html"}); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		for _, want := range []string{
			`<!DOCTYPE html>`,
			`<html lang="` + lang + `">`,
			`<link rel="alternate" hreflang="` + other + `" href="../../` + other + `/` + d.Notice.ID + `/">`,
			`<meta name="viewport"`,
			`<nav class="toc"`,
			`@media (prefers-color-scheme: dark)`,
			`@media print`,
			`<section id="rettigheter"`, `<section id="klage"`, `<section id="versjon"`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s page lacks %s", lang, want)
			}
		}
		for _, bad := range []string{"<script", "src=\"http", "@import", "url(", "<iframe", "<img"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s page contains %s: a privacy page must make no requests and run no code", lang, bad)
			}
		}
	}
}

// TestSectionOrder: the order a reader needs, the same in every language.
func TestSectionOrder(t *testing.T) {
	d := loadNotices(t)[0]
	c, err := i18n.Load(templates.FS, "nb")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range Build(&d.Notice, c, nil).Sections {
		ids = append(ids, s.ID.String())
	}
	want := []string{"ansvarlig", "personvernombud", "formal", "opplysninger", "kilder", "mottakere", "overforing", "lagring", "rettigheter", "klage", "automatiserte-avgjorelser"}
	got := strings.Join(ids, " ")
	if !strings.HasPrefix(got, strings.Join(want, " ")) || !strings.HasSuffix(got, "versjon") {
		t.Errorf("sections %s", got)
	}
}

// TestVocabularyHasWording: every code authors may write has wording in
// every catalogue, so the renderer never shows a bare code.
func TestVocabularyHasWording(t *testing.T) {
	for _, lang := range i18n.Available(templates.FS) {
		c, err := i18n.Load(templates.FS, lang)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, x := range vocab.Categories {
			keys = append(keys, "category."+x.Code)
		}
		for _, x := range vocab.Bases {
			keys = append(keys, "basis."+x.Code)
		}
		for _, x := range vocab.Rights {
			keys = append(keys, "right."+x.Code, "right."+x.Code+".desc")
		}
		for _, x := range vocab.PartyKinds {
			keys = append(keys, "kind."+x.Code)
		}
		for _, x := range vocab.Safeguards {
			keys = append(keys, "safeguard."+x.Code)
		}
		for _, x := range []string{"statutory", "contractual", "contract_prerequisite", "voluntary"} {
			keys = append(keys, "provision."+x)
		}
		for _, x := range []string{"delete", "anonymise", "archive"} {
			keys = append(keys, "retention.then."+x)
		}
		for _, k := range keys {
			if !c.Has(k) {
				t.Errorf("%s: no wording for %s", lang, k)
			}
		}
	}
}

func TestRightsOnlyWhereTheyApply(t *testing.T) {
	n := &notice.Notice{
		ID: "x", Languages: []string{"nb"}, Title: notice.Text{"nb": "X"},
		Purposes: []notice.Purpose{{ID: "p", Name: notice.Text{"nb": "P"}, LegalBasis: []notice.Basis{{Article: "6(1)(c)"}}}},
		Rights:   notice.Rights{"access": {}, "objection": {}, "portability": {}, "erasure": {Limits: notice.Text{"nb": "Arkivloven gjelder."}}},
	}
	var buf bytes.Buffer
	if err := renderer(t).Render(&buf, n, Options{Lang: "nb", Format: "txt"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"Rett til innsyn", "Rett til sletting", "Forbehold: Arkivloven gjelder."} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
	for _, bad := range []string{"Rett til å protestere", "dataportabilitet"} {
		if strings.Contains(out, bad) {
			t.Errorf("%q shown, but does not apply to 6(1)(c)", bad)
		}
	}
}

func TestWrap(t *testing.T) {
	in := "- " + strings.Repeat("ord ", 30) + "\n  " + strings.Repeat("innrykk ", 12)
	got := Wrap(in, 30)
	for _, l := range strings.Split(got, "\n") {
		if len([]rune(l)) > 30 {
			t.Errorf("line too long: %q", l)
		}
	}
	lines := strings.Split(got, "\n")
	if !strings.HasPrefix(lines[0], "- ord") || !strings.HasPrefix(lines[1], "  ord") {
		t.Errorf("list item continuation not indented:\n%s", got)
	}
}

// TestPortabilityNeedsAutomatedMeans: consent on paper gives no right to
// portability (art. 20(1)(b)), so the page must not offer it; the same
// purpose processed by automated means does.
func TestPortabilityNeedsAutomatedMeans(t *testing.T) {
	for _, automated := range []bool{false, true} {
		n := &notice.Notice{
			ID: "x", Languages: []string{"nb"}, Title: notice.Text{"nb": "X"},
			Purposes: []notice.Purpose{{ID: "p", Name: notice.Text{"nb": "P"}, LegalBasis: []notice.Basis{{Article: "6(1)(a)"}}, Automated: automated}},
			Rights:   notice.Rights{"access": {}, "portability": {}, "withdraw_consent": {}},
		}
		var buf bytes.Buffer
		if err := renderer(t).Render(&buf, n, Options{Lang: "nb", Format: "txt"}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(buf.String(), "Rett til dataportabilitet"); got != automated {
			t.Errorf("automated %v: portability shown = %v", automated, got)
		}
	}
}

// TestObjectionStandsApart: art. 21(4) wants the right to object shown
// clearly and separately from other information: under its own heading
// after the list of rights, with one sentence for each paragraph of art. 21
// that applies (21(1) public task or interests, 21(2)-(3) direct marketing,
// 21(6) research).
func TestObjectionStandsApart(t *testing.T) {
	c, err := i18n.Load(templates.FS, "nb")
	if err != nil {
		t.Fatal(err)
	}
	n := &notice.Notice{
		ID: "x", Languages: []string{"nb"}, Title: notice.Text{"nb": "X"},
		Purposes: []notice.Purpose{
			{ID: "news", Name: notice.Text{"nb": "Nyhetsbrev"}, LegalBasis: []notice.Basis{{Article: "6(1)(a)"}}, DirectMarketing: true},
			{ID: "stats", Name: notice.Text{"nb": "Statistikk"}, LegalBasis: []notice.Basis{{Article: "6(1)(c)"}}, Research: true},
		},
		Rights: notice.Rights{"access": {}, "objection": {How: notice.Text{"nb": "Skriv til oss."}}, "withdraw_consent": {}},
	}
	var rights Section
	for _, s := range Build(n, c, nil).Sections {
		if s.ID == section.Rights {
			rights = s
		}
	}
	heading := -1
	for i, b := range rights.Blocks {
		if b.Kind == BlockList {
			for _, it := range b.Items {
				if strings.Contains(lineText(it.Head), c.T("right.objection")) {
					t.Errorf("objection is an item of the list of rights; art. 21(4) wants it apart")
				}
			}
		}
		if b.Kind == BlockH3 && lineText(b.Text) == c.T("right.objection") {
			heading = i
		}
	}
	if heading < 0 {
		t.Fatalf("no heading %q in the rights section", c.T("right.objection"))
	}
	var after []string
	for _, b := range rights.Blocks[heading+1:] {
		after = append(after, lineText(b.Text)+string(b.Rich))
	}
	got := strings.Join(after, "\n")
	for _, want := range []string{c.T("right.objection.marketing"), c.T("right.objection.research"), "Skriv til oss."} {
		if !strings.Contains(got, want) {
			t.Errorf("objection block lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, c.T("right.objection.desc")) {
		t.Errorf("art. 21(1) wording shown, but no purpose rests on 6(1)(e) or (f):\n%s", got)
	}
}

func lineText(l Line) string {
	var b strings.Builder
	for _, s := range l {
		b.WriteString(s.Text)
	}
	return b.String()
}
