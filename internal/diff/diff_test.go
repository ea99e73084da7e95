package diff

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/templates"
)

func catalog(t testing.TB, lang string) *i18n.Catalog {
	t.Helper()
	c, err := i18n.Load(templates.FS, lang)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// base is a small, complete notice; each case changes a copy of it.
func base() notice.Notice {
	return notice.Notice{
		ID: "t", Version: "1.0", Updated: "2024-01-01", Languages: []string{"nb", "nn"},
		Title:      notice.Text{"nb": "Tjenesten", "nn": "Tenesta"},
		Controller: notice.Controller{Name: notice.PlainName("Eksempel kommune"), OrgNumber: "974760673", Kind: "public_authority", Email: "post@eksempel.no", Phone: "22 00 00 00"},
		DPO:        &notice.DPO{Email: "ombud@eksempel.no"},
		Categories: []notice.Category{{ID: "contact"}, {ID: "income"}},
		Purposes: []notice.Purpose{
			{ID: "case", Name: notice.Text{"nb": "Saksbehandling", "nn": "Sakshandsaming"}, Description: notice.Text{"nb": "Vi behandler søknaden din.", "nn": "Vi handsamar søknaden din."},
				Categories: []string{"contact", "income"}, LegalBasis: []notice.Basis{{Article: "6(1)(e)", NationalLaw: notice.Text{"nb": "sosialtjenesteloven § 29", "nn": "sosialtenestelova § 29"}}}},
			{ID: "news", Name: notice.Text{"nb": "Nyhetsbrev", "nn": "Nyheitsbrev"}, Categories: []string{"contact"}, LegalBasis: []notice.Basis{{Article: "6(1)(a)"}}},
		},
		Sources:            []notice.Source{{ID: "you", Kind: "data_subject"}, {ID: "nav", Kind: "public_authority", Name: notice.PlainName("NAV"), Categories: []string{"income"}}},
		Recipients:         []notice.Recipient{{ID: "skatt", Kind: "public_authority", Name: notice.PlainName("Skatteetaten"), Categories: []string{"income"}}},
		Transfers:          []notice.Transfer{{ID: "support", Country: "GB", Safeguard: "adequacy"}},
		Retention:          []notice.Retention{{ID: "r", Categories: []string{"contact", "income"}, Period: "P1Y", Then: "delete"}},
		Rights:             notice.Rights{"access": {}, "rectification": {}, "erasure": {}, "restriction": {}, "objection": {}, "withdraw_consent": {}},
		AutomatedDecisions: []notice.AutomatedDecision{{ID: "remind", Description: notice.Text{"nb": "Påminnelser", "nn": "Påminningar"}}},
	}
}

func compare(t *testing.T, change func(n *notice.Notice)) *Report {
	t.Helper()
	return compareFrom(t, nil, change)
}

// compareFrom compares base, changed by from when given, with the same
// changed by change too.
func compareFrom(t *testing.T, from, change func(n *notice.Notice)) *Report {
	t.Helper()
	old, new := base(), base()
	if from != nil {
		from(&old)
		from(&new)
	}
	change(&new)
	return Compare(&old, &new, "old.yaml", "new.yaml", catalog(t, "nb"))
}

// withRestriction gives both sides one restriction of the right of access.
func withRestriction(n *notice.Notice) {
	n.Restrictions = []notice.Restriction{{ID: "b", Right: "access", Provision: "23(1)(e)", Law: notice.Text{"nb": "barnevernsloven § 12-6"}, Meaning: notice.Text{"nb": "Ikke meldinger."}}}
}

// classificationCases: one case per kind of change, with the class and the
// rule that must classify it; TestEveryRuleHasACase keeps one per rule.
var classificationCases = []struct {
	name   string
	change func(n *notice.Notice)
	class  Class
	rule   string
	msg    string
	old    func(n *notice.Notice) // when set, applied to both sides first
}{
	{"processor becomes controller", func(n *notice.Notice) { n.Purposes[0].Role = nil }, Material, "role-changed", "Ansvaret for formålet «Saksbehandling» er endret: før var vi databehandler for NAV, nå er vi behandlingsansvarlig.", func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{notice.OtherController{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}, notice.OtherController{ID: "kvp", Name: notice.PlainName("Fylket"), Kind: "public_authority", Email: "post@fylket.no"}}
		n.Purposes[0].Role = &notice.Role{Kind: "processor", Controller: "nav"}
	}},
	{"controller becomes processor", func(n *notice.Notice) { n.Purposes[0].Role = &notice.Role{Kind: "processor", Controller: "nav"} }, Material, "role-changed", "Ansvaret for formålet «Saksbehandling» er endret: før var vi behandlingsansvarlig, nå er vi databehandler for NAV.", func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{notice.OtherController{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}, notice.OtherController{ID: "kvp", Name: notice.PlainName("Fylket"), Kind: "public_authority", Email: "post@fylket.no"}}
	}},
	{"processor for another controller", func(n *notice.Notice) { n.Purposes[0].Role.Controller = "kvp" }, Material, "role-changed", "Ansvaret for formålet «Saksbehandling» er endret: før var vi databehandler for NAV, nå er vi databehandler for Fylket.", func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{notice.OtherController{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}, notice.OtherController{ID: "kvp", Name: notice.PlainName("Fylket"), Kind: "public_authority", Email: "post@fylket.no"}}
		n.Purposes[0].Role = &notice.Role{Kind: "processor", Controller: "nav"}
	}},
	{"new joint controller", func(n *notice.Notice) { n.Purposes[0].Role.With = []string{"nav", "kvp"} }, Material, "role-new-joint", "Formålet «Saksbehandling» har fått en ny felles behandlingsansvarlig: Fylket.", func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{notice.OtherController{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}, notice.OtherController{ID: "kvp", Name: notice.PlainName("Fylket"), Kind: "public_authority", Email: "post@fylket.no"}}
		n.Purposes[0].Role = &notice.Role{Kind: "joint", With: []string{"nav"}, Arrangement: notice.Text{"nb": "NAV svarer."}}
	}},
	{"joint controller leaves", func(n *notice.Notice) { n.Purposes[0].Role.With = []string{"nav"} }, Notable, "role-removed-joint", "Fylket er ikke lenger felles behandlingsansvarlig for formålet «Saksbehandling».", func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{notice.OtherController{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}, notice.OtherController{ID: "kvp", Name: notice.PlainName("Fylket"), Kind: "public_authority", Email: "post@fylket.no"}}
		n.Purposes[0].Role = &notice.Role{Kind: "joint", With: []string{"nav", "kvp"}}
	}},
	{"joint arrangement reworded", func(n *notice.Notice) { n.Purposes[0].Role.Arrangement = notice.Text{"nb": "Fylket svarer."} }, Notable, "role-arrangement", "", func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{notice.OtherController{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}, notice.OtherController{ID: "kvp", Name: notice.PlainName("Fylket"), Kind: "public_authority", Email: "post@fylket.no"}}
		n.Purposes[0].Role = &notice.Role{Kind: "joint", With: []string{"nav"}, Arrangement: notice.Text{"nb": "NAV svarer."}}
	}},
	{"other controller renamed", func(n *notice.Notice) { n.Controllers[0].Name = notice.PlainName("Arbeids- og velferdsetaten") }, Material, "other-controller", "Arbeids- og velferdsetaten har fått nytt navn, nytt organisasjonsnummer eller er en annen type virksomhet: før NAV, nå Arbeids- og velferdsetaten.", func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{notice.OtherController{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}, notice.OtherController{ID: "kvp", Name: notice.PlainName("Fylket"), Kind: "public_authority", Email: "post@fylket.no"}}
	}},
	{"other controller added", func(n *notice.Notice) {
		n.Controllers = append(n.Controllers, notice.OtherController{ID: "x", Name: notice.PlainName("X AS")})
	}, Notable, "other-controller-added", "Ny behandlingsansvarlig i erklæringen: X AS.", func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{notice.OtherController{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}, notice.OtherController{ID: "kvp", Name: notice.PlainName("Fylket"), Kind: "public_authority", Email: "post@fylket.no"}}
	}},
	{"other controller removed", func(n *notice.Notice) { n.Controllers = n.Controllers[:1] }, Notable, "other-controller-removed", "Fylket er ikke lenger med i erklæringen.", func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{notice.OtherController{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}, notice.OtherController{ID: "kvp", Name: notice.PlainName("Fylket"), Kind: "public_authority", Email: "post@fylket.no"}}
	}},
	{"other controller's contact", func(n *notice.Notice) { n.Controllers[0].Email = "nav@nav.no" }, Notable, "other-controller-contact", "E-postadressen til NAV er endret fra post@nav.no til nav@nav.no.", func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{notice.OtherController{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}, notice.OtherController{ID: "kvp", Name: notice.PlainName("Fylket"), Kind: "public_authority", Email: "post@fylket.no"}}
	}},
	// No groups is everyone: a first group narrows the purpose (nb 21).
	{"purpose gets its first group", func(n *notice.Notice) { n.Purposes[0].Groups = []string{"kids"} }, Material, "purpose-new-group", "Formålet «Saksbehandling» gjelder nå bare barnet. Før gjaldt det alle.", func(n *notice.Notice) {
		n.Groups = []notice.Group{notice.Group{ID: "kids", Label: notice.Text{"nb": "barnet", "nn": "barnet"}}}
	}},
	{"purpose concerns a new group", func(n *notice.Notice) { n.Purposes[0].Groups = []string{"kids", "parents"} }, Material, "purpose-new-group", "Formålet «Saksbehandling» gjelder nå også foreldrene.", func(n *notice.Notice) {
		n.Groups = []notice.Group{notice.Group{ID: "kids", Label: notice.Text{"nb": "barnet", "nn": "barnet"}}, notice.Group{ID: "parents", Label: notice.Text{"nb": "foreldrene", "nn": "foreldra"}}}
		n.Purposes[0].Groups = []string{"kids"}
	}},
	{"purpose leaves a group", func(n *notice.Notice) { n.Purposes[0].Groups = []string{"kids"} }, Notable, "purpose-removed-group", "Formålet «Saksbehandling» gjelder ikke lenger foreldrene.", func(n *notice.Notice) {
		n.Groups = []notice.Group{notice.Group{ID: "kids", Label: notice.Text{"nb": "barnet", "nn": "barnet"}}, notice.Group{ID: "parents", Label: notice.Text{"nb": "foreldrene", "nn": "foreldra"}}}
		n.Purposes[0].Groups = []string{"kids", "parents"}
	}},
	{"purpose leaves its last group", func(n *notice.Notice) { n.Purposes[0].Groups = nil }, Material, "purpose-new-group", "Formålet «Saksbehandling» gjelder nå alle, ikke bare barnet.", func(n *notice.Notice) {
		n.Groups = []notice.Group{notice.Group{ID: "kids", Label: notice.Text{"nb": "barnet", "nn": "barnet"}}}
		n.Purposes[0].Groups = []string{"kids"}
	}},
	{"new group", func(n *notice.Notice) {
		n.Groups = []notice.Group{notice.Group{ID: "kids", Label: notice.Text{"nb": "barnet", "nn": "barnet"}}}
	}, Notable, "new-group", "Erklæringen sier nå hvem den gjelder: barnet.", nil},
	{"removed group", func(n *notice.Notice) { n.Groups = nil }, Notable, "removed-group", "Erklæringen sier ikke lenger hvem den gjelder. Før nevnte den barnet.", func(n *notice.Notice) {
		n.Groups = []notice.Group{notice.Group{ID: "kids", Label: notice.Text{"nb": "barnet", "nn": "barnet"}}}
	}},
	{"group relabelled", func(n *notice.Notice) { n.Groups[0].Label = notice.Text{"nb": "barna", "nn": "barna"} }, Notable, "group-label", "Gruppen «Barnet» heter nå «Barna».", func(n *notice.Notice) {
		n.Groups = []notice.Group{notice.Group{ID: "kids", Label: notice.Text{"nb": "barnet", "nn": "barnet"}}}
	}},
	{"whose data changes", func(n *notice.Notice) { n.Groups[0].About = notice.Text{"nb": "barnet ditt", "nn": "barnet ditt"} }, Material, "group-about", "", func(n *notice.Notice) {
		n.Groups = []notice.Group{notice.Group{ID: "kids", Label: notice.Text{"nb": "barnet", "nn": "barnet"}}}
	}},
	{"group now children", func(n *notice.Notice) { n.Groups[0].Child = true }, Material, "group-child", "«Barnet» er nå oppgitt som barn.", func(n *notice.Notice) {
		n.Groups = []notice.Group{notice.Group{ID: "kids", Label: notice.Text{"nb": "barnet", "nn": "barnet"}}}
	}},
	{"purpose's provision now required", func(n *notice.Notice) { n.Purposes[0].Provision = &notice.Provision{Requirement: "statutory"} }, Material, "provision-now-required", "For formålet «Saksbehandling» har du nå plikt til å gi oss opplysningene fordi loven krever det. Før sto det ikke noe om dette.", nil},
	{"retention rule for a group", func(n *notice.Notice) { n.Retention[0].Groups = []string{"kids"} }, Material, "retention-groups", "Regelen for hvor lenge vi lagrer kontaktopplysninger og opplysninger om inntekt, gjelder nå bare opplysninger om barnet. Før gjaldt den opplysninger om alle.", func(n *notice.Notice) {
		n.Groups = []notice.Group{{ID: "kids", Label: notice.Text{"nb": "barnet", "nn": "barnet"}}}
	}},
	{"version not raised", func(n *notice.Notice) {
		n.Purposes[1].Categories = []string{"contact", "income"}
		n.Version, n.Updated = "1.0", "2024-01-01"
	}, Notable, "version-not-raised", "Innholdet er endret, men versjonsnummeret og datoen er de samme som før.", nil},
	// A list word the old text already had names nothing new: notable,
	// not material (nb 22).
	{"word the old text had", func(n *notice.Notice) {
		n.Purposes[0].Description = notice.Text{"nb": "Vi skiller besøkende fra hverandre i statistikken.", "nn": "Vi handsamar søknaden din."}
	}, Notable, "wording-changed", "Beskrivelsen av formålet «Saksbehandling» har fått ny ordlyd", func(n *notice.Notice) {
		n.Purposes[0].Description = notice.Text{"nb": "Vi lager statistikk over besøk.", "nn": "Vi handsamar søknaden din."}
	}},
	// A new name is said as one, old and new (nb 17, nn 24).
	{"purpose renamed", func(n *notice.Notice) {
		n.Purposes[0].Name = notice.Text{"nb": "Behandling av søknaden", "nn": "Sakshandsaming"}
	}, Notable, "wording-changed", "Formålet «Saksbehandling» heter nå «Behandling av søknaden».", nil},
	{"unit renamed", func(n *notice.Notice) { n.Controller.Unit = notice.Text{"nb": "NAV Eksempel"} }, Notable, "wording-changed", "Enheten «NAV Sogndal» heter nå «NAV Eksempel».", func(n *notice.Notice) { n.Controller.Unit = notice.Text{"nb": "NAV Sogndal"} }},
	// Only what is missing is asked for (nb 23, nn 25).
	{"version raised, date not", func(n *notice.Notice) {
		n.Purposes[1].Categories = []string{"contact", "income"}
		n.Version = "1.1"
	}, Notable, "version-not-raised", "Innholdet er endret, men datoen er den samme som før. Sett datoen den nye versjonen gjelder fra, så leserne kan se når erklæringen ble endret.", nil},
	{"date raised, version not", func(n *notice.Notice) {
		n.Purposes[1].Categories = []string{"contact", "income"}
		n.Updated = "2024-02-01"
	}, Notable, "version-not-raised", "Innholdet er endret, men versjonsnummeret er det samme som før. Gi den nye versjonen et nytt nummer, så leserne kan se at erklæringen er endret.", nil},
	{"retention starts later", func(n *notice.Notice) { n.Retention[0].From = notice.Text{"nb": "klagefristen er ute"} }, Material, "retention-from", "Teksten om når lagringstiden begynner å løpe, har fått ny ordlyd.", func(n *notice.Notice) { n.Retention[0].From = notice.Text{"nb": "saken er avsluttet"} }},
	{"using a right made harder", func(n *notice.Notice) {
		n.Rights["access"] = notice.Right{How: notice.Text{"nb": "Send et brev. Vi tar ikke imot e-post."}}
	}, Material, "right-how", "det kan ha blitt vanskeligere", func(n *notice.Notice) { n.Rights["access"] = notice.Right{How: notice.Text{"nb": "Send en e-post."}} }},
	{"new purpose", func(n *notice.Notice) {
		n.Purposes = append(n.Purposes, notice.Purpose{ID: "stats", Name: notice.Text{"nb": "Statistikk"}})
	}, Material, "new-purpose", "Nytt formål: «Statistikk».", nil},
	{"removed purpose", func(n *notice.Notice) { n.Purposes = n.Purposes[:1] }, Notable, "removed-purpose", "Formålet «Nyhetsbrev» er fjernet.", nil},
	{"purpose uses a new category", func(n *notice.Notice) { n.Purposes[1].Categories = []string{"contact", "income"} }, Material, "purpose-new-category", "Til formålet «Nyhetsbrev» bruker vi nå også opplysninger om inntekt.", nil},
	{"new category", func(n *notice.Notice) { n.Categories = append(n.Categories, notice.Category{ID: "age"}) }, Material, "new-category", "Ny kategori av opplysninger: «Alder».", nil},
	{"new special category", func(n *notice.Notice) { n.Categories = append(n.Categories, notice.Category{ID: "health"}) }, Material, "new-special-category", "Ny særlig kategori av personopplysninger: «Helseopplysninger».", nil},
	{"new criminal category", func(n *notice.Notice) { n.Categories = append(n.Categories, notice.Category{ID: "criminal"}) }, Material, "new-criminal-category", "Ny kategori: opplysninger om straffedommer og lovovertredelser (personvernforordningen artikkel 10).", nil},
	{"removed category", func(n *notice.Notice) { n.Categories = n.Categories[:1] }, Notable, "removed-category", "", nil},
	{"new source", func(n *notice.Notice) {
		n.Sources = append(n.Sources, notice.Source{ID: "emp", Kind: "employer", Categories: []string{"income"}})
	}, Material, "new-source", "Ny kilde: «Arbeidsgivere».", nil},
	{"new recipient", func(n *notice.Notice) {
		n.Recipients = append(n.Recipients, notice.Recipient{ID: "host", Kind: "processor", Name: notice.PlainName("Drift AS")})
	}, Material, "new-recipient", "Ny mottaker: Drift AS.", nil},
	{"removed recipient", func(n *notice.Notice) { n.Recipients = nil }, Notable, "removed-recipient", "Erklæringen nevner ikke lenger mottakeren Skatteetaten.", nil},
	{"recipient gets more", func(n *notice.Notice) { n.Recipients[0].Categories = []string{"income", "contact"} }, Material, "recipient-new-category", "", nil},
	{"new transfer", func(n *notice.Notice) {
		n.Transfers = append(n.Transfers, notice.Transfer{ID: "us", Country: "US", Safeguard: "scc"})
	}, Material, "new-transfer", "Ny overføring til land utenfor EU/EØS: USA.", nil},
	{"new country", func(n *notice.Notice) { n.Transfers[0].Country = "JP" }, Material, "new-country", "Overføringen går til et annet land: før Storbritannia, nå Japan.", nil},
	{"changed safeguard", func(n *notice.Notice) { n.Transfers[0].Safeguard = "scc" }, Material, "changed-safeguard", "Grunnlaget for overføringen til Storbritannia er endret: før en beslutning om tilstrekkelig beskyttelsesnivå, nå standard personvernbestemmelser.", nil},
	{"longer retention", func(n *notice.Notice) { n.Retention[0].Period = "P18M" }, Material, "longer-retention", "Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i 18 måneder. Før sto det at vi lagret dem i ett år.", nil},
	{"shorter retention", func(n *notice.Notice) { n.Retention[0].Period = "P6M" }, Notable, "shorter-retention", "Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i 6 måneder. Før sto det at vi lagret dem i ett år.", nil},
	{"archived instead of deleted", func(n *notice.Notice) { n.Retention[0].Then = "archive" }, Material, "retention-archived", "sier nå at vi arkiverer dem etter lagringstiden. Før sto det at vi slettet dem.", nil},
	{"changed legal basis", func(n *notice.Notice) { n.Purposes[0].LegalBasis[0].Article = "6(1)(c)" }, Material, "added-legal-basis", "artikkel 6 nr. 1 bokstav c", nil},
	{"changed legal basis, one line", func(n *notice.Notice) { n.Purposes[0].LegalBasis[0].Article = "6(1)(c)" }, Material, "added-legal-basis", "bygger nå på personvernforordningen artikkel 6 nr. 1 bokstav c (nødvendig for å oppfylle en rettslig plikt), ikke lenger på bokstav e", nil},
	{"removed legal basis", func(n *notice.Notice) { n.Purposes[0].LegalBasis = n.Purposes[0].LegalBasis[1:] }, Material, "removed-legal-basis", "Formålet «Saksbehandling» bygger ikke lenger på personvernforordningen artikkel 6 nr. 1 bokstav e", func(n *notice.Notice) {
		n.Purposes[0].LegalBasis = []notice.Basis{{Article: "6(1)(e)"}, {Article: "6(1)(c)"}}
	}},
	{"national law changed", func(n *notice.Notice) {
		n.Purposes[0].LegalBasis[0].NationalLaw = notice.Text{"nb": "sosialtjenesteloven § 30", "nn": "sosialtenestelova § 30"}
	}, Material, "changed-legal-basis", "", nil},
	{"new automated decision", func(n *notice.Notice) {
		n.AutomatedDecisions = append(n.AutomatedDecisions, notice.AutomatedDecision{ID: "score", Description: notice.Text{"nb": "Poeng"}})
	}, Material, "new-automated-decision", "Ny automatisert avgjørelse: «Poeng».", nil},
	{"profiling", func(n *notice.Notice) { n.AutomatedDecisions[0].Profiling = true }, Material, "automated-profiling", "", nil},
	{"law for criminal data", func(n *notice.Notice) { n.Purposes[0].CriminalLaw = notice.Text{"nb": "politiregisterloven § 39"} }, Material, "purpose-criminal-law", "Hjemmelen for opplysninger om straffedommer for formålet «Saksbehandling» er lagt til.", nil},
	{"recipient now certified under the DPF", func(n *notice.Notice) { n.Transfers[0].DPF = true }, Material, "transfer-dpf", "Mottakeren i Storbritannia er nå oppgitt som sertifisert etter EU–USA-rammeverket for personvern.", nil},
	{"another international organisation", func(n *notice.Notice) { n.Transfers[0].Organisation = notice.PlainName("WHO") }, Material, "transfer-organisation", "Overføringen går til en annen internasjonal organisasjon:", func(n *notice.Notice) {
		n.Transfers[0].Country, n.Transfers[0].Organisation = "", notice.PlainName("UNHCR")
	}},
	// An exception stated where none was is said so, not "– →" (nn 49).
	{"art. 22(2) exception stated", func(n *notice.Notice) { n.AutomatedDecisions[0].Basis = "c" }, Material, "automated-basis",
		"Den automatiserte avgjørelsen «Påminnelser» bygger nå på unntaket i personvernforordningen artikkel 22 nr. 2 bokstav c (uttrykkelig samtykke). Før sto det ikke hvilket unntak den bygde på.", nil},
	{"another art. 22(2) exception", func(n *notice.Notice) { n.AutomatedDecisions[0].Basis = "c" }, Material, "automated-basis",
		"Den automatiserte avgjørelsen «Påminnelser» bygger nå på unntaket i personvernforordningen artikkel 22 nr. 2 bokstav c (uttrykkelig samtykke), ikke lenger på artikkel 22 nr. 2 bokstav b (lov).",
		func(n *notice.Notice) { n.AutomatedDecisions[0].Basis = "b" }},
	{"art. 22(2) exception no longer stated", func(n *notice.Notice) { n.AutomatedDecisions[0].Basis = "" }, Material, "automated-basis",
		"Det står ikke lenger hvilket unntak den automatiserte avgjørelsen «Påminnelser» bygger på. Før var det artikkel 22 nr. 2 bokstav a (avtale).",
		func(n *notice.Notice) { n.AutomatedDecisions[0].Basis = "a" }},
	// A decision described in sentences is named by its purpose, not by
	// two sentences quoted inside another (nn 49).
	{"long-described decision named by its purpose", func(n *notice.Notice) { n.AutomatedDecisions[0].Profiling = true }, Material, "automated-profiling",
		"Den automatiserte avgjørelsen til formålet «Saksbehandling» bygger nå på profilering.", func(n *notice.Notice) {
			n.AutomatedDecisions[0].Purposes = []string{"case"}
			n.AutomatedDecisions[0].Description = notice.Text{"nb": "Når du registrerer fravær i de digitale løsningene, blir fraværsføringen automatisert. Det kan påvirke utbetalingen av stønaden din.", "nn": "Når du registrerer fråvær i dei digitale løysingane, blir fråværsføringa automatisert. Det kan påverke utbetalinga av stønaden din."}
		}},
	{"new long-described decision", func(n *notice.Notice) {
		n.AutomatedDecisions = append(n.AutomatedDecisions, notice.AutomatedDecision{ID: "score", Purposes: []string{"case"},
			Description: notice.Text{"nb": "Når du søker, regner systemet ut en poengsum for søknaden din ut fra inntekten din. Poengsummen avgjør rekkefølgen.", "nn": "Når du søkjer, reknar systemet ut ein poengsum."}})
	}, Material, "new-automated-decision", "Det er lagt til en automatisert avgjørelse til formålet «Saksbehandling».", nil},
	{"the law for an automated decision", func(n *notice.Notice) { n.AutomatedDecisions[0].Law = notice.Text{"nb": "forvaltningsloven § 11"} }, Material, "automated-law", "Loven som tillater den automatiserte avgjørelsen, er lagt til.", nil},
	{"new restriction", func(n *notice.Notice) {
		n.Restrictions = append(n.Restrictions, notice.Restriction{ID: "helse", Right: "access", Provision: "pol-16(1)(c)", Meaning: notice.Text{"nb": "Ikke opplysninger som kan skade helsen din."}})
	}, Material, "new-restriction", "Ny begrensning av «Rett til innsyn» (personopplysningsloven §\u00a016 første ledd bokstav c): Ikke opplysninger som kan skade helsen din.", nil},
	{"removed restriction", func(n *notice.Notice) { n.Restrictions = nil }, Notable, "removed-restriction", "Begrensningen av «Rett til innsyn» (artikkel 23 nr. 1 bokstav e) er fjernet", withRestriction},
	{"restriction of another right", func(n *notice.Notice) { n.Restrictions[0].Right = "rectification" }, Material, "restriction-changed", "«Rett til retting» (artikkel 23 nr. 1 bokstav e)", withRestriction},
	{"restriction means more", func(n *notice.Notice) { n.Restrictions[0].Meaning = notice.Text{"nb": "Mer."} }, Material, "restriction-text", "Hva begrensningen betyr, har fått ny ordlyd.", withRestriction},
	{"purpose now automated", func(n *notice.Notice) { n.Purposes[1].Automated = true }, Notable, "purpose-portability", "For formålet «Nyhetsbrev» kan du nå be om å få utlevert opplysningene du har gitt oss (retten til dataportabilitet).", nil},
	// Under a public task (6(1)(e)) portability applies on neither side:
	// the line says the flag and that the right still does not apply.
	{"purpose automated without portability", func(n *notice.Notice) { n.Purposes[0].Automated = true }, Material, "purpose-automated", "Opplysningene til formålet «Saksbehandling» er nå oppgitt som behandlet i datasystemer. Retten til dataportabilitet gjelder fortsatt ikke for formålet.", nil},
	{"purpose no longer automated", func(n *notice.Notice) { n.Purposes[1].Automated = false }, Material, "purpose-automated", "For formålet «Nyhetsbrev» kan du ikke lenger be om å få utlevert opplysningene du har gitt oss (retten til dataportabilitet).", func(n *notice.Notice) { n.Purposes[1].Automated = true }},
	{"purpose now direct marketing", func(n *notice.Notice) { n.Purposes[1].DirectMarketing = true }, Material, "purpose-direct-marketing", "Formålet «Nyhetsbrev» omfatter nå direkte markedsføring.", nil},
	{"purpose no longer direct marketing", func(n *notice.Notice) { n.Purposes[1].DirectMarketing = false }, Notable, "purpose-no-direct-marketing", "", func(n *notice.Notice) { n.Purposes[1].DirectMarketing = true }},
	{"purpose now research", func(n *notice.Notice) { n.Purposes[0].Research = true }, Material, "purpose-research", "forskning eller statistikk", nil},
	{"purpose no longer research", func(n *notice.Notice) { n.Purposes[0].Research = false }, Notable, "purpose-no-research", "", func(n *notice.Notice) { n.Purposes[0].Research = true }},
	{"right removed", func(n *notice.Notice) { delete(n.Rights, "objection") }, Material, "narrowed-right", "Retten til å protestere er fjernet fra erklæringen.", nil},
	{"right limited", func(n *notice.Notice) {
		n.Rights["erasure"] = notice.Right{Limits: notice.Text{"nb": "Arkivloven krever at vi tar vare på saken."}}
	}, Material, "right-limited", "Retten til sletting er begrenset: Arkivloven krever", nil},
	{"right added", func(n *notice.Notice) { n.Rights["portability"] = notice.Right{} }, Notable, "added-right", "", nil},
	{"new controller", func(n *notice.Notice) { n.Controller.Name = notice.PlainName("Ny kommune") }, Material, "new-controller", "Ny behandlingsansvarlig: Ny kommune. Før var det Eksempel kommune.", nil},
	{"contact details", func(n *notice.Notice) { n.Controller.Email = "postmottak@eksempel.no" }, Notable, "contact-details", "E-postadressen til Eksempel kommune er endret fra post@eksempel.no til postmottak@eksempel.no.", nil},
	{"dpo", func(n *notice.Notice) { n.DPO = &notice.DPO{Email: "nytt@eksempel.no"} }, Notable, "dpo-changed", "", nil},
	// A text inside a list entry names the entry: a notice has several
	// categories and purposes.
	{"category description reworded", func(n *notice.Notice) { n.Categories[1].Description = notice.Text{"nb": "Lønn og trygd."} },
		Material, "wording-adds", "Beskrivelsen av kategorien «Inntekt» har fått ny ordlyd",
		func(n *notice.Notice) { n.Categories[1].Description = notice.Text{"nb": "Lønn."} }},
	{"national law reworded", func(n *notice.Notice) {
		n.Purposes[0].LegalBasis[0].NationalLaw = notice.Text{"nb": "forvaltningsloven § 11"}
	},
		Material, "changed-legal-basis", "Henvisningen til loven i behandlingsgrunnlaget for formålet «Saksbehandling» har fått ny ordlyd",
		func(n *notice.Notice) {
			n.Purposes[0].LegalBasis[0].NationalLaw = notice.Text{"nb": "forvaltningsloven § 17"}
		}},
	{"spelling fixed", func(n *notice.Notice) {
		n.Purposes[0].Description = notice.Text{"nb": "Vi  behandler søknaden din.", "nn": "Vi handsamar søknaden din."}
	}, Editorial, "wording", "Beskrivelsen av formålet «Saksbehandling»: skrivemåten er rettet.", func(n *notice.Notice) {
		n.Purposes[0].Description = notice.Text{"nb": "Vi behandlar søknadn din", "nn": "Vi handsamar søknaden din."}
	}},
	{"wording changed", func(n *notice.Notice) {
		n.Purposes[0].Description = notice.Text{"nb": "Vi behandler søknaden din raskt.", "nn": "Vi handsamar søknaden din raskt."}
	}, Notable, "wording-changed", "Beskrivelsen av formålet «Saksbehandling» har fått ny ordlyd. Les den nye teksten", nil},
	{"wording widened to marketing", func(n *notice.Notice) {
		n.Purposes[0].Description = notice.Text{"nb": "Vi behandler søknaden din og markedsfører andre tjenester til deg.", "nn": "Vi handsamar søknaden din og marknadsfører andre tenester til deg."}
	}, Material, "wording-adds", "(den nye teksten nevner bruk eller deling av opplysninger)", nil},
	// "gjeld" is debt as a word of its own; "gjelder" (bokmål) and "gjeld"
	// (nynorsk, the verb) say what something applies to. Reviewers found
	// every reworded introduction called material for it.
	{"applies to is not debt", func(n *notice.Notice) {
		n.Purposes[0].Description = notice.Text{"nb": "Dette gjelder søknaden din.", "nn": "Dette gjeld søknaden din."}
	}, Notable, "wording-changed", "Beskrivelsen av formålet «Saksbehandling» har fått ny ordlyd. Les den nye teksten", nil},
	{"debt is", func(n *notice.Notice) {
		n.Purposes[0].Description = notice.Text{"nb": "Vi behandler søknaden din og gjeld du har.", "nn": "Vi handsamar søknaden din og gjelda di."}
	}, Material, "wording-adds", "(den nye teksten nevner en kategori av opplysninger)", nil},
	{"translation left behind", func(n *notice.Notice) {
		n.Purposes[0].Description = notice.Text{"nb": "Vi behandler søknaden din raskt.", "nn": "Vi handsamar søknaden din."}
	}, Notable, "translation-drift", "Beskrivelsen av formålet «Saksbehandling» er endret på bokmål, men ikke på nynorsk", nil},
	{"controller kind", func(n *notice.Notice) { n.Controller.Kind = "private" }, Material, "controller-kind", "", nil},
	{"new joint controller", func(n *notice.Notice) {
		n.JointControllers = append(n.JointControllers, notice.JointController{Name: "Nabo kommune"})
	}, Material, "new-joint-controller", "Ny felles behandlingsansvarlig: Nabo kommune.", nil},
	{"joint controller with another organisation number", func(n *notice.Notice) { n.JointControllers[0].OrgNumber = "964338531" },
		Material, "new-joint-controller", "Ny felles behandlingsansvarlig: Nabo kommune.", withJoint},
	{"removed joint controller", func(n *notice.Notice) { n.JointControllers = nil }, Notable, "removed-joint-controller", "Nabo kommune er ikke lenger felles", withJoint},
	{"joint controller contact", func(n *notice.Notice) { n.JointControllers[0].Email = "post@nabo.no" },
		Notable, "joint-controller-contact", "E-postadressen til Nabo kommune er lagt til: post@nabo.no.", withJoint},
	{"dpo added", func(n *notice.Notice) { n.DPO = &notice.DPO{Email: "ombud@eksempel.no"} }, Notable, "dpo-added", "ombud@eksempel.no",
		func(n *notice.Notice) { n.DPO = nil }},
	{"dpo removed", func(n *notice.Notice) { n.DPO = nil }, Notable, "dpo-removed", "Personvernombudet er fjernet: ombud@eksempel.no.", nil},
	{"purpose drops a category", func(n *notice.Notice) { n.Purposes[0].Categories = []string{"contact"} },
		Notable, "purpose-removed-category", "Til formålet «Saksbehandling» bruker vi ikke lenger opplysninger om inntekt.", nil},
	{"category no longer special", func(n *notice.Notice) { n.Categories[2].Special = nil },
		Notable, "category-not-special", "«Saksnummer» regnes ikke lenger", func(n *notice.Notice) {
			yes := true
			n.Categories = append(n.Categories, notice.Category{ID: "caseno", Label: notice.Text{"nb": "saksnummer"}, Special: &yes})
		}},
	{"provision changed", func(n *notice.Notice) { n.Provision.Requirement = "contractual" }, Notable, "provision-changed", "",
		func(n *notice.Notice) { n.Provision = &notice.Provision{Requirement: "statutory"} }},
	// Voluntary (or unstated) to required: people who could refuse now
	// must give the data, or lose the service (art. 13(2)(e)).
	{"provision now required", func(n *notice.Notice) { n.Provision.Requirement = "statutory" }, Material, "provision-now-required",
		"Du har nå plikt til å gi oss opplysningene fordi loven krever det. Før sto det at det var frivillig.",
		func(n *notice.Notice) { n.Provision = &notice.Provision{Requirement: "voluntary"} }},
	// Said as now and before, not "før ikke oppgitt, nå «…»" (nn 18); the
	// notice's own provision, where a purpose has one, is for the other
	// purposes (nn 17), named when they are few.
	{"purpose's provision stated", func(n *notice.Notice) { n.Purposes[0].Provision = &notice.Provision{Requirement: "voluntary"} },
		Notable, "provision-changed", "For formålet «Saksbehandling» er det nå frivillig å gi oss opplysningene. Før sto det ikke noe om dette.", nil},
	{"notice's provision beside a purpose's", func(n *notice.Notice) { n.Provision.Requirement = "contractual" }, Material, "provision-now-required",
		"For formålet «Saksbehandling» må du nå gi oss opplysningene fordi avtalen med deg krever det. Før sto det at det var frivillig.",
		func(n *notice.Notice) {
			n.Provision = &notice.Provision{Requirement: "voluntary"}
			n.Purposes[1].Provision = &notice.Provision{Requirement: "voluntary"}
		}},
	{"notice's provision beside a group's", func(n *notice.Notice) { n.Provision.Requirement = "contractual" }, Material, "provision-now-required",
		"For formålene «Saksbehandling» og «Nyhetsbrev» må du nå gi oss opplysningene fordi avtalen med deg krever det. Før sto det at det var frivillig.",
		func(n *notice.Notice) {
			n.Provision = &notice.Provision{Requirement: "voluntary"}
			n.Groups = []notice.Group{{ID: "kids", Label: notice.Text{"nb": "barn", "nn": "born"}, Provision: &notice.Provision{Requirement: "voluntary"}}, {ID: "all", Label: notice.Text{"nb": "alle", "nn": "alle"}}}
			n.Purposes = append(n.Purposes, notice.Purpose{ID: "school", Name: notice.Text{"nb": "Skole", "nn": "Skule"}, Groups: []string{"kids"}, Categories: []string{"contact"}, LegalBasis: []notice.Basis{{Article: "6(1)(e)"}}})
			n.Purposes[0].Groups, n.Purposes[1].Groups = []string{"all"}, []string{"all"}
		}},
	{"provision stated as required", func(n *notice.Notice) { n.Provision = &notice.Provision{Requirement: "contractual"} },
		Material, "provision-now-required", "", nil},
	{"removed source", func(n *notice.Notice) { n.Sources = n.Sources[:1] }, Notable, "removed-source", "Kilden NAV er fjernet.", nil},
	{"source gives more", func(n *notice.Notice) { n.Sources[1].Categories = []string{"income", "contact"} },
		Material, "source-new-category", "NAV gir oss nå også kontaktopplysninger.", nil},
	{"source gives less", func(n *notice.Notice) { n.Sources[1].Categories = nil }, Notable, "source-removed-category", "NAV gir oss ikke lenger opplysninger om inntekt.", nil},
	{"source now public", func(n *notice.Notice) { n.Sources[1].Public = true },
		Notable, "source-public", "NAV er nå oppgitt som en offentlig tilgjengelig kilde.", nil},
	{"recipient gets less", func(n *notice.Notice) { n.Recipients[0].Categories = nil }, Notable, "recipient-removed-category", "", nil},
	{"recipient gets data for a new purpose", func(n *notice.Notice) { n.Recipients[0].Purposes = []string{"case", "news"} },
		Material, "recipient-new-purpose", "Skatteetaten får nå opplysninger også til formålet «Nyhetsbrev».", withRecipientPurpose},
	{"recipient no longer gets data for a purpose", func(n *notice.Notice) { n.Recipients[0].Purposes = nil },
		Notable, "recipient-removed-purpose", "Skatteetaten får ikke lenger opplysninger til formålet «Saksbehandling».", withRecipientPurpose},
	// Under the same id another name may be another organisation getting
	// the data (art. 13(1)(e)), as the controller's name is new-controller;
	// a rebrand costs a sign-off, a new recipient unnoticed costs more.
	{"renamed party", func(n *notice.Notice) { n.Recipients[0].Name = notice.PlainName("Skatt Nord") }, Material, "renamed-party", "Skatteetaten heter nå Skatt Nord.", nil},
	{"party named", func(n *notice.Notice) { n.Recipients[0].Name = notice.PlainName("Skatteetaten") }, Material, "renamed-party", "Det som før bare var oppgitt som offentlig myndighet, heter nå Skatteetaten.", func(n *notice.Notice) { n.Recipients[0].Name = nil }},
	{"party's name taken away", func(n *notice.Notice) { n.Recipients[0].Name = nil }, Material, "renamed-party", "Skatteetaten står nå uten navn, bare som offentlig myndighet.", nil},
	// A processor that becomes a company of its own, say, may use the
	// data for its own ends: classified up. The message named the party
	// twice ("NAV heter nå NAV") when only the kind changed.
	{"source of another kind", func(n *notice.Notice) { n.Sources[1].Kind = "employer" }, Material, "party-kind",
		"NAV er en annen type kilde eller mottaker: før offentlig myndighet, nå arbeidsgiver.", nil},
	{"removed transfer", func(n *notice.Notice) { n.Transfers = nil }, Notable, "removed-transfer", "Overføringen til Storbritannia er fjernet.", nil},
	{"transfer recipient", func(n *notice.Notice) { n.Transfers[0].Recipient = "Support Ltd" }, Material, "transfer-recipient", "", nil},
	{"new retention rule", func(n *notice.Notice) {
		n.Retention = append(n.Retention, notice.Retention{ID: "r2", Categories: []string{"income"}, Period: "P5Y", Then: "delete"})
	}, Notable, "new-retention-rule", "Det er lagt til en regel for hvor lenge vi lagrer opplysninger om inntekt.", nil},
	{"removed retention rule", func(n *notice.Notice) { n.Retention = nil }, Notable, "removed-retention-rule", "", nil},
	// A fixed period replaced by criteria may keep the data longer, with
	// no bound people can check: classified up, as criteria replaced by a
	// period is (longer-retention).
	{"retention by criteria", func(n *notice.Notice) {
		n.Retention[0].Period = ""
		n.Retention[0].Criteria = notice.Text{"nb": "Så lenge saken er åpen."}
	}, Material, "retention-criteria", "Vi oppgir ikke lenger en fast lagringstid for kontaktopplysninger og opplysninger om inntekt; nå står det bare hva som avgjør hvor lenge vi lagrer dem. Før sto det at vi lagret dem i ett år.", nil},
	// Criteria replaced by a fixed period: not necessarily longer, so the
	// message says the period is now stated, classified as longer-retention.
	{"retention period now stated", func(n *notice.Notice) { n.Retention[0].Period = "P1M" },
		Material, "retention-stated", "Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i én måned. Før sto det bare hva som avgjorde hvor lenge vi lagret dem.",
		func(n *notice.Notice) {
			n.Retention[0].Period = ""
			n.Retention[0].Criteria = notice.Text{"nb": "Så lenge saken er åpen."}
		}},
	// A text going from set to empty is removed, not reworded.
	{"retention start removed", func(n *notice.Notice) { n.Retention[0].From = nil }, Material, "retention-from",
		"Teksten om når lagringstiden begynner å løpe, er fjernet.", func(n *notice.Notice) { n.Retention[0].From = notice.Text{"nb": "saken er avsluttet"} }},
	{"recipient no longer certified under the DPF", func(n *notice.Notice) { n.Transfers[0].DPF = false }, Material, "transfer-dpf",
		"Mottakeren i Storbritannia er ikke lenger oppgitt som sertifisert etter EU–USA-rammeverket for personvern.", func(n *notice.Notice) { n.Transfers[0].DPF = true }},
	{"group no longer children", func(n *notice.Notice) { n.Groups[0].Child = false }, Material, "group-child", "«Barnet» er ikke lenger oppgitt som barn.", func(n *notice.Notice) {
		n.Groups = []notice.Group{notice.Group{ID: "kids", Label: notice.Text{"nb": "barnet", "nn": "barnet"}, Child: true}}
	}},
	{"cookie party no longer stated", func(n *notice.Notice) { n.Cookies[0].Party = "" }, Notable, "cookie-party",
		"Det står ikke lenger om informasjonskapselen «_ga» er førstepart eller tredjepart (før: førstepart).",
		func(n *notice.Notice) { withCookie(n); n.Cookies[0].Party = "first" }},
	{"retention criteria reworded", func(n *notice.Notice) { n.Retention[0].Criteria = notice.Text{"nb": "Til saken er lukket."} },
		Notable, "retention-criteria-text", "Kriteriene for hvor lenge vi lagrer kontaktopplysninger og opplysninger om inntekt, har fått ny ordlyd.",
		func(n *notice.Notice) { n.Retention[0].Criteria = notice.Text{"nb": "Så lenge saken er åpen."} }},
	// The period is the category's, whichever rule holds it: moving a
	// category to a rule that keeps it longer, or replacing a rule with a
	// new one of a longer period, keeps its data longer.
	{"category moved to a longer rule", func(n *notice.Notice) {
		n.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact"}, Period: "P1Y", Then: "delete"},
			{ID: "tax", Categories: []string{"income"}, Period: "P10Y", Then: "delete"}}
	}, Material, "category-kept-longer", "Vi lagrer nå opplysninger om inntekt i 10 år, fordi en annen regel gjelder for dem. Før sto det at vi lagret dem i ett år.", nil},
	{"rule replaced by a longer one", func(n *notice.Notice) {
		n.Retention = []notice.Retention{{ID: "r2", Categories: []string{"contact", "income"}, Period: "P2Y", Then: "delete"}}
	}, Material, "category-kept-longer", "Vi lagrer nå kontaktopplysninger i 2 år, fordi en annen regel gjelder for dem. Før sto det at vi lagret dem i ett år.", nil},
	{"anonymised instead of deleted", func(n *notice.Notice) { n.Retention[0].Then = "anonymise" }, Notable, "retention-then", "Regelen for hvor lenge vi lagrer kontaktopplysninger og opplysninger om inntekt, sier nå at vi gjør dem anonyme etter lagringstiden. Før sto det at vi slettet dem.", nil},
	{"deleted or anonymised instead of deleted", func(n *notice.Notice) { n.Retention[0].Then = "delete_or_anonymise" }, Notable, "retention-then", "Regelen for hvor lenge vi lagrer kontaktopplysninger og opplysninger om inntekt, sier nå at vi sletter dem eller gjør dem anonyme etter lagringstiden. Før sto det at vi slettet dem.", nil},
	{"a longest period now kept in full", func(n *notice.Notice) { n.Retention[0].AtMost = false }, Material, "retention-now-fixed", "Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i ett år. Før sto det at vi lagret dem i opptil ett år.", withAtMost},
	{"a period now the longest", func(n *notice.Notice) { n.Retention[0].AtMost = true }, Notable, "retention-now-at-most", "Vi lagrer nå kontaktopplysninger og opplysninger om inntekt i opptil ett år. Før sto det at vi lagret dem i ett år.", nil},
	{"retention covers other categories", func(n *notice.Notice) { n.Retention[0].Categories = []string{"contact"} }, Notable, "retention-categories", "", nil},
	{"right no longer limited", func(n *notice.Notice) { n.Rights["erasure"] = notice.Right{} },
		Notable, "right-limits-removed", "Retten til sletting er ikke lenger begrenset.", withErasureLimit},
	{"right limits changed", func(n *notice.Notice) {
		n.Rights["erasure"] = notice.Right{Limits: notice.Text{"nb": "Arkivloven og bokføringsloven."}}
	}, Material, "right-limits-changed", "", withErasureLimit},
	{"removed automated decision", func(n *notice.Notice) { n.AutomatedDecisions = nil }, Notable, "removed-automated-decision", "", nil},
	{"no longer profiling", func(n *notice.Notice) { n.AutomatedDecisions[0].Profiling = false }, Notable, "automated-no-profiling",
		"Den automatiserte avgjørelsen «Påminnelser» bygger ikke lenger på profilering.", func(n *notice.Notice) { n.AutomatedDecisions[0].Profiling = true }},
	{"automated decision for a new purpose", func(n *notice.Notice) { n.AutomatedDecisions[0].Purposes = []string{"case"} },
		Material, "automated-new-purpose", "Den automatiserte avgjørelsen «Påminnelser» brukes nå også til formålet «Saksbehandling».", nil},
	{"automated decision for fewer purposes", func(n *notice.Notice) { n.AutomatedDecisions[0].Purposes = nil },
		Notable, "automated-removed-purpose", "brukes ikke lenger til formålet «Saksbehandling».", func(n *notice.Notice) { n.AutomatedDecisions[0].Purposes = []string{"case"} }},
	{"automated logic", func(n *notice.Notice) { n.AutomatedDecisions[0].Logic = notice.Text{"nb": "Etter fristen."} }, Notable, "automated-logic", "", nil},
	{"automated significance", func(n *notice.Notice) { n.AutomatedDecisions[0].Significance = notice.Text{"nb": "Du får brev."} },
		Notable, "automated-significance", "", nil},
	// Cookies: what needs consent, or reaches someone new, is material
	// (ekomloven § 3-15, GDPR art. 13(3)).
	{"new cookie that needs consent", func(n *notice.Notice) {
		n.Cookies = append(n.Cookies, notice.Cookie{ID: "px", Name: "_fbp", Provider: "skatt", Lifetime: "P3M"})
	}, Material, "new-cookie", "Ny informasjonskapsel som ikke er strengt nødvendig: «_fbp».", withCookie},
	{"new necessary cookie", func(n *notice.Notice) {
		n.Cookies = append(n.Cookies, notice.Cookie{ID: "s", Name: "SESSION", Provider: "controller", Lifetime: "session", Necessary: true})
	}, Notable, "new-necessary-cookie", "Ny strengt nødvendig informasjonskapsel: «SESSION».", withCookie},
	{"removed cookie", func(n *notice.Notice) { n.Cookies = nil }, Notable, "removed-cookie", "Informasjonskapselen «_ga» er fjernet.", withCookie},
	{"cookie no longer necessary", func(n *notice.Notice) { n.Cookies[0].Necessary = false }, Material, "cookie-not-necessary",
		"Informasjonskapselen «_ga» regnes ikke lenger som strengt nødvendig og krever nå samtykke.", func(n *notice.Notice) { withCookie(n); n.Cookies[0].Necessary = true }},
	{"cookie now necessary", func(n *notice.Notice) { n.Cookies[0].Necessary = true }, Notable, "cookie-now-necessary", "regnes nå som strengt nødvendig", withCookie},
	{"cookie of a new third party", func(n *notice.Notice) { n.Cookies[0].Provider = "skatt" }, Material, "cookie-new-provider",
		"Informasjonskapselen «_ga» har fått en ny leverandør: før Eksempel kommune, nå Skatteetaten.", func(n *notice.Notice) { withCookie(n); n.Cookies[0].Provider = "controller" }},
	{"cookie now our own", func(n *notice.Notice) { n.Cookies[0].Provider = "controller" }, Notable, "cookie-own-provider", "Vi står nå selv bak informasjonskapselen «_ga», ikke lenger Skatteetaten.", withCookie},
	{"cookie kept longer", func(n *notice.Notice) { n.Cookies[0].Lifetime = "P2Y" }, Material, "cookie-longer-lifetime", "Informasjonskapselen «_ga» lagres nå lenger: 2 år. Før sto det 13 måneder.", withCookie},
	{"session cookie kept longer", func(n *notice.Notice) { n.Cookies[0].Lifetime = "P1D" }, Material, "cookie-longer-lifetime", "Informasjonskapselen «_ga» lagres nå lenger: én dag. Før sto det til du lukker nettleseren.",
		func(n *notice.Notice) { withCookie(n); n.Cookies[0].Lifetime = "session" }},
	{"cookie kept shorter", func(n *notice.Notice) { n.Cookies[0].Lifetime = "session" }, Notable, "cookie-shorter-lifetime", "Informasjonskapselen «_ga» lagres nå kortere: til du lukker nettleseren. Før sto det 13 måneder.", withCookie},
	{"cookie now third party", func(n *notice.Notice) { n.Cookies[0].Party = "third" }, Material, "cookie-third-party", "Informasjonskapselen «_ga» settes nå av et annet domene: før førstepart, nå tredjepart.", withCookie},
	{"cookie now first party", func(n *notice.Notice) { n.Cookies[0].Party = "first" }, Notable, "cookie-party", "Informasjonskapselen «_ga» er nå oppgitt som førstepart (før: tredjepart).",
		func(n *notice.Notice) { withCookie(n); n.Cookies[0].Party = "third" }},
	{"cookie provider in another country", func(n *notice.Notice) { n.Cookies[0].Country = "IN" }, Material, "cookie-country", "Leverandøren av informasjonskapselen «_ga» behandler opplysningene i et annet land: før USA, nå India.", withCookie},
	{"cookie for a new purpose", func(n *notice.Notice) { n.Cookies[0].Purposes = []string{"news", "case"} }, Material, "cookie-new-purpose",
		"Informasjonskapselen «_ga» brukes nå også til formålet «Saksbehandling».", withCookie},
	{"cookie for fewer purposes", func(n *notice.Notice) { n.Cookies[0].Purposes = nil }, Notable, "cookie-removed-purpose", "brukes ikke lenger til formålet «Nyhetsbrev».", withCookie},
	{"cookie renamed", func(n *notice.Notice) { n.Cookies[0].Name = "_ga_X" }, Notable, "cookie-name", "Informasjonskapselen «_ga_X» har fått et nytt teknisk navn: før _ga, nå _ga_X.", withCookie},
	{"cookie of another kind", func(n *notice.Notice) { n.Cookies[0].Kind = "local_storage" }, Notable, "cookie-kind", "Informasjonskapselen «_ga» er en annen type teknologi: før informasjonskapsel, nå lokal lagring.", withCookie},
	{"cookie purpose reworded", func(n *notice.Notice) {
		n.Cookies[0].Purpose = notice.Text{"nb": "Skiller besøkende fra hverandre.", "nn": "Tel besøk."}
	}, Notable, "cookie-purpose-text",
		"Formålet med informasjonskapselen «_ga» har fått ny ordlyd.", withCookie},
	{"cookie consent reworded", func(n *notice.Notice) {
		n.Cookies[0].Consent = notice.Text{"nb": "Du svarer i innstillingene.", "nn": "Du svarar i banneret."}
	}, Notable, "cookie-consent-text",
		"Teksten om samtykke til informasjonskapselen «_ga» har fått ny ordlyd.", withCookie},
	{"languages", func(n *notice.Notice) { n.Languages = []string{"nb"} }, Notable, "languages", "Språkene er endret fra nb, nn til nb.", nil},
	{"renamed id", func(n *notice.Notice) { n.Purposes[1].ID, n.Purposes[1].Replaces = "newsletter", "news" },
		Editorial, "renamed-id", "Formålet «Nyhetsbrev» har fått ny id (før news, nå newsletter). Det er ingen endring for leserne.", nil},
	{"index group", func(n *notice.Notice) { n.IndexGroup = notice.Text{"nb": "Helse og omsorg", "nn": "Helse og omsorg"} },
		Editorial, "index-group", "I oversikten på bokmål står erklæringen under en annen overskrift: før ikke oppgitt, nå «Helse og omsorg».", nil},
}

