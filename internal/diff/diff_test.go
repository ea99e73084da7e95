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
	old, new := base(), base()
	change(&new)
	return Compare(&old, &new, "old.yaml", "new.yaml", catalog(t, "nb"))
}

// TestClassification: one case per kind of change, with the class and the
// rule that must classify it.
func TestClassification(t *testing.T) {
	tests := []struct {
		name   string
		change func(n *notice.Notice)
		class  Class
		rule   string
		msg    string
	}{
		{"new purpose", func(n *notice.Notice) {
			n.Purposes = append(n.Purposes, notice.Purpose{ID: "stats", Name: notice.Text{"nb": "Statistikk"}})
		}, Material, "new-purpose", "Nytt formål: «Statistikk»."},
		{"removed purpose", func(n *notice.Notice) { n.Purposes = n.Purposes[:1] }, Notable, "removed-purpose", "Formålet «Nyhetsbrev» er fjernet."},
		{"purpose uses a new category", func(n *notice.Notice) { n.Purposes[1].Categories = []string{"contact", "income"} }, Material, "purpose-new-category", "Formålet «Nyhetsbrev» bruker nå også inntekt."},
		{"new category", func(n *notice.Notice) { n.Categories = append(n.Categories, notice.Category{ID: "age"}) }, Material, "new-category", "Ny kategori opplysninger: «alder»."},
		{"new special category", func(n *notice.Notice) { n.Categories = append(n.Categories, notice.Category{ID: "health"}) }, Material, "new-special-category", "Ny særlig kategori opplysninger: «helseopplysninger»."},
		{"removed category", func(n *notice.Notice) { n.Categories = n.Categories[:1] }, Notable, "removed-category", ""},
		{"new source", func(n *notice.Notice) {
			n.Sources = append(n.Sources, notice.Source{ID: "emp", Kind: "employer", Categories: []string{"income"}})
		}, Material, "new-source", "Ny kilde: «arbeidsgiver»."},
		{"new recipient", func(n *notice.Notice) {
			n.Recipients = append(n.Recipients, notice.Recipient{ID: "host", Kind: "processor", Name: notice.PlainName("Drift AS")})
		}, Material, "new-recipient", "Ny mottaker: «Drift AS»."},
		{"removed recipient", func(n *notice.Notice) { n.Recipients = nil }, Notable, "removed-recipient", "Mottakeren «Skatteetaten» er fjernet."},
		{"recipient gets more", func(n *notice.Notice) { n.Recipients[0].Categories = []string{"income", "contact"} }, Material, "recipient-new-category", ""},
		{"new transfer", func(n *notice.Notice) {
			n.Transfers = append(n.Transfers, notice.Transfer{ID: "us", Country: "US", Safeguard: "scc"})
		}, Material, "new-transfer", "Ny overføring til land utenfor EU/EØS: USA."},
		{"new country", func(n *notice.Notice) { n.Transfers[0].Country = "JP" }, Material, "new-country", "Overføringen går til et annet land: Storbritannia → Japan."},
		{"changed safeguard", func(n *notice.Notice) { n.Transfers[0].Safeguard = "scc" }, Material, "changed-safeguard", ""},
		{"longer retention", func(n *notice.Notice) { n.Retention[0].Period = "P18M" }, Material, "longer-retention", "1 år → 18 måneder"},
		{"shorter retention", func(n *notice.Notice) { n.Retention[0].Period = "P6M" }, Notable, "shorter-retention", "1 år → 6 måneder"},
		{"archived instead of deleted", func(n *notice.Notice) { n.Retention[0].Then = "archive" }, Material, "retention-archived", ""},
		{"changed legal basis", func(n *notice.Notice) { n.Purposes[0].LegalBasis[0].Article = "6(1)(c)" }, Material, "added-legal-basis", "artikkel 6 nr. 1 bokstav c"},
		{"removed legal basis", func(n *notice.Notice) { n.Purposes[0].LegalBasis[0].Article = "6(1)(c)" }, Material, "removed-legal-basis", "artikkel 6 nr. 1 bokstav e"},
		{"national law changed", func(n *notice.Notice) {
			n.Purposes[0].LegalBasis[0].NationalLaw = notice.Text{"nb": "sosialtjenesteloven § 30", "nn": "sosialtenestelova § 30"}
		}, Material, "changed-legal-basis", ""},
		{"new automated decision", func(n *notice.Notice) {
			n.AutomatedDecisions = append(n.AutomatedDecisions, notice.AutomatedDecision{ID: "score", Description: notice.Text{"nb": "Poeng"}})
		}, Material, "new-automated-decision", "Ny automatisert avgjørelse: «Poeng»."},
		{"profiling", func(n *notice.Notice) { n.AutomatedDecisions[0].Profiling = true }, Material, "automated-profiling", ""},
		{"right removed", func(n *notice.Notice) { delete(n.Rights, "objection") }, Material, "narrowed-right", "Rett til å protestere er fjernet fra erklæringen."},
		{"right limited", func(n *notice.Notice) {
			n.Rights["erasure"] = notice.Right{Limits: notice.Text{"nb": "Arkivloven krever at vi tar vare på saken."}}
		}, Material, "right-limited", "Rett til sletting er begrenset: Arkivloven krever"},
		{"right added", func(n *notice.Notice) { n.Rights["portability"] = notice.Right{} }, Notable, "added-right", ""},
		{"new controller", func(n *notice.Notice) { n.Controller.Name = notice.PlainName("Ny kommune") }, Material, "new-controller", "Ny behandlingsansvarlig: Eksempel kommune → Ny kommune."},
		{"contact details", func(n *notice.Notice) { n.Controller.Email = "postmottak@eksempel.no" }, Notable, "contact-details", "E-postadressen er endret: post@eksempel.no → postmottak@eksempel.no."},
		{"dpo", func(n *notice.Notice) { n.DPO = &notice.DPO{Email: "nytt@eksempel.no"} }, Notable, "dpo-changed", ""},
		{"wording", func(n *notice.Notice) {
			n.Purposes[0].Description = notice.Text{"nb": "Vi behandler søknaden din raskt.", "nn": "Vi handsamar søknaden din."}
		}, Editorial, "wording", "Beskrivelsen av formålet (nb) har fått ny ordlyd."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := compare(t, tt.change)
			for _, ch := range rep.Changes {
				if ch.Rule == tt.rule {
					if ch.Class != tt.class {
						t.Errorf("%s classified %s, want %s", tt.rule, ch.Class, tt.class)
					}
					if !strings.Contains(ch.Message, tt.msg) {
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

// TestReplaces: a renamed id is removed + added, unless marked replaces.
func TestReplaces(t *testing.T) {
	rename := func(replaces string) func(n *notice.Notice) {
		return func(n *notice.Notice) {
			n.Purposes[1].ID = "newsletter"
			n.Purposes[1].Replaces = replaces
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
	if len(rep.Changes) != 1 || rep.Changes[0].Rule != "renamed-id" || rep.Changes[0].Class != Editorial {
		t.Errorf("rename with replaces: %+v", rep.Changes)
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
