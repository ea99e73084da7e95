package diff

// TestLawyerEdits holds realistic edits to the five example notices, each
// with the class a data-protection lawyer reviewing the change would give
// it. The tool may class an edit more severely (it classifies up when
// unsure) but never less: a material change called notable or editorial
// lets it through a --fail-on material gate.

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

type lawyerEdit struct {
	file, name string
	edit       func(n *notice.Notice)
	want       Class
}

func both(nb, nn string) notice.Text { return notice.Text{"nb": nb, "nn": nn} }

// appendText adds a sentence to both languages of a text.
func appendText(t notice.Text, nb, nn string) notice.Text {
	return both(t["nb"]+" "+nb, t["nn"]+" "+nn)
}

func purpose(n *notice.Notice, id string) *notice.Purpose {
	for i := range n.Purposes {
		if n.Purposes[i].ID == id {
			return &n.Purposes[i]
		}
	}
	panic("no purpose " + id)
}

func category(n *notice.Notice, id string) *notice.Category {
	for i := range n.Categories {
		if n.Categories[i].ID == id {
			return &n.Categories[i]
		}
	}
	panic("no category " + id)
}

func retentionRule(n *notice.Notice, id string) *notice.Retention {
	for i := range n.Retention {
		if n.Retention[i].ID == id {
			return &n.Retention[i]
		}
	}
	panic("no retention rule " + id)
}