// Starting points of the cases that remove or narrow what base lacks.
var (
	withJoint = func(n *notice.Notice) {
		n.JointControllers = []notice.JointController{{Name: "Nabo kommune", OrgNumber: "974760673", Responsibilities: notice.Text{"nb": "Innsyn."}}}
	}
	withRecipientPurpose = func(n *notice.Notice) { n.Recipients[0].Purposes = []string{"case"} }
	withCookie           = func(n *notice.Notice) {
		n.Cookies = []notice.Cookie{{ID: "ga", Name: "_ga", Provider: "skatt", Party: "first", Purpose: notice.Text{"nb": "Teller besøk.", "nn": "Tel besøk."},
			Purposes: []string{"news"}, Lifetime: "P13M", Country: "US", Consent: notice.Text{"nb": "Du svarer i banneret.", "nn": "Du svarar i banneret."}}}
	}
	withErasureLimit = func(n *notice.Notice) {
		n.Rights["erasure"] = notice.Right{Limits: notice.Text{"nb": "Arkivloven krever at vi tar vare på saken."}}
	}
	withAtMost = func(n *notice.Notice) { n.Retention[0].AtMost = true }
)

func TestClassification(t *testing.T) {
	for _, tt := range classificationCases {
		t.Run(tt.name, func(t *testing.T) {
			rep := compareFrom(t, tt.old, tt.change)
			for _, ch := range append(rep.Changes, rep.Notes...) {
				if ch.Rule == tt.rule {
					if ch.Class != tt.class {
						t.Errorf("%s classified %s, want %s", tt.rule, ch.Class, tt.class)
					}
					// The rule's reason is said with --rules, not in the
					// message (review nb8x 12).
					if !strings.Contains(ch.Message+" ("+ch.Reason+")", tt.msg) {
						t.Errorf("message %q lacks %q", ch.Message, tt.msg)
					}
					return
				}
			}
			t.Errorf("no %s change; got %+v", tt.rule, rep.Changes)
		})
	}
}

