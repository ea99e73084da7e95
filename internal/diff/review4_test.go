package diff

import (
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
)

// lines4 compares base, changed by from on both sides, with the same
// changed by to, in lang, and returns the changes whose key starts with
// prefix.
func lines4(t *testing.T, lang, prefix string, from, to func(n *notice.Notice)) []Change {
	t.Helper()
	old, new := base(), base()
	if from != nil {
		from(&old)
		from(&new)
	}
	to(&new)
	var out []Change
	for _, ch := range Compare(&old, &new, "a", "b", catalog(t, lang)).Changes {
		if strings.HasPrefix(ch.Key, prefix) && (ch.Lang == "" || ch.Lang == lang) {
			out = append(out, ch)
		}
	}
	return out
}

// TestFlooredTextCase: a change of space or letter case alone is editorial
// in every text, floored or not; punctuation keeps a floor; a reworded
// interest or law does not say the basis changed (review nb4 3, nn4 1).
func TestFlooredTextCase(t *testing.T) {
	interests := func(s string) func(n *notice.Notice) {
		return func(n *notice.Notice) {
			n.Purposes[1].LegalBasis = []notice.Basis{{Article: "6(1)(f)", Interests: notice.Text{"nb": s, "nn": s}}}
		}
	}
	for _, tt := range []struct {
		name       string
		from, to   func(n *notice.Notice)
		lang       string
		class      Class
		want, rule string
	}{
		{"case of an interest", interests("Å kunne tilby god kundeservice."), interests("å kunne tilby  god kundeservice."), "nb", Editorial, "", "wording"},
		{"case of an interest, nn", interests("Å kunne tilby god kundeservice."), interests("å kunne tilby god kundeservice."), "nn", Editorial, "", "wording"},
		{"case of a law", nil, func(n *notice.Notice) {
			n.Purposes[0].LegalBasis[0].NationalLaw = notice.Text{"nb": "Sosialtjenesteloven § 29", "nn": "Sosialtenestelova § 29"}
		}, "nb", Editorial, "", "wording"},
		{"punctuation of a law keeps its floor", func(n *notice.Notice) {
			n.Purposes[0].LegalBasis[0].NationalLaw = notice.Text{"nb": "sosialtjenesteloven §§ 41–44"}
		}, func(n *notice.Notice) {
			n.Purposes[0].LegalBasis[0].NationalLaw = notice.Text{"nb": "sosialtjenesteloven §§ 41, 44"}
		}, "nb", Material, "Henvisningen til loven i behandlingsgrunnlaget for formålet «Saksbehandling» har fått ny ordlyd. Les den nye teksten: meningen kan være endret.", "changed-legal-basis"},
		{"an interest reworded", interests("Å kunne tilby god kundeservice."), interests("Å gi deg god kundeservice."), "nb", Material,
			"Teksten om de berettigede interessene våre for formålet «Nyhetsbrev» har fått ny ordlyd. Les den nye teksten: meningen kan være endret.", "changed-legal-basis"},
		{"an interest reworded, nn", interests("Å kunne tilby god kundeservice."), interests("Å gje deg god kundeservice."), "nn", Material,
			"Teksten om dei berettiga interessene våre for formålet «Nyheitsbrev» har fått ny ordlyd. Les den nye teksten: meininga kan vere endra.", "changed-legal-basis"},
	} {
		got := lines4(t, tt.lang, "purposes/", tt.from, tt.to)
		if len(got) != 1 {
			t.Errorf("%s: want one change, got %+v", tt.name, got)
			continue
		}
		ch := got[0]
		if ch.Class != tt.class || ch.Rule != tt.rule || (tt.want != "" && ch.Reader != tt.want) {
			t.Errorf("%s: got %s %s %q, want %s %s %q", tt.name, ch.Class, ch.Rule, ch.Reader, tt.class, tt.rule, tt.want)
		}
		if strings.Contains(ch.Reader, "grunnlaget er endr") {
			t.Errorf("%s: %q says the basis changed", tt.name, ch.Reader)
		}
	}
}

