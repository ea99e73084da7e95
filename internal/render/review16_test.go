package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
)

// The language reviews of issue 16 (review/nb.md, review/nn.md): each
// test holds a reviewer's example on the corpus, in both languages.

// page renders the example notice id in lang and format. The reviewers
// read the examples in notices/; the tests read a copy of them in
// testdata/examples/, so that an organisation that edits or deletes the
// examples breaks none of our tests. -update copies notices/ there again.
func page(t *testing.T, id, lang, format string) string {
	t.Helper()
	dir := filepath.Join("testdata", "examples")
	if *testtool.Update {
		examplesOnce.Do(func() { copyExamples(t, filepath.Join(testtool.Root(), "notices"), dir) })
	}
	return pageIn(t, dir, id, lang, format)
}

// pageIn renders notice id of folder dir in lang and format.
func pageIn(t *testing.T, dir, id, lang, format string) string {
	t.Helper()
	r := renderer(t)
	for _, d := range loadDir(t, dir) {
		if d.Notice.ID != id {
			continue
		}
		var buf bytes.Buffer
		if err := r.Render(&buf, &d.Notice, Options{Lang: lang, Format: format}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	t.Fatalf("no notice %s in %s", id, dir)
	return ""
}

var examplesOnce sync.Once

// copyExamples makes dst hold the .yaml files of src and nothing else.
func copyExamples(t *testing.T, src, dst string) {
	t.Helper()
	old, _ := filepath.Glob(filepath.Join(dst, "*.yaml"))
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	files, err := filepath.Glob(filepath.Join(src, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func wantIn(t *testing.T, what, text string, want, bad []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
	for _, b := range bad {
		if strings.Contains(text, b) {
			t.Errorf("%s has %q", what, b)
		}
	}
}

// nn 23: "Til USA: avgjerd om tilstrekkeleg vernenivå." had no verb and
// named no article (art. 13(1)(f) asks for the basis).
func TestTransferSentence(t *testing.T) {
	wantIn(t, "nn", page(t, "vinn-hallingdal", "nn", "md"),
		[]string{"Vi overfører opplysningar til USA på grunnlag av ei avgjerd om tilstrekkeleg vernenivå (personvernforordninga artikkel 45)."},
		[]string{"Til USA:"})
	wantIn(t, "nb", page(t, "karrieresenteret-vestfold", "nb", "md"),
		[]string{"Vi overfører opplysninger til USA på grunnlag av en beslutning om tilstrekkelig beskyttelsesnivå (personvernforordningen artikkel 45)."},
		[]string{"Til USA:"})
}

// nb 18, nn 22: "Unntak: Gjelder bare …" labels a limit of scope as an
// exception; "Begrensning"/"Avgrensing" would be the name of the right
// to restriction, so the label is Forbehold/Atterhald. nb 40, art. 12(5):
// "åpenbart grunnløse eller overdrevne".
func TestRightsLimitsLabel(t *testing.T) {
	wantIn(t, "nb", page(t, "inn-trondheim", "nb", "md"), []string{"Forbehold: ", "grunnløs eller overdreven"}, []string{"Unntak: ", "Begrensning: ", "urimelig,"})
	wantIn(t, "nn", page(t, "inn-trondheim", "nn", "md"), []string{"Atterhald: ", "grunnlaus eller overdriven"}, []string{"Unntak: ", "Avgrensing: ", "urimeleg,"})
}

// nb 27: in the Markdown export a list of purposes followed by a list of
// contact details was one list ("Adresse: …" read as a fourth purpose).
func TestMarkdownListsApart(t *testing.T) {
	out, err := mdBlocks([]Block{list(item(plain("Statistikk for nettstedet"))), fields(Field{"Adresse", plain("Klemmavegen 8")})})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "- Statistikk for nettstedet\n\n<!-- -->\n\n- Adresse: Klemmavegen 8") {
		t.Errorf("two lists not kept apart:\n%s", out)
	}
}

// nn 7, nn 13, nb 27: a purpose's heading was the object of "brukar
// opplysningane til dette: - Lærekandidatar"; one purpose was a list of
// one under "noko av dette"; contact details followed a list of purposes
// with no lead. nb 26: the rights contact was said twice, by the tool and
// by the controller's own text. nn 38: the role was said twice in a row
// ("… på vegner av NAV" and "Her er NAV behandlingsansvarleg, og …").
func TestRoleSentences(t *testing.T) {
	nn := page(t, "vinn-hallingdal", "nn", "md")
	wantIn(t, "nn", nn, []string{
		"VINN AS Hallingdal er behandlingsansvarleg for desse formåla:",
		"Slik kontaktar du VINN AS Hallingdal:",
		"For formålet «Tiltak på oppdrag frå NAV» er VINN AS Hallingdal databehandlar for NAV, og NAV er behandlingsansvarleg.",
		"For formålet «Tiltak på oppdrag frå NAV» er det NAV som svarar på førespurnader om rettane dine.\n\nSlik kontaktar du NAV:",
	}, []string{"brukar opplysningane til dette", "noko av dette", "og då kontaktar du", "Her er NAV behandlingsansvarleg, og VINN AS Hallingdal er databehandlar."})
	nb := page(t, "vinn-hallingdal", "nb", "md")
	wantIn(t, "nb", nb, []string{
		"VINN AS Hallingdal er behandlingsansvarlig for disse formålene:",
		"For formålet «Tiltak på oppdrag fra NAV» er det NAV som svarer på forespørsler om rettighetene dine.",
	}, []string{"bruker opplysningene til dette", "noe av dette"})
	for _, lang := range []string{"nb", "nn"} {
		jl := page(t, "joblearn", lang, "md")
		wantIn(t, "joblearn "+lang, jl, nil, []string{"Du bruker rettighetene dine ved å kontakte NAV", "Du brukar rettane dine ved å kontakte NAV"})
		wantIn(t, "joblearn "+lang, jl, []string{map[string]string{"nb": "senest innen én måned", "nn": "seinast innan éin månad"}[lang]}, nil)
	}
}

// nn 10: "Private verksemder gjev oss desse opplysningane: opplysningar i
// saka di." announced a list that never came and said the noun twice.
func TestCategoriesInline(t *testing.T) {
	nn := page(t, "vinn-hallingdal", "nn", "md")
	wantIn(t, "nn", nn, []string{
		// nb4 8: VINN's recipients name their data in the author's
		// words; the tool's line says only the agreement.
		"Vi har ein databehandlaravtale med Google.",
		"Vi har ein databehandlaravtale med dei.",
		"Vi brukar identitetsopplysningar, kontaktopplysningar og opplysningar om tiltaket ditt.",
	}, []string{"desse opplysningane: ", "Opplysningar vi brukar: "})
	nb := page(t, "inn-trondheim", "nb", "md")
	wantIn(t, "nb", nb, []string{"Private virksomheter gir oss opplysninger i saken din."}, []string{"disse opplysningene: ", "Opplysninger vi bruker: "})
}

// nn 48: "be om å rette" asked leave to correct the data oneself, and "og
// be oss avgrense" changed construction mid-sentence; nn 20: the summary
// promised portability of all data where the page limits it; nn 19, nb
// 25: "står i teksten" pointed at no text.
func TestSummaryRights(t *testing.T) {
	nn := page(t, "inn-trondheim", "nn", "summary")
	wantIn(t, "nn", strings.Join(strings.Fields(nn), " "), []string{
		"Du kan be oss om innsyn, om å få opplysningane retta eller sletta og om å avgrense bruken av dei.",
		"Noko av det du har gjeve oss, kan du be om å få utlevert og ta med deg.",
		"Les meir under «Rettane dine».",
	}, []string{"be om å sjå", "ta med deg opplysningane", "i teksten"})
	nb := page(t, "karrieresenteret-vestfold", "nb", "summary")
	wantIn(t, "nb", strings.Join(strings.Fields(nb), " "), []string{
		"Du kan be oss om innsyn, om å få opplysningene rettet eller slettet og om å begrense bruken av dem.",
		"Du kan også protestere mot noe av bruken.",
	}, []string{"be om å se", "ta med deg opplysningene", "i teksten"})
}

// nb 24: one rule by criteria made the summary drop every period the page
// states ("kommer an på hva de brukes til", where the page says 26
// måneder).
func TestSummaryRetentionPeriods(t *testing.T) {
	nb := strings.Join(strings.Fields(page(t, "karrieresenteret-vestfold", "nb", "summary")), " ")
	wantIn(t, "nb", nb, []string{"Opplysninger om hvordan du bruker nettstedet vårt, lagrer vi i 26 måneder etter besøket ditt. Når vi ikke lenger trenger de andre opplysningene, sletter vi dem."}, nil)
	nn := strings.Join(strings.Fields(page(t, "vinn-hallingdal", "nn", "summary")), " ")
	wantIn(t, "nn", nn, []string{"Opplysningar om korleis du brukar nettstaden vår, lagrar vi i 14 månader etter at dei vart samla inn. Når vi ikkje lenger treng dei andre opplysningane, slettar vi dei."}, nil)
}

// nb 7, nn 5: "Så lenge lagrer vi disse opplysningene:" pointed at
// nothing, "Hvor lenge vi lagrer de samme opplysningene:" read as a
// mistake, and one rule was a list of one.
func TestRetentionLeads(t *testing.T) {
	nb := page(t, "kvalifiseringsprogrammet", "nb", "md")
	sec := nb[strings.Index(nb, "(#lagring)\n"):]
	wantIn(t, "nb", sec, []string{"\nReglene gjelder alle opplysningene vi har om deg.\n\nVi tar vare på", "bortsett fra dem som er arkivverdige.\n\nArkivverdige opplysninger"},
		[]string{"de samme opplysningene", "Så lenge lagrer vi", "Hvor lenge vi lagrer disse", "\n- Slik lagrer"})
	nn := page(t, "vinn-hallingdal", "nn", "md")
	wantIn(t, "nn", nn, []string{"- Regelen gjeld desse opplysningane om arbeidssøkjarar, VTA-arbeidstakarar og språkelevar:\n\n  - opplysningar om tiltaket ditt", "- Regelen gjeld desse opplysningane:"},
		[]string{"Så lenge lagrar vi", "Kor lenge vi lagrar desse"})
}

// nn 36: "**Arbeidsgjevar**" headed "arbeidsgjevaren" and "Arbeidsgjevarar
// får …": a party given only by kind is headed in the plural, as the
// sentences under it name it.
func TestKindHeadingsPlural(t *testing.T) {
	nn := page(t, "vinn-hallingdal", "nn", "md")
	wantIn(t, "nn", nn, []string{"- **Arbeidsgjevarar**\n", "- **Databehandlarar**\n", "Vi har ein databehandlaravtale med dei."}, []string{"- **Arbeidsgjevar**\n", "- **Databehandlar**\n"})
	nb := page(t, "kvalifiseringsprogrammet", "nb", "md")
	wantIn(t, "nb", nb, []string{"- **Arbeidsgivere**\n"}, []string{"- **Arbeidsgiver**\n"})
}

// nn 12: "Innsyn, retting, sletting, avgrensing av behandlinga og å
// protestere" joined nouns and an infinitive.
func TestRightsPerGroupNouns(t *testing.T) {
	wantIn(t, "nn", page(t, "vinn-hallingdal", "nn", "md"), []string{"Innsyn, retting, sletting, avgrensing av behandlinga og protest."}, []string{"og å protestere", "og å trekkje"})
	wantIn(t, "nb", page(t, "vinn-hallingdal", "nb", "md"), []string{"og tilbaketrekking av samtykket."}, []string{"og å protestere", "og å trekke"})
}

// rv6nb 4: a processor given by kind, without the author's description,
// was "Databehandlerne våre behandler opplysningene på våre vegne": the
// possessive twice in one sentence.
func TestProcessorPossessiveOnce(t *testing.T) {
	nb := page(t, "kvalifiseringsprogrammet", "nb", "md")
	wantIn(t, "nb", nb, []string{"Databehandlerne behandler opplysningene på våre vegne, etter en databehandleravtale."}, []string{"Databehandlerne våre behandler"})
	nn := page(t, "kvalifiseringsprogrammet", "nn", "md")
	wantIn(t, "nn", nn, []string{"Databehandlarane behandlar opplysningane på vegner av oss, etter ein databehandlaravtale."}, []string{"Databehandlarane våre behandlar"})
}

// rv6nb 9: with two purposes that give data portability, the purpose
// sentence stood twice on the page, word for word; it is said once, in
// the right's item, naming the purposes.
func TestPortabilityOnce(t *testing.T) {
	for _, tc := range []struct{ lang, sentence, names string }{
		{"nb", "kan du be om å få utlevert de opplysningene", "Retten gjelder formålene «Karriereveiledning» og «Nettstatistikk med Google Analytics»."},
		{"nn", "kan du be om å få utlevert dei opplysningane", "Retten gjeld formåla «Karriererettleiing» og «Nettstatistikk med Google Analytics»."},
	} {
		md := page(t, "karrieresenteret-vestfold", tc.lang, "md")
		if n := strings.Count(md, tc.sentence); n != 0 {
			t.Errorf("%s: the purpose portability sentence %d times", tc.lang, n)
		}
		wantIn(t, tc.lang, md, []string{tc.names}, nil)
	}
	// The author's side: the visit data are data the visitor gives, as the
	// right's "opplysningene du har gitt oss" says, not only what "kommer
	// fra nettleseren din".
	wantIn(t, "nb source", page(t, "karrieresenteret-vestfold", "nb", "md"), []string{"Når du besøker nettstedet vårt, gir du oss også opplysninger om hvordan du bruker det"}, []string{"kommer fra nettleseren din"})
	wantIn(t, "nn source", page(t, "karrieresenteret-vestfold", "nn", "md"), []string{"Når du besøkjer nettstaden vår, gjev du oss òg opplysningar om korleis du brukar han"}, []string{"kjem frå nettlesaren din"})
	// One purpose that gives it keeps the sentence under the purpose.
	inn := page(t, "inn-trondheim", "nb", "md")
	if n := strings.Count(inn, "kan du be om å få utlevert de opplysningene"); n != 1 {
		t.Errorf("INN: the portability sentence %d times, want 1", n)
	}
}

// rv6nb 10: "Regelen gjelder disse opplysningene:" and then every category
// of the notice: a rule over all of them says so.
func TestRetentionAllCategories(t *testing.T) {
	nb := page(t, "kvalifiseringsprogrammet", "nb", "md")
	sec := nb[strings.Index(nb, "(#lagring)\n"):]
	wantIn(t, "nb", sec, []string{"\nReglene gjelder alle opplysningene vi har om deg.\n"}, []string{"Reglene gjelder disse opplysningene:"})
	nn := page(t, "kvalifiseringsprogrammet", "nn", "md")
	sec = nn[strings.Index(nn, "(#lagring)\n"):]
	wantIn(t, "nn", sec, []string{"\nReglane gjeld alle opplysningane vi har om deg.\n"}, []string{"Reglane gjeld desse opplysningane:"})
}

// rv6nb 10, with a group: a rule over every category for one group says
// "alle opplysningene vi har om deltakere", not the list.
func TestRetentionAllCategoriesGroup(t *testing.T) {
	r := renderer(t)
	for lang, want := range map[string]string{"nb": "Regelen gjelder alle opplysningene vi har om deltakere.", "nn": "Regelen gjeld alle opplysningane vi har om deltakarar."} {
		d := loadDir(t, filepath.Join("testdata", "complete"))[0]
		n := d.Notice
		// Enough categories that the page would list them as bullets.
		for _, id := range []string{"a", "b", "c"} {
			n.Categories = append(n.Categories, notice.Category{ID: "ekstra_" + id, Label: notice.Text{"nb": "ekstra " + id + " og mer", "nn": "ekstra " + id + " og meir"}})
		}
		var ids []string
		for _, c := range n.Categories {
			ids = append(ids, c.ID)
		}
		n.Retention = []notice.Retention{{ID: "alt", Categories: ids, Groups: []string{"deltakere"}, Criteria: map[string]string{"nb": "Vi sletter dem når saken er ferdig.", "nn": "Vi slettar dei når saka er ferdig."}}}
		var buf bytes.Buffer
		if err := r.Render(&buf, &n, Options{Lang: lang, Format: "md"}); err != nil {
			t.Fatal(err)
		}
		wantIn(t, lang, buf.String(), []string{want}, []string{"disse opplysningene om deltakere:", "desse opplysningane om deltakarar:"})
	}
}