func TestNoChange(t *testing.T) {
	if rep := compare(t, func(n *notice.Notice) {}); len(rep.Changes) != 0 {
		t.Errorf("identical notices differ: %+v", rep.Changes)
	}
	if _, changed := compare(t, func(n *notice.Notice) {}).Most(); changed {
		t.Error("Most reports a change")
	}
}

// TestReorderIsNoChange: lists are compared by id, not by position.
func TestReorderIsNoChange(t *testing.T) {
	rep := compare(t, func(n *notice.Notice) {
		slices.Reverse(n.Purposes)
		slices.Reverse(n.Categories)
		slices.Reverse(n.Sources)
		slices.Reverse(n.Purposes[0].Categories)
		n.Version, n.Updated = "1.1", "2024-02-01"
	})
	if len(rep.Changes) != 0 {
		t.Errorf("reordering gave changes: %+v", rep.Changes)
	}
}

// TestReplaces: a renamed id is removed + added, unless marked replaces
// or the item is the same but for its id (its name unchanged, nb8x 9).
func TestReplaces(t *testing.T) {
	rename := func(replaces string) func(n *notice.Notice) {
		return func(n *notice.Notice) {
			n.Purposes[1].ID = "newsletter"
			n.Purposes[1].Replaces = replaces
			if replaces == "" {
				n.Purposes[1].Name = notice.Text{"nb": "Nyhetsbrev på e-post", "nn": "Nyheitsbrev på e-post"}
			}
		}
	}
	rep := compare(t, rename(""))
	var rules []string
	for _, ch := range rep.Changes {
		rules = append(rules, ch.Rule)
	}
	if !slices.Contains(rules, "new-purpose") || !slices.Contains(rules, "removed-purpose") {
		t.Errorf("rename without replaces: %v", rules)
	}
	rep = compare(t, rename("news"))
	// The id is no change for readers: a note to the editor (nb9x 1).
	if len(rep.Changes) != 0 || len(rep.Notes) != 1 || rep.Notes[0].Rule != "renamed-id" || rep.Notes[0].Class != Editorial {
		t.Errorf("rename with replaces: %+v %+v", rep.Changes, rep.Notes)
	}
}