// TestRightTextOnlyRemoves: a text on a right that only loses words, or
// gets a spelling fix, is notable and read, not a warning that the right
// may be harder to use; any other rewording keeps the warning, in one
// phrasing for limits and for how (review nb4 2, nn4 3).
func TestRightTextOnlyRemoves(t *testing.T) {
	limits := func(s string) func(n *notice.Notice) {
		return func(n *notice.Notice) {
			n.Rights["portability"] = notice.Right{Limits: notice.Text{"nb": s}}
		}
	}
	how := func(s string) func(n *notice.Notice) {
		return func(n *notice.Notice) { n.Rights["access"] = notice.Right{How: notice.Text{"nb": s}} }
	}
	for _, tt := range []struct {
		name     string
		from, to func(n *notice.Notice)
		class    Class
		want     string
	}{
		{"a limit loses a condition and gains its subject",
			limits("Gjelder bare opplysninger du selv har gitt oss, og som vi behandler på grunnlag av samtykket ditt."),
			limits("Retten gjelder bare opplysninger vi behandler på grunnlag av samtykket ditt."),
			Notable, "Forbeholdet for retten til dataportabilitet har fått ny ordlyd. Les den nye teksten: meningen kan være endret."},
		{"a limit loses an alternative",
			limits("Gjelder bare opplysninger du har gitt oss eller som vi har fått fra NAV."),
			limits("Gjelder bare opplysninger du har gitt oss."),
			Material, "Forbeholdet for retten til dataportabilitet har fått ny ordlyd. Les den nye teksten: det kan ha blitt vanskeligere å bruke retten."},
		// Words added for grammar restrict nothing (Karrieresenteret 1.4, review nb5 2).
		{"how gains words for grammar", how("Trekker du samtykket, stopper behandlingen."), how("Trekker du samtykket tilbake, stopper vi behandlingen."),
			Notable, "Teksten om hvordan du bruker retten til innsyn, har fått ny ordlyd. Les den nye teksten: meningen kan være endret."},
		{"how gains a condition", how("Trekker du samtykket, stopper behandlingen."), how("Trekker du samtykket skriftlig, stopper vi behandlingen."),
			Material, "Teksten om hvordan du bruker retten til innsyn, har fått ny ordlyd. Les den nye teksten: det kan ha blitt vanskeligere å bruke retten."},
		{"how gains a step", how("Kontakt rådgiveren din ved INN."), how("Kontakt rådgiveren din ved INN med legitimasjon."),
			Material, "Teksten om hvordan du bruker retten til innsyn, har fått ny ordlyd. Les den nye teksten: det kan ha blitt vanskeligere å bruke retten."},
		// INN 1.4 and 1.2: sentences taken away, a law's spelling fixed.
		{"how loses sentences", how("Kontakt rådgiveren din ved INN. Du får svar innen en måned. Svaret er gratis."), how("Kontakt rådgiveren din ved INN."),
			Notable, "Teksten om hvordan du bruker retten til innsyn, har fått ny ordlyd. Les den nye teksten: meningen kan være endret."},
		{"limit loses a pointer, law spelled anew", limits("Etter arkivloven må vi ta vare på saken. Les mer på nettsidene til Datatilsynet."), limits("Etter arkivlova må vi ta vare på saken."),
			Notable, "Forbeholdet for retten til dataportabilitet har fått ny ordlyd. Les den nye teksten: meningen kan være endret."},
		{"how loses a way", how("Skriv til oss og ring oss."), how("Skriv til oss."),
			Material, "Teksten om hvordan du bruker retten til innsyn, har fått ny ordlyd. Les den nye teksten: det kan ha blitt vanskeligere å bruke retten."},
		{"how spelling fix", how("Skriv til postmotaket."), how("Skriv til postmottaket."),
			Notable, "Teksten om hvordan du bruker retten til innsyn, har fått ny ordlyd. Les den nye teksten: meningen kan være endret."},
		{"how loses a courtesy", how("Skriv gjerne til oss."), how("Skriv til oss."),
			Notable, "Teksten om hvordan du bruker retten til innsyn, har fått ny ordlyd. Les den nye teksten: meningen kan være endret."},
	} {
		got := lines4(t, "nb", "rights/", tt.from, tt.to)
		if len(got) != 1 {
			t.Errorf("%s: want one change, got %+v", tt.name, got)
			continue
		}
		if ch := got[0]; ch.Class != tt.class || ch.Reader != tt.want {
			t.Errorf("%s: got %s %q, want %s %q", tt.name, ch.Class, ch.Reader, tt.class, tt.want)
		}
	}
}

