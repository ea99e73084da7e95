package render

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestProvisionGrouped holds the provision section to one entry per
// answer: INN printed the same statement and consequences five times, once
// under each purpose the notice's own provision covered.
func TestProvisionGrouped(t *testing.T) {
	r := renderer(t)
	voluntary := &notice.Provision{Requirement: "voluntary", Consequences: notice.Text{"nb": "Sier du nei, får du likevel tjenesten.", "nn": "Seier du nei, får du likevel tenesta."}}
	statutory := &notice.Provision{Requirement: "statutory", Consequences: notice.Text{"nb": "Uten opplysningene kan vi ikke fatte vedtak.", "nn": "Utan opplysningane kan vi ikkje gjere vedtak."}}
	for _, tc := range []struct {
		name  string
		set   []*notice.Provision // per purpose; nil: the notice's own
		own   *notice.Provision
		want  []string
		count map[string]int
	}{
		{
			name:  "one shared answer goes last as the other purposes",
			set:   []*notice.Provision{nil, voluntary, nil, nil},
			own:   statutory,
			want:  []string{"**De andre formålene**"},
			count: map[string]int{"Uten opplysningene kan vi ikke fatte vedtak.": 1, "Sier du nei, får du likevel tjenesten.": 1},
		},
		{
			name:  "two shared answers each list their purposes",
			set:   []*notice.Provision{statutory, voluntary, statutory, voluntary},
			want:  []string{"**Disse formålene:**"},
			count: map[string]int{"Uten opplysningene kan vi ikke fatte vedtak.": 1, "Sier du nei, får du likevel tjenesten.": 1, "**Disse formålene:**": 2},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := loadDir(t, filepath.Join("testdata", "complete"))[0]
			n := d.Notice
			for len(n.Purposes) < len(tc.set) {
				p := n.Purposes[0]
				p.ID += "x"
				p.Name = notice.Text{"nb": "Ekstra formål " + p.ID, "nn": "Ekstra formål " + p.ID}
				n.Purposes = append(n.Purposes, p)
			}
			n.Purposes = n.Purposes[:len(tc.set)]
			for i := range n.Purposes {
				n.Purposes[i].Provision = tc.set[i]
				n.Purposes[i].Groups = nil
				n.Purposes[i].Role = nil
			}
			n.Groups = nil
			n.Provision = tc.own
			var buf bytes.Buffer
			if err := r.Render(&buf, &n, Options{Lang: "nb", Format: "md"}); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			sec := page[strings.Index(page, "### Må du gi oss opplysningene?"):]
			sec = sec[:strings.Index(sec, "[Til innholdet]")]
			for _, w := range tc.want {
				if !strings.Contains(sec, w) {
					t.Errorf("lacks %q:\n%s", w, sec)
				}
			}
			for w, k := range tc.count {
				if got := strings.Count(sec, w); got != k {
					t.Errorf("%q %d times, want %d:\n%s", w, got, k, sec)
				}
			}
		})
	}
}

// TestObjectionLast keeps what applies to every right (how to use them,
// that it is free) before the right to object, which has a heading of its
// own (art. 21(4)): after it, reviewers read those paragraphs as part of
// the right to object.
func TestObjectionLast(t *testing.T) {
	r := renderer(t)
	d := loadDir(t, filepath.Join("testdata", "complete"))[0]
	if _, ok := d.Notice.Rights["objection"]; !ok {
		t.Fatal("the test notice needs the right to object")
	}
	for _, lang := range []string{"nb", "nn"} {
		c, err := r.Catalog(lang)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.Render(&buf, &d.Notice, Options{Lang: lang, Format: "md"}); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		free := strings.Index(page, c.T("rights.free"))
		objection := strings.Index(page, "### "+c.T("right.objection"))
		if free < 0 || objection < 0 || free > objection {
			t.Errorf("%s: %q at %d, the heading of the right to object at %d", lang, c.T("rights.free"), free, objection)
		}
	}
}

// TestAutomatedOnlyWhereItGivesPortability: "automated" is what art.
// 20(1)(b) asks for the right to data portability; a page said "Vi
// behandler disse opplysningene elektronisk" under a purpose resting on a
// legal duty, where it says nothing to a reader.
func TestAutomatedOnlyWhereItGivesPortability(t *testing.T) {
	r := renderer(t)
	c, err := r.Catalog("nb")
	if err != nil {
		t.Fatal(err)
	}
	// nb3 12, nn3 2: the sentence names the basis the purpose has.
	for _, tc := range []struct {
		article string
		shown   bool
		key     string
	}{{"6(1)(a)", true, "purpose.automated.consent"}, {"6(1)(b)", true, "purpose.automated.contract"}, {"6(1)(c)", false, "purpose.automated.consent"}, {"6(1)(e)", false, "purpose.automated.contract"}} {
		d := loadDir(t, filepath.Join("testdata", "complete"))[0]
		n := d.Notice
		n.Purposes = n.Purposes[:1]
		n.Purposes[0].Automated = true
		n.Purposes[0].LegalBasis = []notice.Basis{{Article: tc.article}}
		var buf bytes.Buffer
		if err := r.Render(&buf, &n, Options{Lang: "nb", Format: "txt"}); err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(buf.String()), " ")
		if got := strings.Contains(flat, c.T(tc.key)); got != tc.shown {
			t.Errorf("%s: sentence shown %v, want %v", tc.article, got, tc.shown)
		}
	}
}

// TestArchivedSameDay: a version replaced the day it was published said
// "gjaldt fra 2. desember 2026 til 2. desember 2026" (reviewers).
func TestArchivedSameDay(t *testing.T) {
	r := renderer(t)
	d := loadDir(t, filepath.Join("testdata", "complete"))[0]
	for _, format := range []string{"html", "md", "txt", "summary"} {
		for lang, want := range map[string]string{"nb": "Denne versjonen gjaldt bare 2. desember 2026", "nn": "Denne versjonen galdt berre 2. desember 2026"} {
			var buf bytes.Buffer
			err := r.Render(&buf, &d.Notice, Options{Lang: lang, Format: format, Archive: &Archive{From: "2. desember 2026", To: "2. desember 2026"}})
			if err != nil {
				t.Fatal(err)
			}
			flat := strings.Join(strings.Fields(strings.ReplaceAll(buf.String(), "\u00a0", " ")), " ")
			if !strings.Contains(flat, want) || strings.Contains(flat, " til 2. desember") {
				t.Errorf("%s %s: lacks %q or says from … to", format, lang, want)
			}
		}
	}
}