// TestReplacesFollowsReferences: a purpose renamed with replaces is the
// same purpose, also where a recipient or an automated decision names it;
// the rename must not read as a recipient getting data for a new purpose.
func TestReplacesFollowsReferences(t *testing.T) {
	uses := func(id string) func(n *notice.Notice) {
		return func(n *notice.Notice) {
			n.Recipients[0].Purposes = []string{"case", id}
			n.AutomatedDecisions[0].Purposes = []string{id}
		}
	}
	old, new := base(), base()
	uses("news")(&old)
	new.Purposes[1].ID, new.Purposes[1].Replaces = "newsletter", "news"
	uses("newsletter")(&new)
	rep := Compare(&old, &new, "old.yaml", "new.yaml", catalog(t, "nb"))
	if len(rep.Changes) != 0 || len(rep.Notes) != 1 || rep.Notes[0].Rule != ruleRenamedID.ID {
		t.Errorf("rename with replaces, referenced: want a renamed-id note only, got %+v %+v", rep.Changes, rep.Notes)
	}
	// Without replaces, under the same name, the purpose is the same too
	// (nb8x 9).
	new.Purposes[1].Replaces = ""
	rep = Compare(&old, &new, "old.yaml", "new.yaml", catalog(t, "nb"))
	if len(rep.Changes) != 0 || len(rep.Notes) != 1 || rep.Notes[0].Rule != ruleRenamedID.ID {
		t.Errorf("rename without replaces, same name: want a renamed-id note only, got %+v %+v", rep.Changes, rep.Notes)
	}
	// Without replaces and under another name the purpose is another one,
	// and so are the recipient's and the decision's.
	new.Purposes[1].Name = notice.Text{"nb": "Nyhetsbrev på e-post", "nn": "Nyheitsbrev på e-post"}
	rep = Compare(&old, &new, "old.yaml", "new.yaml", catalog(t, "nb"))
	var rules []string
	for _, ch := range rep.Changes {
		rules = append(rules, ch.Rule)
	}
	for _, want := range []*Rule{ruleRecipientNewPurpose, ruleRecipientRemovedPur, ruleAutomatedNewPurpose, ruleAutomatedRemovedPurpose} {
		if !slices.Contains(rules, want.ID) {
			t.Errorf("rename without replaces: no %s in %v", want.ID, rules)
		}
	}
}