var lawyerEdits = []lawyerEdit{
	// kvalifiseringsprogrammet: a municipality's KVP notice.
	{"kvalifiseringsprogrammet", "purpose widened to marketing", func(n *notice.Notice) {
		p := purpose(n, "kvalifisering")
		p.Description = appendText(p.Description, "Vi bruker også opplysningene til å markedsføre andre tjenester fra kommunen til deg.", "Vi brukar òg opplysningane til å marknadsføre andre tenester frå kommunen til deg.")
	}, Material},
	{"kvalifiseringsprogrammet", "category description now lists fødselsnummer and bank account", func(n *notice.Notice) {
		c := category(n, "contact")
		c.Description = both("navn, adresse, telefonnummer, fødselsnummer og bankkontonummer", "namn, adresse, telefonnummer, fødselsnummer og bankkontonummer")
	}, Material},
	{"kvalifiseringsprogrammet", "basis changed from legal obligation to public task", func(n *notice.Notice) {
		p := purpose(n, "kvalifisering")
		p.LegalBasis[0].Article = "6(1)(e)"
	}, Material},
	{"kvalifiseringsprogrammet", "new recipient: NAV", func(n *notice.Notice) {
		n.Recipients = append(n.Recipients, notice.Recipient{ID: "nav", Kind: "public_authority", Name: notice.PlainName("NAV")})
	}, Material},
	{"kvalifiseringsprogrammet", "rights made harder: letters only", func(n *notice.Notice) {
		r := n.Rights["access"]
		r.How = both("Send et brev til kommunen. Vi tar ikke imot forespørsler på e-post.", "Send eit brev til kommunen. Vi tek ikkje imot førespurnader på e-post.")
		n.Rights["access"] = r
	}, Material},
	{"kvalifiseringsprogrammet", "a right removed", func(n *notice.Notice) { delete(n.Rights, "restriction") }, Material},
	{"kvalifiseringsprogrammet", "provision voluntary to statutory", func(n *notice.Notice) { n.Provision.Requirement = "statutory" }, Material},
	{"kvalifiseringsprogrammet", "spacing and punctuation in the introduction", func(n *notice.Notice) {
		n.Introduction = both(strings.ReplaceAll(n.Introduction["nb"], ". ", ".  "), strings.ReplaceAll(n.Introduction["nn"], ". ", ".  "))
	}, Editorial},
	// joblearn: a private provider of measures for NAV.
	{"joblearn", "retention 12 weeks to 12 months", func(n *notice.Notice) { retentionRule(n, "etter-sluttrapport").Period = "P12M" }, Material},
	{"joblearn", "retention 12 weeks to 6 weeks", func(n *notice.Notice) { retentionRule(n, "etter-sluttrapport").Period = "P6W" }, Notable},
	{"joblearn", "retention starting point moved later", func(n *notice.Notice) {
		retentionRule(n, "etter-sluttrapport").From = both("at NAV har godkjent sluttrapporten og eventuelle klager er behandlet", "at NAV har godkjent sluttrapporten og eventuelle klager er behandla")
	}, Material},
	{"joblearn", "retention criteria text names a longer period", func(n *notice.Notice) {
		r := retentionRule(n, "etter-sluttrapport")
		r.Criteria = both(strings.ReplaceAll(r.Criteria["nb"], "12 uker", "24 uker"), strings.ReplaceAll(r.Criteria["nn"], "12 veker", "24 veker"))
	}, Material},
	{"joblearn", "new category: health", func(n *notice.Notice) {
		n.Categories = append(n.Categories, notice.Category{ID: "health"})
		purpose(n, "tiltak").Categories = append(purpose(n, "tiltak").Categories, "health")
	}, Material},
	{"joblearn", "employer recipient now gets national id", func(n *notice.Notice) {
		n.Recipients[1].Categories = append(n.Recipients[1].Categories, "national_id")
	}, Material},
	{"joblearn", "transfer to the US added", func(n *notice.Notice) {
		n.Transfers = append(n.Transfers, notice.Transfer{ID: "us", Country: "US", Safeguard: "scc"})
	}, Material},
	{"joblearn", "DPO e-mail changed", func(n *notice.Notice) { n.DPO.Email = "ombud@joblearn.no" }, Notable},
	{"joblearn", "controller renamed", func(n *notice.Notice) { n.Controller.Name = notice.PlainName("JobLearn Norge AS") }, Material},
	{"joblearn", "now processed on NAV's behalf", func(n *notice.Notice) {
		n.Controllers = []notice.OtherController{{ID: "nav", Name: notice.PlainName("NAV"), Kind: "public_authority", URL: "https://www.nav.no"}}
		purpose(n, "tiltak").Role = &notice.Role{Kind: notice.RoleProcessor, Controller: "nav"}
	}, Material},
	{"joblearn", "recipient description says data are shared with partners", func(n *notice.Notice) {
		n.Recipients[2].Description = appendText(n.Recipients[2].Description, "Vi kan også dele opplysninger med samarbeidspartnere.", "Vi kan òg dele opplysningar med samarbeidspartnarar.")
	}, Material},
	{"joblearn", "security text reworded", func(n *notice.Notice) {
		n.Security = appendText(n.Security, "Vi har tofaktorinnlogging.", "Vi har tofaktorinnlogging.")
	}, Notable},
	// vinn-hallingdal: mixed roles, website analytics.
	{"vinn-hallingdal", "interests widened to profiling", func(n *notice.Notice) {
		b := &purpose(n, "kunder").LegalBasis[0]
		b.Interests = appendText(b.Interests, "Vi lager også profiler av kundene.", "Vi lagar òg profilar av kundane.")
	}, Material},
	{"vinn-hallingdal", "processor turned into an independent controller", func(n *notice.Notice) { n.Recipients[3].Kind = "private_company" }, Material},
	{"vinn-hallingdal", "new purpose: newsletter", func(n *notice.Notice) {
		n.Purposes = append(n.Purposes, notice.Purpose{ID: "nyhetsbrev", Name: both("Nyhetsbrev", "Nyheitsbrev"), Categories: []string{"contact"}, LegalBasis: []notice.Basis{{Article: "6(1)(a)"}}})
	}, Material},
	{"vinn-hallingdal", "purpose removed", func(n *notice.Notice) { n.Purposes = n.Purposes[:3] }, Notable},
	{"vinn-hallingdal", "cookie lifetime two to five years", func(n *notice.Notice) { n.Cookies[0].Lifetime = "P5Y" }, Material},
	{"vinn-hallingdal", "cookie now called necessary", func(n *notice.Notice) { n.Cookies[0].Necessary = true }, Notable},
	{"vinn-hallingdal", "transfer safeguard changed", func(n *notice.Notice) { n.Transfers[0].Safeguard = "scc" }, Material},
	{"vinn-hallingdal", "only the bokmål description changed", func(n *notice.Notice) {
		p := purpose(n, "laerekandidater")
		p.Description = both(p.Description["nb"]+" Vi følger deg opp hver uke.", p.Description["nn"])
	}, Notable},
	{"vinn-hallingdal", "contact phone changed", func(n *notice.Notice) { n.Controller.Phone = "32 07 56 01" }, Notable},
	{"vinn-hallingdal", "source added: Buskerud fylkeskommune", func(n *notice.Notice) {
		n.Sources = append(n.Sources, notice.Source{ID: "fylket", Kind: "public_authority", Name: notice.PlainName("Buskerud fylkeskommune"), Categories: []string{"education"}})
	}, Material},
	// karrieresenteret-vestfold: consent-based career guidance.
	{"karrieresenteret-vestfold", "consent replaced by legitimate interests", func(n *notice.Notice) {
		p := purpose(n, "statistikk")
		p.LegalBasis = []notice.Basis{{Article: "6(1)(f)", Interests: both("Å forbedre tjenesten.", "Å betre tenesta.")}}
	}, Material},
	{"karrieresenteret-vestfold", "withdraw consent made harder", func(n *notice.Notice) {
		r := n.Rights["withdraw_consent"]
		r.Limits = both("Samtykket kan bare trekkes tilbake ved personlig oppmøte.", "Samtykket kan berre trekkjast tilbake ved personleg oppmøte.")
		n.Rights["withdraw_consent"] = r
	}, Material},
	{"karrieresenteret-vestfold", "statistics purpose now for research too", func(n *notice.Notice) {
		p := purpose(n, "statistikk")
		p.Description = appendText(p.Description, "Opplysningene kan også brukes i forskning sammen med universitetet.", "Opplysningane kan òg brukast i forsking saman med universitetet.")
	}, Material},
	{"karrieresenteret-vestfold", "analytics data kept 26 to 50 months", func(n *notice.Notice) { retentionRule(n, "nettstatistikk").Period = "P50M" }, Material},
	{"karrieresenteret-vestfold", "criteria replaced by a fixed long period", func(n *notice.Notice) {
		r := retentionRule(n, "etter-siste-veiledning")
		r.Period = "P10Y"
	}, Material},
	{"karrieresenteret-vestfold", "title punctuation", func(n *notice.Notice) {
		n.Title = both(n.Title["nb"]+".", n.Title["nn"]+".")
	}, Editorial},
	// inn-trondheim: introduction programme, sensitive data.
	{"inn-trondheim", "health data now from the GP too", func(n *notice.Notice) {
		n.Sources = append(n.Sources, notice.Source{ID: "fastlege", Kind: "health_service", Name: notice.PlainName("Fastlegen"), Categories: []string{"health"}})
	}, Material},
	{"inn-trondheim", "automated decision introduced", func(n *notice.Notice) {
		n.AutomatedDecisions = append(n.AutomatedDecisions, notice.AutomatedDecision{ID: "fravaer", Description: both("Trekk i stønad ved fravær", "Trekk i stønad ved fråvær"), Logic: both("Regel.", "Regel."), Significance: both("Mindre stønad.", "Mindre stønad.")})
	}, Material},
	{"inn-trondheim", "archive rule now deletes", func(n *notice.Notice) { retentionRule(n, "arkiv").Then = "delete" }, Notable},
	{"inn-trondheim", "recipient removed", func(n *notice.Notice) { n.Recipients = n.Recipients[:len(n.Recipients)-1] }, Notable},
	{"inn-trondheim", "consent sharing now names Statistics Norway", func(n *notice.Notice) {
		p := purpose(n, "samtykke-deling")
		p.Description = appendText(p.Description, "Opplysningene deles også med Statistisk sentralbyrå.", "Opplysningane blir òg delte med Statistisk sentralbyrå.")
	}, Material},
	{"inn-trondheim", "erasure limit reworded", func(n *notice.Notice) {
		r := n.Rights["erasure"]
		r.Limits = both("Vi sletter ikke opplysninger som skal arkiveres.", "Vi slettar ikkje opplysningar som skal arkiverast.")
		n.Rights["erasure"] = r
	}, Material},
	{"inn-trondheim", "unit renamed", func(n *notice.Notice) {
		n.Controller.Unit = both("Introduksjonssenteret", "Introduksjonssenteret")
	}, Notable},
}