// TestRemovedPartySameHeading: a party given only by its kind, removed
// while another with the same heading stays, is said as what happened:
// the two became one, or one of them went, named by what it said
// (review nb4 1, nn4 2).
func TestRemovedPartySameHeading(t *testing.T) {
	from := func(n *notice.Notice) {
		n.Recipients = append(n.Recipients,
			notice.Recipient{ID: "a", Kind: "other", Description: notice.Text{"nb": "Andre offentlige virksomheter.", "nn": "Andre offentlege verksemder."}},
			notice.Recipient{ID: "b", Kind: "other", Description: notice.Text{"nb": "Andre, for eksempel familiemedlemmer, får opplysninger med samtykke. Mer tekst.", "nn": "Andre, til dømes familiemedlemmer, får opplysningar med samtykke."}})
	}
	for _, tt := range []struct {
		name, lang string
		to         func(n *notice.Notice)
		want       string
	}{
		{"merged", "nb", func(n *notice.Notice) {
			n.Recipients = n.Recipients[:2]
			n.Recipients[1].Description = notice.Text{"nb": "Andre offentlige virksomheter.\n\nFamiliemedlemmer får opplysninger med samtykke.", "nn": "Andre offentlege verksemder.\n\nFamiliemedlemer får opplysningar med samtykke."}
		}, "De to mottakerne med overskriften «Andre mottakere» er slått sammen til én. Før sto det i den ene: «Andre, for eksempel familiemedlemmer, får opplysninger med samtykke.» Les den nye teksten under «Andre mottakere»."},
		{"merged, nn", "nn", func(n *notice.Notice) {
			n.Recipients = n.Recipients[:2]
			n.Recipients[1].Description = notice.Text{"nb": "x", "nn": "Andre offentlege verksemder og familiemedlemer."}
		}, "Dei to mottakarane med overskrifta «Andre mottakarar» er slått saman til éin. Før stod det i den eine: «Andre, til dømes familiemedlemmer, får opplysningar med samtykke.» Les den nye teksten under «Andre mottakarar»."},
		{"one gone", "nb", func(n *notice.Notice) { n.Recipients = n.Recipients[:2] },
			"En av mottakerne med overskriften «Andre mottakere» er fjernet. Før sto det i den ene: «Andre, for eksempel familiemedlemmer, får opplysninger med samtykke.»"},
	} {
		var got []string
		for _, ch := range lines4(t, tt.lang, "recipients/b", from, tt.to) {
			got = append(got, ch.Message)
			if ch.Message != tt.want {
				t.Errorf("%s: got %q, want %q", tt.name, ch.Message, tt.want)
			}
		}
		if len(got) != 1 {
			t.Errorf("%s: want one line, got %q", tt.name, got)
		}
	}
}

// TestBasisReplaced: one basis in place of another is one line, with the
// regulation's name; a basis only removed "bygger ikke lenger på"
// (review nb4 4).
func TestBasisReplaced(t *testing.T) {
	for _, tt := range []struct {
		name, lang string
		to         func(n *notice.Notice)
		want       []string
	}{
		{"replaced", "nb", func(n *notice.Notice) {
			n.Purposes[1].LegalBasis = []notice.Basis{{Article: "6(1)(f)", Interests: notice.Text{"nb": "x"}}}
		},
			[]string{"Formålet «Nyhetsbrev» bygger nå på personvernforordningen artikkel\u00a06 nr.\u00a01 bokstav\u00a0f (nødvendig for å ivareta berettigede interesser etter en interesseavveining), ikke lenger på bokstav\u00a0a (samtykke)."}},
		{"replaced, nn", "nn", func(n *notice.Notice) { n.Purposes[1].LegalBasis = []notice.Basis{{Article: "6(1)(b)"}} },
			[]string{"Formålet «Nyheitsbrev» byggjer no på personvernforordninga artikkel\u00a06 nr.\u00a01 bokstav\u00a0b (nødvendig for å oppfylle ein avtale med deg), ikkje lenger på bokstav\u00a0a (samtykke)."}},
		{"removed", "nb", func(n *notice.Notice) {
			n.Purposes[0].LegalBasis = append(n.Purposes[0].LegalBasis, notice.Basis{Article: "6(1)(c)"})
		}, []string{"Formålet «Saksbehandling» har fått et nytt behandlingsgrunnlag: personvernforordningen artikkel\u00a06 nr.\u00a01 bokstav\u00a0c (nødvendig for å oppfylle en rettslig plikt)."}},
	} {
		var got []string
		for _, ch := range lines4(t, tt.lang, "purposes/", nil, tt.to) {
			got = append(got, strings.ReplaceAll(ch.Message, " ", "\u00a0"))
		}
		var want []string
		for _, w := range tt.want {
			want = append(want, strings.ReplaceAll(w, " ", "\u00a0"))
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: got %q, want %q", tt.name, got, want)
		}
	}
	old, new := base(), base()
	new.Purposes[0].LegalBasis = append(new.Purposes[0].LegalBasis, notice.Basis{Article: "6(1)(c)"})
	old.Purposes[0].LegalBasis = new.Purposes[0].LegalBasis
	new.Purposes[0].LegalBasis = new.Purposes[0].LegalBasis[:1]
	for _, ch := range Compare(&old, &new, "a", "b", catalog(t, "nb")).Changes {
		if w := "Formålet «Saksbehandling» bygger ikke lenger på personvernforordningen artikkel"; ch.Key != "version" && !strings.HasPrefix(ch.Message, w) {
			t.Errorf("removed: %q, want %q…", ch.Message, w)
		}
	}
}