// TestKeptLongerOnce: a category kept longer is reported once, by the
// rule that says why, and a category moved to a shorter rule is not.
func TestKeptLongerOnce(t *testing.T) {
	tests := []struct {
		name   string
		change func(n *notice.Notice)
		want   []string // rules reported, in order
	}{
		{"the rule's own period", func(n *notice.Notice) { n.Retention[0].Period = "P2Y" }, []string{"longer-retention"}},
		{"moved to a shorter rule", func(n *notice.Notice) {
			n.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact"}, Period: "P1Y", Then: "delete"},
				{ID: "short", Categories: []string{"income"}, Period: "P6M", Then: "delete"}}
		}, []string{"retention-categories", "new-retention-rule"}},
		{"moved to a rule kept longer", func(n *notice.Notice) {
			n.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact"}, Period: "P1Y", Then: "delete"},
				{ID: "tax", Categories: []string{"income"}, Period: "P10Y", Then: "delete"}}
		}, []string{"category-kept-longer", "retention-categories", "new-retention-rule"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, ch := range compare(t, tt.change).Changes {
				if !IsUpkeep(ch.Rule) {
					got = append(got, ch.Rule)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("rules %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMaterialFirst(t *testing.T) {
	rep := compare(t, func(n *notice.Notice) {
		n.Title = notice.Text{"nb": "Ny tittel", "nn": "Ny tittel"}
		n.Controller.Phone = "22 11 11 11"
		n.Purposes = append(n.Purposes, notice.Purpose{ID: "x", Name: notice.Text{"nb": "X"}})
	})
	var classes []Class
	for _, ch := range rep.Changes {
		classes = append(classes, ch.Class)
	}
	if !slices.IsSortedFunc(classes, func(a, b Class) int { return int(b) - int(a) }) || classes[0] != Material {
		t.Errorf("order %v", classes)
	}
}

func TestRedline(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{"Vi lagrer data i tolv uker.", "Vi lagrer data i seks måneder.", "= Vi lagrer data i|- tolv uker.|+ seks måneder."},
		{"a b c", "a b c", "= a b c"},
		{"", "ny tekst", "+ ny tekst"},
		{"gammel tekst", "", "- gammel tekst"},
		{"a b c d", "a x c d", "= a|- b|+ x|= c d"},
	}
	for _, tt := range tests {
		var parts []string
		for _, tok := range Redline(tt.old, tt.new) {
			parts = append(parts, tok.Op+" "+tok.Text)
		}
		if got := strings.Join(parts, "|"); got != tt.want {
			t.Errorf("Redline(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
		}
	}
}

// TestGitRevision reads REV:PATH from a temporary repository.
func TestGitRevision(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	run := testtool.Git(t, dir)
	run("init", "-q", "-b", "main")
	_ = os.MkdirAll(filepath.Join(dir, "notices"), 0o755)
	_ = os.WriteFile(filepath.Join(dir, "notices", "a.yaml"), []byte("id: a\nversion: \"1.0\"\n"), 0o644)
	run("add", ".")
	run("commit", "-q", "-m", "v1")
	run("tag", "v1.0")
	_ = os.WriteFile(filepath.Join(dir, "notices", "a.yaml"), []byte("id: a\nversion: \"2.0\"\n"), 0o644)

	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	if err := os.Chdir(filepath.Join(dir, "notices")); err != nil {
		t.Fatal(err)
	}
	d, err := Load("v1.0:a.yaml") // relative to where you stand, as git show REV:./PATH
	if err != nil {
		t.Fatal(err)
	}
	if d.Notice.Version != "1.0" {
		t.Errorf("version %q", d.Notice.Version)
	}
	if _, err := Load("v9.9:a.yaml"); err == nil || !strings.Contains(err.Error(), "v9.9:a.yaml") {
		t.Errorf("unknown revision: %v", err)
	}
	if _, err := Load("a.yaml"); err != nil {
		t.Errorf("plain file: %v", err)
	}
}

// TestOneClassForBothLanguages: one change to a text that exists in both
// languages gets one class, the higher of the two (review nb 20, nn 25:
// bokmål "deles" → "deler vi" named a purpose word, the nynorsk rewording
// did not, and the nynorsk reader was told less).
func TestOneClassForBothLanguages(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		old, new := base(), base()
		old.Recipients[0].Description = notice.Text{"nb": "Personalia som du har samtykket til.", "nn": "Personalia som du har samtykt til, blir sende."}
		new.Recipients[0].Description = notice.Text{"nb": "Vi deler personalia når NAV har bestilt det.", "nn": "Vi sender personalia når NAV har bestilt det."}
		rep := Compare(&old, &new, "a", "b", catalog(t, lang))
		// One change to the text is one entry, in the report's language,
		// the other language's text beside it (review nb8x 12).
		var got []Change
		for _, ch := range rep.Changes {
			if strings.HasPrefix(ch.Key, "recipients/skatt/description/") {
				got = append(got, ch)
			}
		}
		if len(got) != 1 || got[0].Lang != lang || len(got[0].Also) != 1 || got[0].Class != Material {
			t.Fatalf("%s: want one material entry in %s with the other language beside it, got %+v", lang, lang, got)
		}
		// The reason is in the report's language (review nn5 4), and
		// names the language whose words raised it.
		if why := map[string]string{"nb": "på bokmål nevner bruk eller deling av opplysninger", "nn": "på bokmål nemner bruk eller deling av opplysningar"}[lang]; lang == "nn" && !strings.Contains(got[0].Reason, why) {
			t.Errorf("%s: the raised change does not say why: %q", lang, got[0].Reason)
		}
	}
}

// TestLawShortTitle: a right's limits whose only change is a law's short
// title in another form, with the same section numbers, is editorial
// (review nn 27: "arkivloven" → "arkivlova" was reported as a limit that
// may make the right harder to use); another law, or a changed section,
// stays material.
func TestLawShortTitle(t *testing.T) {
	for _, tt := range []struct {
		old, new string
		class    Class
	}{
		{"Vi må ta vare på dem etter arkivloven, så de kan ikke alltid slettes.", "Vi må ta vare på dem etter arkivlova, så de kan ikke alltid slettes.", Editorial},
		{"Etter arkivloven § 6 kan vi ikke slette.", "Etter arkivlova § 6 kan vi ikke slette.", Editorial},
		{"Etter arkivloven § 6 kan vi ikke slette.", "Etter arkivlova § 7 kan vi ikke slette.", Material},
		{"Etter arkivloven kan vi ikke slette.", "Etter helseregisterloven kan vi ikke slette.", Material},
		{"Etter arkivloven kan vi ikke slette.", "Etter arkivl. kan vi ikke slette.", Material},
	} {
		old, new := base(), base()
		old.Rights["erasure"] = notice.Right{Limits: notice.Text{"nb": tt.old}}
		new.Rights["erasure"] = notice.Right{Limits: notice.Text{"nb": tt.new}}
		rep := Compare(&old, &new, "a", "b", catalog(t, "nn"))
		if len(rep.Changes) == 0 {
			t.Fatalf("%q → %q: no change", tt.old, tt.new)
		}
		for _, ch := range rep.Changes {
			if strings.HasPrefix(ch.Key, "rights/") && ch.Class != tt.class {
				t.Errorf("%q → %q: %s (%s) %q, want %s", tt.old, tt.new, ch.Class, ch.Rule, ch.Message, tt.class)
			}
		}
	}
}

// TestPartyTextNamesItsKind: a source's or recipient's description says
// whose it is, kind and name, in both languages (review nb 19:
// "Beskrivelsen av «databehandler»" did not say whether a source or a
// recipient changed).
func TestPartyTextNamesItsKind(t *testing.T) {
	for _, tt := range []struct{ lang, source, recipient string }{
		{"nb", "Beskrivelsen av kilden «Deg selv» har fått ny ordlyd", "Beskrivelsen av mottakeren Skatteetaten har fått ny ordlyd\nBeskrivelsen av mottakeren «Databehandlere» har fått ny ordlyd"},
		{"nn", "Skildringa av kjelda «Deg sjølv» har fått ny ordlyd", "Skildringa av mottakaren Skatteetaten har fått ny ordlyd\nSkildringa av mottakaren «Databehandlarar» har fått ny ordlyd"},
	} {
		if tt.lang == "nb" {
			tt.recipient += "\nTeksten om hvordan du bruker rettighetene dine hos NAV, er fjernet\nTeksten om hva som skjer hvis du ikke gir oss opplysningene til formålet «Saksbehandling», har fått ny ordlyd"
		} else {
			tt.recipient += "\nTeksten om korleis du brukar rettane dine hos NAV, er fjerna\nTeksten om kva som skjer viss du ikkje gjev oss opplysningane til formålet «Sakshandsaming», har fått ny ordlyd"
		}
		old, new := base(), base()
		old.Sources[0].Description = notice.Text{"nb": "Det du skriver i søknaden.", "nn": "Det du skriv i søknaden."}
		new.Sources[0].Description = notice.Text{"nb": "Det du skriver i søknaden og i skjemaet.", "nn": "Det du skriv i søknaden og i skjemaet."}
		old.Recipients[0].Description = notice.Text{"nb": "Inntekten din.", "nn": "Inntekta di."}
		new.Recipients[0].Description = notice.Text{"nb": "Inntekten og formuen din.", "nn": "Inntekta og formuen din."}
		// A party given only by kind is named by the page's heading, not
		// the singular kind label (nb 15, nn 14).
		old.Recipients = append(old.Recipients, notice.Recipient{ID: "drift", Kind: "processor", Description: notice.Text{"nb": "Drift.", "nn": "Drift."}})
		new.Recipients = append(new.Recipients, notice.Recipient{ID: "drift", Kind: "processor", Description: notice.Text{"nb": "Drift og støtte.", "nn": "Drift og støtte."}})
		// Another controller's rights text says whose (nb 19: JobLearn
		// "Hvordan du bruker rettigheten, er fjernet").
		old.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no",
			Rights: notice.Text{"nb": "Kontakt NAV.", "nn": "Kontakt NAV."}}}
		new.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}}
		// A purpose's consequences say which purpose's.
		old.Purposes[0].Provision = &notice.Provision{Requirement: "statutory", Consequences: notice.Text{"nb": "Vi kan ikke behandle søknaden.", "nn": "Vi kan ikkje handsame søknaden."}}
		new.Purposes[0].Provision = &notice.Provision{Requirement: "statutory", Consequences: notice.Text{"nb": "Vi kan ikke behandle søknaden din før du har gitt oss dem.", "nn": "Vi kan ikkje handsame søknaden din før du har gjeve oss dei."}}
		rep := Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		var got []string
		for _, ch := range rep.Changes {
			if ch.Lang == tt.lang {
				got = append(got, ch.Message)
			}
		}
		all := strings.Join(got, "\n")
		for _, want := range strings.Split(tt.source+"\n"+tt.recipient, "\n") {
			if !strings.Contains(all, want) {
				t.Errorf("%s: no %q in\n%s", tt.lang, want, all)
			}
		}
	}
}