func TestLawyerEdits(t *testing.T) {
	counts := map[Class]int{}
	for _, e := range lawyerEdits {
		t.Run(e.file+"/"+e.name, func(t *testing.T) {
			path := filepath.Join("..", "..", "testdata", "notices", e.file+".yaml")
			old, err := notice.LoadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			nw, err := notice.LoadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			e.edit(&nw.Notice)
			// The edit is published as a new version, so version discipline
			// does not decide its class.
			nw.Notice.Version, nw.Notice.Updated = nw.Notice.Version+".1", "2030-01-01"
			rep := Compare(&old.Notice, &nw.Notice, "old", "new", catalog(t, "nb"))
			got, changed := rep.Most()
			if !changed {
				t.Fatalf("no change reported; want %s", e.want)
			}
			counts[e.want]++
			if got < e.want {
				t.Errorf("classed %s, a lawyer would say %s:\n%s", got, e.want, messages(rep))
			} else if got > e.want {
				t.Logf("classed %s, more severe than %s: %s", got, e.want, messages(rep))
			}
		})
	}
	if len(lawyerEdits) < 40 {
		t.Errorf("%d edits; the table should hold at least 40", len(lawyerEdits))
	}
	t.Logf("edits per class a lawyer gives: material %d, notable %d, editorial %d", counts[Material], counts[Notable], counts[Editorial])
}

func messages(r *Report) string {
	var b strings.Builder
	for _, c := range r.Changes {
		b.WriteString("  " + c.Class.String() + " " + c.Rule + ": " + c.Message + "\n")
	}
	return b.String()
}
