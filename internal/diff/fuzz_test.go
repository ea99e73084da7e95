package diff_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/templates"
)

// fuzzCatalogs are loaded once, in every language the diff reports in.
var fuzzCatalogs = func() []*i18n.Catalog {
	var out []*i18n.Catalog
	for _, lang := range []string{"nb", "nn"} {
		c, err := i18n.Load(templates.FS, lang)
		if err != nil {
			panic(err)
		}
		out = append(out, c)
	}
	return out
}()

// FuzzCompare: any two notices that parse can be compared without a
// panic, whether or not they are valid; a notice compared with itself has
// no changes; every change is classified and placed in a section.
//
//	go test ./internal/diff -run '^$' -fuzz '^FuzzCompare$' -fuzztime 60s -parallel 2
func FuzzCompare(f *testing.F) {
	seeds := fuzzSeeds()
	for i, a := range seeds {
		f.Add(a, a)
		f.Add(a, seeds[(i+1)%len(seeds)])
	}
	// The same notice before and after: the transcription of the published
	// notice in validate's seeds, and the completed one in notices/.
	for _, name := range []string{"inn-trondheim", "joblearn", "karrieresenteret-vestfold", "kvalifiseringsprogrammet", "vinn-hallingdal"} {
		a, errA := os.ReadFile("../validate/testdata/seeds/" + name + ".yaml")
		b, errB := os.ReadFile("../../testdata/notices/" + name + ".yaml")
		if errA == nil && errB == nil {
			f.Add(a, b)
			f.Add(b, a)
		}
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		da, err := notice.Parse("a.yaml", a)
		if err != nil {
			return
		}
		db, err := notice.Parse("b.yaml", b)
		if err != nil {
			return
		}
		testtool.WithDeadline(t, func() {
			for _, c := range fuzzCatalogs {
				rep := diff.Compare(&da.Notice, &db.Notice, "a", "b", c)
				checkReport(t, rep, c.Lang)
				rep = diff.Compare(&db.Notice, &da.Notice, "b", "a", c)
				checkReport(t, rep, c.Lang)
			}
			c := fuzzCatalogs[0]
			for _, x := range []*notice.Notice{&da.Notice, &db.Notice} {
				if rep := diff.Compare(x, x, "x", "x", c); len(rep.Changes) > 0 {
					t.Errorf("a notice compared with itself has %d changes, first: %+v", len(rep.Changes), rep.Changes[0])
				}
				if _, any := diff.Compare(x, x, "x", "x", c).Most(); any {
					t.Error("Most reports a change of a notice compared with itself")
				}
			}
		})
	})
}

func checkReport(t *testing.T, rep *diff.Report, lang string) {
	t.Helper()
	if rep == nil {
		t.Fatal("Compare returned nil")
	}
	if rep.Lang != lang {
		t.Errorf("report in %q, want %q", rep.Lang, lang)
	}
	total := 0
	for _, class := range []diff.Class{diff.Editorial, diff.Notable, diff.Material} {
		total += rep.Count(class)
	}
	if total != len(rep.Changes) {
		t.Errorf("counts add up to %d of %d changes", total, len(rep.Changes))
	}
	for _, ch := range rep.Changes {
		if ch.Class < diff.Editorial || ch.Class > diff.Material {
			t.Errorf("change of class %d: %+v", int(ch.Class), ch)
			continue
		}
		_ = ch.Class.String()
		if ch.Section.String() == "" {
			t.Errorf("change in unknown section %q: %+v", ch.Section, ch)
		}
		if strings.TrimSpace(ch.Message) == "" {
			t.Errorf("change without a message: %+v", ch)
		}
		for _, tok := range ch.Redline {
			if tok.Op != "=" && tok.Op != "+" && tok.Op != "-" {
				t.Errorf("redline token with op %q: %+v", tok.Op, ch)
			}
		}
	}
}

// FuzzRedline: Redline never panics, and it loses no word: the kept and
// deleted runs are the old text's words, the kept and inserted runs the
// new text's, in order.
//
//	go test ./internal/diff -run '^$' -fuzz '^FuzzRedline$' -fuzztime 60s -parallel 2
func FuzzRedline(f *testing.F) {
	for _, p := range [][2]string{
		{"", ""},
		{"a", ""},
		{"", "a"},
		{"a b c", "a b c"},
		{"Vi lagrer opplysningene i fem år.", "Vi lagrer opplysningene i ti år etter at saken er avsluttet."},
		{"a b a b a", "b a b a b"},
		{"  leading and\ttrailing\n", "leading\u00a0and trailing"},
		{"x\u2028y\u0085z", "x y z"},
		{"a  b", "a b"},
		{"\xff\xfe a", "a \xff"},
		{strings.Repeat("ord ", 2500), strings.Repeat("ord ", 1601)},
		{strings.Repeat("a ", 2001), strings.Repeat("b ", 2000)},
		{"<script>alert(1)</script> [-x-] {+y+}", "{+y+} [-x-]"},
	} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		testtool.WithDeadline(t, func() {
			ts := diff.Redline(a, b)
			var old, new []string
			for _, tok := range ts {
				if tok.Text == "" {
					t.Errorf("empty %q token", tok.Op)
				}
				switch tok.Op {
				case "=":
					old = append(old, tok.Text)
					new = append(new, tok.Text)
				case "-":
					old = append(old, tok.Text)
				case "+":
					new = append(new, tok.Text)
				default:
					t.Errorf("token with op %q", tok.Op)
				}
			}
			if got, want := strings.Fields(strings.Join(old, " ")), strings.Fields(a); !slices.Equal(got, want) {
				t.Errorf("kept and deleted words\n%q\nare not the old text's words\n%q\ntokens: %q", got, want, ts)
			}
			if got, want := strings.Fields(strings.Join(new, " ")), strings.Fields(b); !slices.Equal(got, want) {
				t.Errorf("kept and inserted words\n%q\nare not the new text's words\n%q\ntokens: %q", got, want, ts)
			}
			if a == b {
				for _, tok := range ts {
					if tok.Op != "=" {
						t.Errorf("equal texts give a %q token: %q", tok.Op, ts)
						break
					}
				}
			}
		})
	})
}

// fuzzSeeds are the real notices and transcriptions in the repository,
// and small or hostile notices.
func fuzzSeeds() [][]byte {
	return testtool.NoticeSeeds(
		[]byte("id: x\ncategories: [{id: a}, {id: b, special: true}]\npurposes: [{id: p, categories: [a, zz]}, {id: q, replaces: p}, {id: r, replaces: r}]\n"),
		[]byte("id: x\nretention: [{id: r, period: P99999999999999999999Y, categories: [a]}, {id: s, period: P-1D}, {id: t, period: \"\"}]\n"),
		[]byte("id: x\nsources: [{id: a, replaces: b}, {id: b, replaces: a}, {id: c, replaces: c}]\nrecipients: [{id: r, replaces: r}, {id: s, replaces: r}]\n"),
		[]byte("id: x\ndpo: {}\nprovision: {}\nrights: {access: {}, \"\": {}}\ntransfers: [{id: t}, {}]\nautomated_decisions: [{id: \"\"}]\n"),
		[]byte("id: x\nupdated: \"2024-02-30\"\nlanguages: [xx, nb, nb]\ntitle: {nb: \"<script>alert(1)</script>\", xx: y}\n"),
	)
}