// TestProvisionAsShown: a provision change is reported as the page shows
// it (review nb 1, 2, nn 9): once per statement that changed, named by
// the purposes that show it, never for a processor purpose the page
// leaves to its controller, and the statement said once, the old one in
// the past.
func TestProvisionAsShown(t *testing.T) {
	// VINN: the customers' purpose takes its group's statement, the one
	// done for NAV is NAV's to answer; the notice's own reaches neither.
	from := func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", Email: "post@nav.no"}}
		n.Purposes[0].Role = &notice.Role{Kind: "processor", Controller: "nav"}
		n.Groups = []notice.Group{{ID: "kunder", Label: notice.Text{"nb": "kunder", "nn": "kundar"},
			Provision: &notice.Provision{Requirement: "voluntary", Consequences: notice.Text{"nb": "Da får du ikke tilbud.", "nn": "Då får du ikkje tilbod."}}}}
		n.Purposes[1].Groups = []string{"kunder"}
		n.Provision = &notice.Provision{Requirement: "voluntary", Consequences: notice.Text{"nb": "Da får du ikke tilbud.", "nn": "Då får du ikkje tilbod."}}
	}
	change := func(n *notice.Notice) {
		for _, p := range []*notice.Provision{n.Groups[0].Provision, n.Provision} {
			p.Requirement = "contract_prerequisite"
			p.Consequences = notice.Text{"nb": "Uten navn kan vi ikke levere.", "nn": "Utan namn kan vi ikkje levere."}
		}
	}
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"nb", []string{
			"For formålet «Nyhetsbrev» må du nå gi oss opplysningene for at vi skal kunne inngå en avtale med deg. Før sto det at det var frivillig.",
			"Teksten om hva som skjer hvis du ikke gir oss opplysningene til formålet «Nyhetsbrev», har fått ny ordlyd. Les den nye teksten",
		}},
		{"nn", []string{
			"For formålet «Nyheitsbrev» må du no gje oss opplysningane for at vi skal kunne inngå ein avtale med deg. Før stod det at det var frivillig.",
			"Teksten om kva som skjer viss du ikkje gjev oss opplysningane til formålet «Nyheitsbrev», har fått ny ordlyd. Les den nye teksten",
		}},
	} {
		old, new := base(), base()
		from(&old)
		from(&new)
		change(&new)
		rep := Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		var got []string
		for _, ch := range rep.Changes {
			if strings.Contains(ch.Key, "provision") {
				got = append(got, ch.Message)
			}
		}
		if len(got) != len(tt.want) {
			t.Fatalf("%s: %d provision changes, want %d: %q", tt.lang, len(got), len(tt.want), got)
		}
		for i, w := range tt.want {
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("%s: change %d = %q, want it to start %q", tt.lang, i, got[i], w)
			}
		}
		if rep.Changes[0].Class != Material {
			t.Errorf("%s: voluntary → required classed %s", tt.lang, rep.Changes[0].Class)
		}
	}
	// Left to NAV before, required now: said as the page said it, and
	// material (classified up).
	rep := compareFrom(t, from, func(n *notice.Notice) { n.Purposes[0].Provision = &notice.Provision{Requirement: "statutory"} })
	var msgs []string
	for _, ch := range rep.Changes {
		if strings.Contains(ch.Key, "provision") {
			msgs = append(msgs, ch.Message)
			if ch.Class != Material {
				t.Errorf("%q classed %s", ch.Message, ch.Class)
			}
		}
	}
	want := "For formålet «Saksbehandling» har du nå plikt til å gi oss opplysningene fordi loven krever det. Før sto det at NAV avgjorde om du måtte gi dem."
	if len(msgs) != 1 || msgs[0] != want {
		t.Errorf("got %q, want [%q]", msgs, want)
	}
}