// TestGroupsInSentences: a purpose or rule narrowed to some groups says
// what it was before in a sentence, a rule of data about them; a source
// given by its kind is quoted as its page heading (review nb4 12, nn4 16).
func TestGroupsInSentences(t *testing.T) {
	groups := func(n *notice.Notice) {
		n.Groups = []notice.Group{{ID: "a", Label: notice.Text{"nb": "arbeidssøkere", "nn": "arbeidssøkjarar"}}}
	}
	for _, tt := range []struct {
		lang, prefix string
		from, to     func(n *notice.Notice)
		want         string
	}{
		{"nb", "retention/", groups, func(n *notice.Notice) { n.Retention[0].Groups = []string{"a"} },
			"Regelen for hvor lenge vi lagrer kontaktopplysninger og opplysninger om inntekt, gjelder nå bare opplysninger om arbeidssøkere. Før gjaldt den opplysninger om alle."},
		{"nn", "retention/", groups, func(n *notice.Notice) { n.Retention[0].Groups = []string{"a"} },
			"Regelen for kor lenge vi lagrar kontaktopplysningar og opplysningar om inntekt, gjeld no berre opplysningar om arbeidssøkjarar. Før galdt han opplysningar om alle."},
		{"nn", "retention/", func(n *notice.Notice) { groups(n); n.Retention[0].Groups = []string{"a"} }, func(n *notice.Notice) { n.Retention[0].Groups = nil },
			"Regelen for kor lenge vi lagrar kontaktopplysningar og opplysningar om inntekt, gjeld no opplysningar om alle, ikkje berre om arbeidssøkjarar."},
		{"nn", "purposes/", groups, func(n *notice.Notice) { n.Purposes[0].Groups = []string{"a"} },
			"Formålet «Sakshandsaming» gjeld no berre arbeidssøkjarar. Før galdt det alle."},
		{"nb", "sources/you", nil, func(n *notice.Notice) {
			n.Sources[0].Description = notice.Text{"nb": "Du gir oss det.", "nn": "Du gjev oss det."}
		},
			"Beskrivelsen av kilden «Deg selv» er lagt til."},
	} {
		var got []string
		for _, ch := range lines4(t, tt.lang, tt.prefix, tt.from, tt.to) {
			r := ch.Reader
			if r == "" {
				r = ch.Message
			}
			got = append(got, r)
		}
		if len(got) == 0 || !strings.HasPrefix(got[0], tt.want) {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// TestRetentionEndNamed: two rules for all the data, told apart by their
// end, do not say that all the data are archived (review nn4 4).
func TestRetentionEndNamed(t *testing.T) {
	from := func(n *notice.Notice) {
		all := []string{"contact", "income", "age", "caseno"}
		n.Categories = nil
		for _, id := range all {
			n.Categories = append(n.Categories, notice.Category{ID: id, Label: notice.Text{"nb": "opplysninger om " + id + " og om saken din", "nn": "opplysningar om " + id + " og om saka di"}})
		}
		n.Retention = []notice.Retention{
			{ID: "r", Categories: all, Criteria: notice.Text{"nb": "Til saken er ferdig.", "nn": "Til saka er ferdig."}, Then: "delete"},
			{ID: "a", Categories: all, Criteria: notice.Text{"nb": "Noe arkiveres.", "nn": "Noko blir arkivert."}, Then: "archive"},
		}
	}
	got := lines4(t, "nn", "retention/a", from, func(n *notice.Notice) {
		n.Retention[1].Criteria = notice.Text{"nb": "Saker arkiveres.", "nn": "Saker blir arkiverte."}
	})
	want := "Kriteria for kor lenge vi lagrar opplysningane før vi arkiverer dei, har fått ny ordlyd."
	if len(got) == 0 || !strings.HasPrefix(got[0].Reader, want) {
		t.Errorf("got %+v, want %q", got, want)
	}
}

// TestTitleBeforeIntroduction: «Tittel og innledning» lists a new title
// before a new introduction, as the page shows them (review nb4 7).
func TestTitleBeforeIntroduction(t *testing.T) {
	got := lines4(t, "nb", "", nil, func(n *notice.Notice) {
		n.Title = notice.Text{"nb": "Ny tittel", "nn": "Ny tittel"}
		n.Introduction = notice.Text{"nb": "Ny innledning om behandlingen.", "nn": "Ny innleiing om behandlinga."}
	})
	var keys []string
	for _, ch := range got {
		if ch.Section == section.Intro && ch.Lang == "nb" {
			keys = append(keys, ch.Key)
		}
	}
	if len(keys) != 2 || keys[0] != "title/nb" {
		t.Errorf("intro changes in order %q, want title/nb first", keys)
	}
}
