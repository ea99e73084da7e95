package summary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/templates"
)

var update = testtool.Update // go test -update rewrites the goldens

func catalog(t testing.TB, lang string) *i18n.Catalog {
	t.Helper()
	c, err := i18n.Load(templates.FS, lang)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// notices loads the fixed corpus, testdata/notices: the plain-language
// measures and goldens are of personvern's wording for these notices, so
// they do not move when an organisation edits its own notices/.
func notices(t testing.TB) []*notice.Document {
	t.Helper()
	return testtool.LoadNotices(t, testtool.Corpus())
}

// TestPlainLanguage: every summary of the corpus is easy to read, measured:
// LIX at most 40 and no sentence over 20 words, in both languages, and no
// legal citations.
func TestPlainLanguage(t *testing.T) {
	for _, d := range notices(t) {
		for _, lang := range d.Notice.Languages {
			s := Build(&d.Notice, catalog(t, lang))
			text := s.Text()
			st := Measure(text)
			if st.LIX > 40 {
				t.Errorf("%s %s: LIX %.1f > 40:\n%s", d.Notice.ID, lang, st.LIX, text)
			}
			if st.Longest > MaxWords {
				t.Errorf("%s %s: a sentence of %d words: %q", d.Notice.ID, lang, st.Longest, st.LongestSentence)
			}
			for _, legal := range []string{"artikkel", "personvernforordning", "GDPR", "§", "nr. ", "bokstav"} {
				if strings.Contains(text, legal) {
					t.Errorf("%s %s: legal citation %q in the summary", d.Notice.ID, lang, legal)
				}
			}
			if len(s.Items) < 8 {
				t.Errorf("%s %s: only %d topics", d.Notice.ID, lang, len(s.Items))
			}
		}
	}
}

func TestGolden(t *testing.T) {
	for _, d := range notices(t) {
		for _, lang := range d.Notice.Languages {
			s := Build(&d.Notice, catalog(t, lang))
			var b strings.Builder
			for _, it := range s.Items {
				b.WriteString("#" + it.Section.String() + ": " + it.Plain() + "\n")
			}
			st := Measure(s.Text())
			b.WriteString(strings.TrimSpace(strings.ReplaceAll(formatStats(st), "\n", " ")) + "\n")
			golden := filepath.Join("testdata", d.Notice.ID+"."+lang+".golden")
			if *update {
				_ = os.MkdirAll("testdata", 0o755)
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(want) != b.String() {
				t.Errorf("%s differs; run go test ./internal/summary -update and review:\n%s", golden, b.String())
			}
		}
	}
}

func formatStats(st Stats) string {
	return strings.Join([]string{"LIX", ftoa(st.LIX), "sentences", itoa(st.Sentences), "longest", itoa(st.Longest)}, " ")
}

func ftoa(f float64) string { return strings.TrimRight(strings.TrimRight(strconvF(f), "0"), ".") }

func TestMeasure(t *testing.T) {
	st := Measure("Vi er NAV. Du når oss på post@nav.no. Opplysningsplikten gjelder.")
	// "post@nav.no" is one word of nine letters; dots inside it end no sentence.
	if st.Sentences != 3 || st.Words != 10 || st.LongWords != 3 || st.Longest != 5 {
		t.Errorf("%+v", st)
	}
	// 10 words / 3 sentences + 100 * 3 long / 10 words
	if want := 10.0/3 + 100.0*3/10; st.LIX != want {
		t.Errorf("LIX %v, want %v", st.LIX, want)
	}
}

// base is a minimal notice; the cases below add one feature each.
func base() notice.Notice {
	return notice.Notice{
		ID: "t", Languages: []string{"nb", "nn"}, Title: notice.Text{"nb": "T", "nn": "T"},
		Controller: notice.Controller{Name: notice.PlainName("Eksempel kommune"), Kind: "public_authority", Email: "post@eksempel.no"},
		Categories: []notice.Category{{ID: "contact"}},
		Purposes:   []notice.Purpose{{ID: "p", Name: notice.Text{"nb": "Saksbehandling", "nn": "Sakshandsaming"}, Categories: []string{"contact"}, LegalBasis: []notice.Basis{{Article: "6(1)(e)"}}}},
		Sources:    []notice.Source{{ID: "you", Kind: "data_subject"}},
		Retention:  []notice.Retention{{ID: "r", Categories: []string{"contact"}, Period: "P6M", Then: "delete"}},
		Rights:     notice.Rights{"access": {}, "rectification": {}, "erasure": {}, "restriction": {}, "objection": {}},
	}
}

func TestCases(t *testing.T) {
	tests := []struct {
		name   string
		change func(n *notice.Notice)
		nb, nn []string // sentences that must be there
		not    []string // must not be there (nb)
	}{
		{"plain", func(n *notice.Notice) {},
			[]string{"Vi er Eksempel kommune.", "Vi bruker opplysninger om deg til ett formål: «Saksbehandling».", "Du gir oss opplysningene selv.", "Vi deler ikke opplysningene med andre.", "Vi sender ikke opplysningene ut av EU/EØS.", "Vi lagrer opplysningene i 6 måneder.", "Du kan be oss om innsyn, om å få opplysningene rettet eller slettet og om å begrense bruken av dem.", "Du kan også protestere mot bruken.", "Du kan klage til Datatilsynet.", "Ingen avgjørelser om deg blir tatt helt automatisk."},
			[]string{"Vi brukar opplysningar om deg til eitt formål: «Sakshandsaming».", "Du gjev oss opplysningane sjølv.", "Vi sender ikkje opplysningane ut av EU/EØS.", "Vi lagrar opplysningane i 6 månader.", "Du kan be oss om innsyn, om å få opplysningane retta eller sletta og om å avgrense bruken av dei.", "Ingen avgjerder om deg blir tekne heilt automatisk."},
			[]string{"sensitivt", "samtykke", "opptil", "EU og EØS", "står i teksten"}},
		{"special category", func(n *notice.Notice) {
			n.Categories = append(n.Categories, notice.Category{ID: "health"})
		}, []string{"Noe av dette er sensitivt, som opplysninger om helsen din."}, []string{"Noko av dette er sensitivt, som opplysningar om helsa di."}, nil},
		{"other sources", func(n *notice.Notice) {
			n.Sources = append(n.Sources, notice.Source{ID: "nav", Kind: "public_authority", Name: notice.PlainName("NAV")}, notice.Source{ID: "e", Kind: "employer"})
		}, []string{"Vi får også opplysninger fra NAV og arbeidsgivere."}, []string{"Vi får òg opplysningar frå NAV og arbeidsgjevarar."}, nil},
		{"only other sources", func(n *notice.Notice) {
			n.Sources = []notice.Source{{ID: "nav", Kind: "public_authority", Name: notice.PlainName("NAV")}}
		}, []string{"Vi får opplysningene fra NAV."}, []string{"Vi får opplysningane frå NAV."}, []string{"Du gir oss"}},
		{"recipients", func(n *notice.Notice) {
			n.Recipients = []notice.Recipient{{ID: "s", Kind: "public_authority", Name: notice.PlainName("Skatteetaten")}, {ID: "h", Kind: "processor"}}
		}, []string{"Vi deler opplysninger med Skatteetaten. Leverandører som behandler opplysninger for oss, får også tilgang til dem."}, []string{"Vi deler opplysningar med Skatteetaten. Leverandørar som behandlar opplysningar for oss, får òg tilgang til dei."}, []string{"firmaer som hjelper oss"}},
		// A processor works for us: it is not someone we "share" with
		// (Karrieresenteret's summary said "Vi deler opplysninger med
		// Google … og firmaer som hjelper oss" above "Vi gir ikke
		// opplysningene dine videre").
		{"processors only", func(n *notice.Notice) {
			n.Recipients = []notice.Recipient{{ID: "h", Kind: "processor"}}
		}, []string{"Vi deler ikke opplysningene med andre enn leverandører som behandler dem for oss."}, []string{"Vi deler ikkje opplysningane med andre enn leverandørar som behandlar dei for oss."}, []string{"Vi deler opplysninger"}},
		{"named processors", func(n *notice.Notice) {
			n.Recipients = []notice.Recipient{{ID: "g", Kind: "processor", Name: notice.PlainName("Google")}, {ID: "h", Kind: "processor"}, {ID: "e", Kind: "employer"}}
		}, []string{"Vi deler opplysninger med arbeidsgivere. Google og andre leverandører behandler opplysninger for oss."}, []string{"Google og andre leverandørar behandlar opplysningar for oss."}, []string{"med Google"}},
		{"transfers", func(n *notice.Notice) {
			n.Transfers = []notice.Transfer{{ID: "t", Country: "US", Safeguard: "scc"}}
		}, []string{"Noen opplysninger sender vi til USA, som er utenfor EU/EØS."}, []string{"Nokre opplysningar sender vi til USA, som er utanfor EU/EØS."}, nil},
		// Several countries are one list; an organisation is not a place
		// outside EU/EØS but said as what it is.
		{"transfers to several", func(n *notice.Notice) {
			n.Transfers = []notice.Transfer{{ID: "t", Country: "US", Safeguard: "scc"}, {ID: "u", Country: "IN", Safeguard: "scc"}, {ID: "o", Organisation: notice.PlainName("WHO"), Safeguard: "scc"}}
		}, []string{"Noen opplysninger sender vi til USA og India, som er utenfor EU/EØS.", "Noen opplysninger sender vi til WHO, som er en internasjonal organisasjon."},
			[]string{"Nokre opplysningar sender vi til USA og India, som er utanfor EU/EØS.", "Nokre opplysningar sender vi til WHO, som er ein internasjonal organisasjon."}, []string{"land utenfor"}},
		{"consent", func(n *notice.Notice) {
			n.Purposes[0].LegalBasis = []notice.Basis{{Article: "6(1)(a)"}}
			n.Purposes[0].Automated = true
			n.Rights["withdraw_consent"] = notice.Right{}
			n.Rights["portability"] = notice.Right{}
		}, []string{"Du kan trekke tilbake samtykket når du vil.", "ta med deg"}, []string{"Du kan trekkje tilbake samtykket når du vil."}, []string{"protestere"}},
		// Art. 20(1)(b): consent without automated processing gives no
		// portability, even when the notice lists it.
		{"consent on paper", func(n *notice.Notice) {
			n.Purposes[0].LegalBasis = []notice.Basis{{Article: "6(1)(a)"}}
			n.Rights["withdraw_consent"] = notice.Right{}
			n.Rights["portability"] = notice.Right{}
		}, []string{"Du kan trekke tilbake samtykket når du vil."}, nil, []string{"ta med deg", "protestere"}},
		// Art. 21(1): objection holds for the purposes on 6(1)(e) or (f)
		// only; the summary said "Du kan også protestere mot bruken" where
		// the page limits it to statistics.
		{"objection to some purposes", func(n *notice.Notice) {
			p := n.Purposes[0]
			p.ID, p.LegalBasis = "samtykke", []notice.Basis{{Article: "6(1)(a)"}}
			n.Purposes = append(n.Purposes, p)
			n.Rights["withdraw_consent"] = notice.Right{}
		}, []string{"Du kan også protestere mot noe av bruken."}, []string{"Du kan òg protestere mot noko av bruken."}, []string{"protestere mot bruken"}},
		// Art. 21(2): direct marketing can be objected to whatever the basis.
		{"direct marketing", func(n *notice.Notice) {
			n.Purposes[0].LegalBasis = []notice.Basis{{Article: "6(1)(a)"}}
			n.Purposes[0].DirectMarketing = true
			n.Rights["withdraw_consent"] = notice.Right{}
			n.Rights["objection"] = notice.Right{}
		}, []string{"Du kan også protestere mot bruken."}, nil, nil},
		{"automated decisions", func(n *notice.Notice) {
			n.AutomatedDecisions = []notice.AutomatedDecision{{ID: "a"}}
			n.Rights["human_review"] = notice.Right{}
		}, []string{"Noen avgjørelser om deg blir tatt helt automatisk.", "Du kan be om at et menneske ser på dem."}, []string{"Nokre avgjerder om deg blir tekne heilt automatisk.", "Du kan be om at eit menneske ser på dei."}, []string{"maskin"}},
		{"criteria and archive", func(n *notice.Notice) {
			n.Retention = []notice.Retention{{ID: "r", Criteria: notice.Text{"nb": "x"}, Then: "archive"}}
		}, []string{"Når vi ikke lenger trenger opplysningene, arkiverer vi dem."}, []string{"Når vi ikkje lenger treng opplysningane, arkiverer vi dei."}, []string{"saken", "kommer an på", "kjem an på", "Noe må vi", "Noko må vi"}},
		{"period, then archive", func(n *notice.Notice) {
			n.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact"}, Period: "P5Y", Then: "archive"}}
		}, []string{"Vi lagrer opplysningene i 5 år. Deretter arkiverer vi dem."}, []string{"Vi lagrar opplysningane i 5 år. Deretter arkiverer vi dei."}, []string{"Noe må vi", "Noko må vi"}},
		// nn3 4: one rule that deletes, one that archives, over the same data.
		{"criteria, delete and archive", func(n *notice.Notice) {
			n.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact"}, Criteria: notice.Text{"nb": "x"}, Then: "delete"}, {ID: "a", Categories: []string{"contact"}, Criteria: notice.Text{"nb": "y"}, Then: "archive"}}
		}, []string{"Når vi ikke lenger trenger opplysningene, sletter vi dem. Noe må vi likevel ta vare på i arkivet."}, []string{"Når vi ikkje lenger treng opplysningane, slettar vi dei. Noko må vi likevel ta vare på i arkivet."}, []string{"kommer an på", "kjem an på"}},
		// One period is said as the notice says it, with its starting
		// point; "opptil" is only the longest of periods that differ.
		{"one period from a point", func(n *notice.Notice) {
			n.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact"}, Period: "P12W", From: notice.Text{"nb": "at sluttrapporten er sendt", "nn": "at sluttrapporten er send"}, Then: "delete"}}
		}, []string{"Vi lagrer opplysningene i 12 uker etter at sluttrapporten er sendt."}, []string{"Vi lagrar opplysningane i 12 veker etter at sluttrapporten er send."}, []string{"opptil"}},
		// A period the notice says is the longest (at_most, "senest 12
		// uker") is "opptil", never a promise to keep the data that long.
		{"one period that is the longest", func(n *notice.Notice) {
			n.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact"}, Period: "P12W", AtMost: true, From: notice.Text{"nb": "at sluttrapporten er sendt", "nn": "at sluttrapporten er send"}, Then: "delete_or_anonymise"}}
		}, []string{"Vi lagrer opplysningene i opptil 12 uker etter at sluttrapporten er sendt."}, []string{"Vi lagrar opplysningane i opptil 12 veker etter at sluttrapporten er send."}, nil},
		{"periods that differ", func(n *notice.Notice) {
			n.Retention = append(n.Retention, notice.Retention{ID: "r2", Categories: []string{"contact"}, Period: "P5Y", Then: "delete"})
		}, []string{"Vi lagrer opplysningene i opptil 5 år."}, []string{"Vi lagrar opplysningane i opptil 5 år."}, nil},
		// Cookies that are not necessary are set only on a yes (ekomloven
		// § 3-15): the reader is told so, and that they may say no.
		{"cookies", func(n *notice.Notice) {
			n.Recipients = []notice.Recipient{{ID: "g", Kind: "processor", Name: notice.PlainName("Google")}}
			n.Cookies = []notice.Cookie{{ID: "s", Provider: "controller", Necessary: true}, {ID: "ga", Provider: "g"}, {ID: "gid", Provider: "g"}, {ID: "own", Provider: "controller"}}
		}, []string{"Vi bruker informasjonskapsler som ikke er strengt nødvendige, bare hvis du sier ja. Noen av dem kommer fra Google. Du kan si nei, og du kan endre svaret ditt senere."},
			[]string{"Vi brukar informasjonskapslar som ikkje er strengt nødvendige, berre viss du seier ja. Nokre av dei kjem frå Google. Du kan seie nei, og du kan endre svaret ditt seinare."}, nil},
		// One cookie of others is not "noen av dem".
		{"one cookie from others", func(n *notice.Notice) {
			n.Recipients = []notice.Recipient{{ID: "g", Kind: "processor", Name: notice.PlainName("Google")}}
			n.Cookies = []notice.Cookie{{ID: "ga", Provider: "g"}, {ID: "own", Provider: "controller"}}
		}, []string{"Én av dem kommer fra Google."}, []string{"Éin av dei kjem frå Google."}, []string{"Noen av dem", "Nokre av dei"}},
		{"cookies all from others", func(n *notice.Notice) {
			n.Recipients = []notice.Recipient{{ID: "g", Kind: "processor", Name: notice.PlainName("Google")}}
			n.Cookies = []notice.Cookie{{ID: "ga", Provider: "g"}}
		}, []string{"De kommer fra Google."}, []string{"Dei kjem frå Google."}, []string{"Noen av dem"}},
		{"only necessary cookies", func(n *notice.Notice) {
			n.Cookies = []notice.Cookie{{ID: "s", Provider: "controller", Necessary: true}}
		}, []string{"Vi bruker bare informasjonskapsler som nettstedet trenger for å virke."},
			[]string{"Vi brukar berre informasjonskapslar som nettstaden treng for å verke."}, []string{"si nei"}},
		// A sentence that names only some of the data names the simple
		// ones: "organisasjonsnavn og firmanavn" would need semicolons.
		{"some data, simple ones first", func(n *notice.Notice) {
			n.Categories = []notice.Category{{ID: "identity"}, {ID: "firm", Label: notice.Text{"nb": "organisasjonsnavn og firmanavn", "nn": "organisasjonsnamn og firmanamn"}}, {ID: "contact"}, {ID: "financial"}, {ID: "education"}, {ID: "age"}, {ID: "residence"}}
		}, []string{"Vi har blant annet opplysninger om hvem du er, hvordan vi når deg"}, []string{"Vi har mellom anna opplysningar om kven du er, korleis vi når deg"}, []string{";", "firmanavn"}},
		// Data about a child are named by their labels, not as the
		// reader's own ("helsen din").
		{"the child's data", func(n *notice.Notice) {
			n.Groups = []notice.Group{{ID: "barn", Label: notice.Text{"nb": "barnet", "nn": "barnet"}, About: notice.Text{"nb": "barnet ditt", "nn": "barnet ditt"}, Child: true}}
			for i := range n.Purposes {
				n.Purposes[i].Groups = []string{"barn"}
			}
			n.Categories = append(n.Categories, notice.Category{ID: "health"})
		}, []string{"Vi bruker opplysninger om barnet ditt til ett formål: «Saksbehandling».", "Noe av dette er sensitivt, som helseopplysninger."},
			[]string{"Vi brukar opplysningar om barnet ditt til eitt formål: «Sakshandsaming»."}, []string{"helsen din", "opplysninger om deg"}},
		// Everything on NAV's behalf: NAV is responsible and answers.
		{"processor for NAV", func(n *notice.Notice) {
			n.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", URL: "https://www.nav.no"}}
			for i := range n.Purposes {
				n.Purposes[i].Role = &notice.Role{Kind: notice.RoleProcessor, Controller: "nav"}
			}
		}, []string{"Vi behandler opplysningene på oppdrag fra NAV, som har ansvaret for dem.", "Du kan be NAV om innsyn, om å få opplysningene rettet eller slettet og om å begrense bruken av dem.", "Vil du bruke rettighetene dine, kontakter du NAV."},
			[]string{"Vi behandlar opplysningane på oppdrag frå NAV, som har ansvaret for dei.", "Du kan be NAV om innsyn, om å få opplysningane retta eller sletta og om å avgrense bruken av dei.", "Vil du bruke rettane dine, kontaktar du NAV."}, []string{"Send en e-post", "dette", "be oss"}},
		// Some purposes on NAV's behalf: those say so without a "dette" or
		// "Noe" with nothing to refer to, and send the reader to NAV.
		{"processor for some purposes", func(n *notice.Notice) {
			n.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", URL: "https://www.nav.no"}}
			n.Purposes = append(n.Purposes, notice.Purpose{ID: "q", Name: notice.Text{"nb": "Tiltak", "nn": "Tiltak"}, Categories: []string{"contact"}, LegalBasis: []notice.Basis{{Article: "6(1)(e)"}}, Role: &notice.Role{Kind: notice.RoleProcessor, Controller: "nav"}})
		}, []string{"For formålet «Tiltak» har NAV ansvaret for opplysningene, og vi behandler dem på vegne av NAV.", "Vil du bruke rettighetene dine, sender du en e-post til post@eksempel.no.", "kontakter du NAV."},
			[]string{"For formålet «Tiltak» har NAV ansvaret for opplysningane, og vi behandlar dei på vegner av NAV.", "Vil du bruke rettane dine, sender du ein e-post til post@eksempel.no.", "kontaktar du NAV."}, []string{"dette", "Noe gjør", "noen av formålene", "nokre av formåla"}},
		{"processor for two purposes", func(n *notice.Notice) {
			n.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority"}}
			for _, id := range []string{"q", "r"} {
				n.Purposes = append(n.Purposes, notice.Purpose{ID: id, Name: notice.Text{"nb": "Tiltak " + id, "nn": "Tiltak " + id}, Categories: []string{"contact"}, LegalBasis: []notice.Basis{{Article: "6(1)(e)"}}, Role: &notice.Role{Kind: notice.RoleProcessor, Controller: "nav"}})
			}
		}, []string{"For noen av formålene behandler vi opplysningene på oppdrag fra NAV, som da har ansvaret for dem."},
			[]string{"For nokre av formåla behandlar vi opplysningane på oppdrag frå NAV, som då har ansvaret for dei."}, nil},
		// On behalf of two controllers and nothing of our own: each answers
		// for its part, and the page says no "kontakte oss".
		{"processor for two controllers", func(n *notice.Notice) {
			n.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority"}, {ID: "k", Name: notice.PlainName("Ål kommune"), Kind: "public_authority"}}
			n.Purposes[0].Role = &notice.Role{Kind: notice.RoleProcessor, Controller: "nav"}
			n.Purposes = append(n.Purposes, notice.Purpose{ID: "q", Name: notice.Text{"nb": "Tiltak", "nn": "Tiltak"}, Categories: []string{"contact"}, LegalBasis: []notice.Basis{{Article: "6(1)(e)"}}, Role: &notice.Role{Kind: notice.RoleProcessor, Controller: "k"}})
		}, []string{"kontakter du NAV.", "kontakter du Ål kommune."}, []string{"kontaktar du NAV.", "kontaktar du Ål kommune."}, []string{"Send en e-post til post@eksempel.no"}},
		// The summary sends requests where the page does: "kontakte oss"
		// with the controller's contact, not the DPO's; a right with its
		// own "how" is pointed to.
		{"rights go to the controller, not the DPO", func(n *notice.Notice) {
			n.DPO = &notice.DPO{Email: "personvernombud@eksempel.no"}
			n.Rights["access"] = notice.Right{How: notice.Text{"nb": "Kontakt rådgiveren din.", "nn": "Kontakt rådgjevaren din."}}
		}, []string{"Under «Rett til innsyn» står det hvordan du går frem. For de andre rettighetene sender du en e-post til post@eksempel.no. Les mer under «Dine rettigheter»."},
			[]string{"Under «Rett til innsyn» står det korleis du går fram. For dei andre rettane sender du ein e-post til post@eksempel.no. Les meir under «Rettane dine»."}, []string{"personvernombud@"}},
		// The same how for every right is said as the how (nb7x 4).
		{"every right says how", func(n *notice.Notice) {
			how := notice.Text{"nb": "Kontakt NAV-kontoret ditt.", "nn": "Kontakt NAV-kontoret ditt."}
			n.Rights = notice.Rights{"access": {How: how}, "rectification": {How: how}}
		}, []string{"Vil du bruke rettighetene dine? Kontakt NAV-kontoret ditt. Les mer under «Dine rettigheter»."}, []string{"Vil du bruke rettane dine? Kontakt NAV-kontoret ditt. Les meir under «Rettane dine»."}, []string{"noen av rettighetene", "Send en e-post"}},
		// The rights that share a how are named with it (nb7x 4).
		{"some rights say how", func(n *notice.Notice) {
			how := notice.Text{"nb": "Kontakt NAV-kontoret ditt.", "nn": "Kontakt NAV-kontoret ditt."}
			n.Rights = notice.Rights{"access": {How: how}, "rectification": {How: how}, "erasure": {}}
		}, []string{"Gjelder det innsyn eller retting? Kontakt NAV-kontoret ditt. For de andre rettighetene sender du en e-post til post@eksempel.no. Les mer under «Dine rettigheter»."}, []string{"Gjeld det innsyn eller retting? Kontakt NAV-kontoret ditt. For dei andre rettane sender du ein e-post til post@eksempel.no. Les meir under «Rettane dine»."}, []string{"egne regler", "eigne reglar", "Send en e-post"}},
		// Restriction limits the use: its own clause, also when alone.
		{"restriction alone", func(n *notice.Notice) {
			n.Rights = notice.Rights{"restriction": {}}
		}, []string{"Du kan be oss begrense bruken av opplysningene."}, []string{"Du kan be oss avgrense bruken av opplysningane."}, []string{"be om å"}},
		// nn4 6: the data are not "avgrensa"; restriction is its own clause
		// after access or a correction, never among the participles.
		{"access and restriction", func(n *notice.Notice) {
			n.Rights = notice.Rights{"access": {}, "restriction": {}}
		}, []string{"Du kan be oss om innsyn i opplysningene og om å begrense bruken av dem."}, []string{"Du kan be oss om innsyn i opplysningane og om å avgrense bruken av dei."}, []string{"begrenset"}},
		{"correction and restriction", func(n *notice.Notice) {
			n.Rights = notice.Rights{"rectification": {}, "restriction": {}}
		}, []string{"Du kan be oss om å få opplysningene rettet og om å begrense bruken av dem."}, []string{"Du kan be oss om å få opplysningane retta og om å avgrense bruken av dei."}, []string{"begrenset"}},
		// A custom label belongs to nobody: it is not listed among the
		// reader's own ("bostedskommune og alderen din").
		{"custom label with the reader's own", func(n *notice.Notice) {
			n.Categories = []notice.Category{{ID: "identity"}, {ID: "kommune", Label: notice.Text{"nb": "bostedskommune", "nn": "bustadkommune"}}, {ID: "age"}}
		}, []string{"Vi har blant annet opplysninger om hvem du er og alderen din."}, []string{"Vi har mellom anna opplysningar om kven du er og alderen din."}, []string{"bostedskommune"}},
		{"custom labels alone", func(n *notice.Notice) {
			n.Categories = []notice.Category{{ID: "kommune", Label: notice.Text{"nb": "bostedskommune", "nn": "bustadkommune"}}}
		}, []string{"Vi har opplysninger om bostedskommune."}, []string{"Vi har opplysningar om bustadkommune."}, nil},
		{"no cookies", func(n *notice.Notice) {}, nil, nil, []string{"informasjonskapsler"}},
		{"many purposes split", func(n *notice.Notice) {
			for _, name := range []string{"veiledning om arbeid", "oppfølging av tiltak", "utbetaling av stønad", "statistikk om bruken", "kontroll av opplysninger"} {
				n.Purposes = append(n.Purposes, notice.Purpose{ID: "x", Name: notice.Text{"nb": name, "nn": name}})
			}
		}, []string{"Vi bruker opplysninger om deg til seks formål, blant annet «Saksbehandling»"}, []string{"Vi brukar opplysningar om deg til seks formål, mellom anna «Sakshandsaming»"}, []string{"Dessuten", "også til"}},
		{"purposes that fit one list", func(n *notice.Notice) {
			n.Purposes = append(n.Purposes, notice.Purpose{ID: "x", Name: notice.Text{"nb": "Statistikk", "nn": "Statistikk"}}, notice.Purpose{ID: "y", Name: notice.Text{"nb": "Kontroll", "nn": "Kontroll"}})
		}, []string{"Vi bruker opplysninger om deg til disse formålene: «Saksbehandling», «Statistikk» og «Kontroll»."}, []string{"Vi brukar opplysningar om deg til desse formåla: «Sakshandsaming», «Statistikk» og «Kontroll»."}, []string{"blant annet"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := base()
			tt.change(&n)
			for lang, want := range map[string][]string{"nb": tt.nb, "nn": tt.nn} {
				text := Build(&n, catalog(t, lang)).Text()
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("%s lacks %q:\n%s", lang, w, text)
					}
				}
				if st := Measure(text); st.Longest > MaxWords {
					t.Errorf("%s: sentence of %d words: %s", lang, st.Longest, st.LongestSentence)
				}
			}
			nb := Build(&n, catalog(t, "nb")).Text()
			for _, w := range tt.not {
				if strings.Contains(nb, w) {
					t.Errorf("nb has %q:\n%s", w, nb)
				}
			}
		})
	}
}

// TestCatalogueWording: the summary says "EU/EØS" as the page body does,
// and no key keeps the wordings the language review struck.
func TestCatalogueWording(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		c := catalog(t, lang)
		for _, k := range c.Keys() {
			if !strings.HasPrefix(k, "summary.") {
				continue
			}
			v := c.T(k, "{0}", "{1}", "{2}")
			for _, bad := range []string{"EU og EØS", "maskin", "gjør dette", "gjer dette", "Noe gjør", "Noko gjer", "saken", "saka", "Dessuten", "Dessutan"} {
				if strings.Contains(v, bad) {
					t.Errorf("%s %s: %q has %q", lang, k, v, bad)
				}
			}
		}
	}
}

// TestPlainNationalID: Kort fortalt's plain label for the national id keeps
// the D-nummer, which people without a fødselsnummer have (review nb6 8).
func TestPlainNationalID(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		if s := catalog(t, lang).T("plain.category.national_id"); !strings.Contains(s, "D-nummer") {
			t.Errorf("%s: plain.category.national_id %q drops the D-nummer", lang, s)
		}
	}
}