// TestHowRemovedOnce: texts on how to use several rights, all removed,
// said of the rights in the plural ("rettane til innsyn, …", nn8 3),
// are one line in page order, about the text, not the right (review nb
// 10, nn 12).
func TestHowRemovedOnce(t *testing.T) {
	from := func(n *notice.Notice) {
		for _, code := range []string{"access", "erasure", "rectification", "restriction"} {
			n.Rights[code] = notice.Right{How: notice.Text{"nb": "Skriv til oss.", "nn": "Skriv til oss."}}
		}
	}
	for lang, want := range map[string]string{
		"nb": "Teksten om hvordan du bruker rettighetene til innsyn, retting, sletting og begrensning av behandlingen, er fjernet.",
		"nn": "Teksten om korleis du brukar rettane til innsyn, retting, sletting og avgrensing av behandlinga, er fjerna.",
	} {
		old, new := base(), base()
		from(&old)
		for code := range new.Rights {
			new.Rights[code] = notice.Right{}
		}
		rep := Compare(&old, &new, "a", "b", catalog(t, lang))
		var got []string
		for _, ch := range rep.Changes {
			if !strings.HasPrefix(ch.Key, "rights/") {
				continue
			}
			got = append(got, ch.Reader)
			if ch.Class != Material {
				t.Errorf("%s: %q classed %s", lang, ch.Reader, ch.Class)
			}
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s: got %q, want %q once", lang, got, want)
		}
	}
}

// TestRetentionRuleNamed: a retention line names its rule, tells apart
// two rules with the same categories by what happens at the end, says a
// rule's lost or gained categories as such, and counts in words (review
// nb 4, 11, 18; nn 8, 11, 15).
func TestRetentionRuleNamed(t *testing.T) {
	cats := func(n *notice.Notice) {
		n.Categories = nil
		for _, id := range []string{"contact", "income", "age", "health", "caseno"} {
			n.Categories = append(n.Categories, notice.Category{ID: id, Label: notice.Text{"nb": "opplysninger om " + id + " og om saken din", "nn": "opplysningar om " + id + " og om saka di"}})
		}
	}
	for _, tt := range []struct {
		name       string
		from, to   func(n *notice.Notice)
		lang, want string
	}{
		{"two rules for all, told apart by their end", func(n *notice.Notice) {
			n.Retention = []notice.Retention{
				{ID: "r", Categories: []string{"contact", "income"}, Criteria: notice.Text{"nb": "Til saken er ferdig.", "nn": "Til saka er ferdig."}, Then: "delete"},
				{ID: "a", Categories: []string{"contact", "income"}, Criteria: notice.Text{"nb": "Noe arkiveres.", "nn": "Noko blir arkivert."}, Then: "archive"},
			}
		}, func(n *notice.Notice) {
			n.Retention[1].Criteria = notice.Text{"nb": "Saker arkiveres.", "nn": "Saker blir arkiverte."}
		},
			"nb", "Kriteriene for hvor lenge vi lagrer kontaktopplysninger og opplysninger om inntekt før vi arkiverer dem, har fått ny ordlyd."},
		{"same categories, same end: by place", func(n *notice.Notice) {
			n.Retention = []notice.Retention{
				{ID: "r", Categories: []string{"contact", "income"}, Criteria: notice.Text{"nb": "Til saken er ferdig."}, Then: "delete"},
				{ID: "a", Categories: []string{"contact", "income"}, Criteria: notice.Text{"nb": "Noe lagres lenger."}, Then: "delete"},
			}
		}, func(n *notice.Notice) { n.Retention[1].Criteria = notice.Text{"nb": "Noe lagres enda lenger."} },
			"nb", "Kriteriene for hvor lenge vi lagrer kontaktopplysninger og opplysninger om inntekt (regel 2), har fått ny ordlyd."},
		{"the same in nynorsk", func(n *notice.Notice) {
			n.Retention = []notice.Retention{
				{ID: "r", Categories: []string{"contact", "income"}, Criteria: notice.Text{"nb": "Til saken er ferdig.", "nn": "Til saka er ferdig."}, Then: "delete"},
				{ID: "a", Categories: []string{"contact", "income"}, Criteria: notice.Text{"nb": "Noe arkiveres.", "nn": "Noko blir arkivert."}, Then: "archive"},
			}
		}, func(n *notice.Notice) {
			n.Retention[0].Criteria = notice.Text{"nb": "Til saken er avsluttet.", "nn": "Til saka er avslutta."}
		},
			"nn", "Kriteria for kor lenge vi lagrar kontaktopplysningar og opplysningar om inntekt før vi slettar dei, har fått ny ordlyd."},
		{"a rule loses a category", nil, func(n *notice.Notice) { n.Retention[0].Categories = []string{"contact"} },
			"nb", "Regelen for hvor lenge vi lagrer kontaktopplysninger, gjelder ikke lenger opplysninger om inntekt."},
		{"a name with og in it quoted", func(n *notice.Notice) {
			n.Categories = append(n.Categories, notice.Category{ID: "org", Label: notice.Text{"nb": "organisasjonsnavn og firmanavn", "nn": "organisasjonsnamn og firmanamn"}})
			n.Retention[0].Categories = []string{"contact", "income", "org"}
		}, func(n *notice.Notice) { n.Retention[0].Categories = []string{"contact", "income"} },
			"nb", "Regelen for hvor lenge vi lagrer kontaktopplysninger og opplysninger om inntekt, gjelder ikke lenger «organisasjonsnavn og firmanavn»."},
		{"a rule gains a category", func(n *notice.Notice) { n.Retention[0].Categories = []string{"contact"} }, func(n *notice.Notice) { n.Retention[0].Categories = []string{"contact", "income"} },
			"nn", "Regelen for kor lenge vi lagrar kontaktopplysningar, gjeld no òg opplysningar om inntekt."},
		{"a count in words", func(n *notice.Notice) {
			cats(n)
			n.Retention = []notice.Retention{{ID: "r", Categories: []string{"contact", "income", "age", "health"}, Criteria: notice.Text{"nb": "Til saken er ferdig."}}}
		}, func(n *notice.Notice) { n.Retention[0].Criteria = notice.Text{"nb": "Til saken er avsluttet."} },
			"nb", "Kriteriene for hvor lenge vi lagrer «opplysninger om contact og om saken din» og tre andre typer opplysninger, har fått ny ordlyd"},
	} {
		old, new := base(), base()
		if tt.from != nil {
			tt.from(&old)
			tt.from(&new)
		}
		tt.to(&new)
		rep := Compare(&old, &new, "a", "b", catalog(t, tt.lang))
		var got []string
		found := false
		for _, ch := range rep.Changes {
			if strings.HasPrefix(ch.Key, "retention/") {
				got = append(got, ch.Reader+" | "+ch.Message)
				found = found || strings.HasPrefix(ch.Message, tt.want) || strings.HasPrefix(ch.Reader, tt.want)
			}
		}
		if !found {
			t.Errorf("%s: no %q in %q", tt.name, tt.want, got)
		}
	}
}
