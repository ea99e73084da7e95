package validate

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"gopkg.in/yaml.v3"
)

var testValidator = func() *Validator {
	v, err := New()
	if err != nil {
		panic(err)
	}
	return v
}()

// edit sets the value at a dotted path ("purposes.0.legal_basis") to a YAML
// snippet; an empty value deletes the key or list item.
type edit struct{ path, value string }

func applyEdits(t *testing.T, src []byte, edits []edit) []byte {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		segs := strings.Split(e.path, ".")
		parent := doc.Content[0]
		for _, s := range segs[:len(segs)-1] {
			parent = child(t, parent, s)
		}
		last := segs[len(segs)-1]
		var val *yaml.Node
		if e.value != "" {
			var v yaml.Node
			if err := yaml.Unmarshal([]byte(e.value), &v); err != nil {
				t.Fatalf("edit %s: %v", e.path, err)
			}
			val = v.Content[0]
		}
		setChild(t, parent, last, val)
	}
	out, err := yaml.Marshal(doc.Content[0])
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func child(t *testing.T, n *yaml.Node, seg string) *yaml.Node {
	t.Helper()
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == seg {
				return n.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(seg); err == nil && i < len(n.Content) {
			return n.Content[i]
		}
	}
	t.Fatalf("no %q in node at line %d", seg, n.Line)
	return nil
}

func setChild(t *testing.T, n *yaml.Node, seg string, val *yaml.Node) {
	t.Helper()
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == seg {
				if val == nil {
					n.Content = append(n.Content[:i], n.Content[i+2:]...)
				} else {
					n.Content[i+1] = val
				}
				return
			}
		}
		if val != nil {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: seg}, val)
		}
		return
	case yaml.SequenceNode:
		if seg == "+" {
			n.Content = append(n.Content, val)
			return
		}
		i, err := strconv.Atoi(seg)
		if err != nil || i >= len(n.Content) {
			t.Fatalf("bad index %q", seg)
		}
		if val == nil {
			n.Content = append(n.Content[:i], n.Content[i+1:]...)
		} else {
			n.Content[i] = val
		}
		return
	}
	t.Fatalf("cannot set %q in node at line %d", seg, n.Line)
}

func validateBytes(t *testing.T, name string, src []byte) []Finding {
	t.Helper()
	doc, err := notice.Parse(name, src)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, src)
	}
	return testValidator.Validate(doc)
}

func hasRule(fs []Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

func TestValidBaseHasNoFindings(t *testing.T) {
	src, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if fs := validateBytes(t, "testdata/valid.yaml", src); len(fs) != 0 {
		t.Fatalf("base notice has findings:\n%v", fs)
	}
}

// ruleCases gives every rule one notice that passes it and one that fails
// it, each a small change to testdata/valid.yaml.
var ruleCases = []struct {
	rule       string
	pass, fail []edit
	wantMsg    string // part of the failing finding's message
}{
	{"placeholder", []edit{{"title.nb", "Ekte tittel"}}, []edit{{"title.nb", `"FYLL INN: tittel"`}}, "not filled in"},
	{"duplicate-id", []edit{{"purposes.1.id", "news"}, {"recipients.0.purposes", "[follow-up]"}, {"automated_decisions.0.purposes", "[news]"}}, []edit{{"purposes.1.id", "follow-up"}}, `"follow-up" is already used by purposes[0]`},
	{"category-ref", []edit{{"purposes.1.categories", "[contact]"}}, []edit{{"purposes.1.categories", "[contacts]"}}, `did you mean "contact"`},
	{"category-unused", []edit{{"categories.+", "{id: age}"}, {"purposes.1.categories", "[contact, age]"}, {"retention.0.categories", "[contact, health, situation, age]"}}, []edit{{"categories.+", "{id: age}"}, {"retention.0.categories", "[contact, health, situation, age]"}}, `"age" is used by no purpose`},
	{"category-special", []edit{{"categories.2.special", "false"}}, []edit{{"categories.1.special", "false"}}, "vocabulary category"},
	{"purpose-ref", []edit{{"recipients.0.purposes", "[newsletter]"}}, []edit{{"recipients.0.purposes", "[news]"}}, `purpose "news" is not declared`},
	{"role-ref", []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: processor, controller: nav}"}}, []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: processor, controller: nva}"}}, `controller "nva" is not declared; add it under controllers with its name and contact, or correct the id; did you mean "nav"?`},
	{"role-ref", []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: joint, with: [nav], arrangement: {nb: NAV svarer på innsyn., nn: NAV svarar på innsyn.}}"}}, []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: processor, controller: nav, with: [nav]}"}}, "with names joint controllers, but purpose \"follow-up\" is processed as a processor"},
	{"role-ref", []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: processor, controller: nav}"}}, []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: processor, controller: nav}"}, {"joint_controllers", "[{name: NAV, responsibilities: {nb: X, nn: X}}]"}}, "move the joint controllers into controllers"},
	{"controller-unused", []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: processor, controller: nav}"}}, []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}}, `controller "nav" is named by no purpose's role`},
	{"controller-dpo", []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: processor, controller: nav}"}}, []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no}]"}, {"purposes.0.role", "{kind: processor, controller: nav}"}}, "NAV is a public authority, so it has a data protection officer"},
	{"group-ref", []edit{{"groups", "[{id: users, label: {nb: brukere, nn: brukarar}}]"}, {"purposes.0.groups", "[users]"}, {"purposes.1.groups", "[users]"}}, []edit{{"groups", "[{id: users, label: {nb: brukere, nn: brukarar}}]"}, {"purposes.0.groups", "[users]"}}, `purpose "newsletter" names no group; say whose data it concerns with groups: [users]`},
	{"group-ref", []edit{{"groups", "[{id: users, label: {nb: brukere, nn: brukarar}}]"}, {"purposes.0.groups", "[users]"}, {"purposes.1.groups", "[users]"}}, []edit{{"groups", "[{id: users, label: {nb: brukere, nn: brukarar}}]"}, {"purposes.0.groups", "[users]"}, {"purposes.1.groups", "[user]"}}, `group "user" is not declared`},
	{"group-ref", []edit{{"groups", "[{id: users, label: {nb: brukere, nn: brukarar}}]"}, {"purposes.0.groups", "[users]"}, {"purposes.1.groups", "[users]"}, {"retention.0.groups", "[users]"}}, []edit{{"groups", "[{id: users, label: {nb: brukere, nn: brukarar}}]"}, {"purposes.0.groups", "[users]"}, {"purposes.1.groups", "[users]"}, {"retention.0.groups", "[usrs]"}}, `group "usrs" is not declared`},
	{"group-child-consent", []edit{{"groups", "[{id: kids, label: {nb: barnet, nn: barnet}, about: {nb: barnet ditt, nn: barnet ditt}, child: true}]"}, {"purposes.0.groups", "[kids]"}, {"purposes.1.groups", "[kids]"}, {"purposes.1.legal_basis.0.note", "{nb: Foreldrene samtykker for barnet., nn: Foreldra samtykkjer for barnet.}"}}, []edit{{"groups", "[{id: kids, label: {nb: barnet, nn: barnet}, child: true}]"}, {"purposes.0.groups", "[kids]"}, {"purposes.1.groups", "[kids]"}, {"purposes.1.legal_basis.0.note", ""}}, "asks children for consent"},
	{"provision-required", []edit{{"provision", ""}, {"purposes.0.provision", "{requirement: statutory, consequences: {nb: X, nn: X}}"}, {"purposes.1.provision", "{requirement: voluntary, consequences: {nb: X, nn: X}}"}}, []edit{{"provision", ""}, {"purposes.0.provision", "{requirement: statutory, consequences: {nb: X, nn: X}}"}}, "add provision"},
	{"schema", []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: processor, controller: nav}"}}, []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: processor}"}}, "controller: missing"},
	// The schema library's own words ("length must be <= 80, but got
	// 81", "value must be ...") are English; the finding says it itself.
	{"schema", []edit{{"index_group", "{nb: Oppvekst, nn: Oppvekst}"}}, []edit{{"index_group", "{nb: " + strings.Repeat("a", 81) + ", nn: Oppvekst}"}}, "is too long: at most 80 characters; shorten it"},
	{"schema", []edit{{"complaint", "datatilsynet"}}, []edit{{"complaint", "nkom"}}, `"nkom" is not allowed here; write "datatilsynet"`},
	{"schema", []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: joint, with: [nav], arrangement: {nb: X, nn: X}}"}}, []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: joint, with: [nav]}"}}, "arrangement: missing"},
	{"basis-art6", []edit{{"purposes.0.legal_basis.1", ""}, {"purposes.0.categories", "[contact, situation]"}}, []edit{{"purposes.0.legal_basis.0", ""}}, "no basis in art. 6(1)"},
	{"basis-special", []edit{{"categories.2.special", "false"}}, []edit{{"purposes.0.legal_basis.1", ""}}, `special category "health"`},
	// Art. 10: the national law on follow-up's bases lays down its task; it
	// does not make criminal data lawful, so the purpose names that law.
	{"basis-criminal", []edit{{"categories.+", "{id: criminal}"}, {"purposes.0.categories", "[contact, health, situation, criminal]"}, {"purposes.0.criminal_law", "{nb: politiregisterloven § 39, nn: politiregisterlova § 39}"}, {"retention.0.categories", "[contact, health, situation, criminal]"}}, []edit{{"categories.+", "{id: criminal}"}, {"purposes.0.categories", "[contact, health, situation, criminal]"}, {"retention.0.categories", "[contact, health, situation, criminal]"}}, "add criminal_law to the purpose"},
	{"basis-criminal", []edit{{"categories.+", "{id: criminal}"}, {"purposes.1.categories", "[contact, criminal]"}, {"purposes.1.criminal_law", "{nb: politiregisterloven § 39, nn: politiregisterlova § 39}"}, {"retention.0.categories", "[contact, health, situation, criminal]"}}, []edit{{"purposes.1.criminal_law", "{nb: politiregisterloven § 39, nn: politiregisterlova § 39}"}}, `uses no category "criminal"`},
	{"basis-art9-unused", []edit{{"purposes.0.legal_basis.1.article", `"9(2)(b)"`}}, []edit{{"purposes.1.legal_basis.+", `{article: "9(2)(a)"}`}}, "special categories"},
	{"basis-consent-withdraw", []edit{{"rights.withdraw_consent", "{}"}}, []edit{{"rights.withdraw_consent", ""}}, "consent needs a withdraw_consent right"},
	{"basis-public-6f", []edit{{"controller.kind", "private"}, {"dpo", ""}, {"purposes.1.legal_basis.0", `{article: "6(1)(f)", interests: {nb: Markedsføring, nn: Marknadsføring}}`}, {"rights.withdraw_consent", ""}, {"rights.portability", ""}}, []edit{{"purposes.1.legal_basis.0", `{article: "6(1)(f)", interests: {nb: Markedsføring, nn: Marknadsføring}}`}, {"rights.withdraw_consent", ""}, {"rights.portability", ""}}, "public authority cannot rely on 6(1)(f)"},
	// Recital 43: consent by a public authority is warned of unless the
	// note says why people are free to say no; a private controller is not.
	{"basis-public-consent", []edit{{"controller.kind", "private"}, {"dpo", ""}, {"purposes.1.legal_basis.0.note", ""}}, []edit{{"purposes.1.legal_basis.0.note", ""}}, "a public authority can rarely rely on consent"},
	{"basis-public-consent", []edit{{"purposes.1.legal_basis.0.note", "{nb: Frivillig., nn: Frivillig.}"}}, []edit{{"purposes.1.legal_basis.0", `{article: "9(2)(a)"}`}, {"purposes.1.categories", "[contact, health]"}, {"purposes.1.legal_basis.+", `{article: "6(1)(a)"}`}}, `purpose "newsletter"`},
	{"sources-coverage", []edit{{"sources.0.categories", "[contact, health]"}}, []edit{{"sources.0.categories", "[contact]"}}, `no source gives category "health"`},
	{"basis-art9-law", []edit{{"purposes.0.legal_basis.1.national_law", "{nb: sosialtjenesteloven § 29, nn: sosialtenestelova § 29}"}}, []edit{{"purposes.0.legal_basis.1", `{article: "9(2)(b)"}`}}, "9(2)(b) applies only on the basis of law"},
	{"explicit-none", []edit{{"transfers", "[]"}, {"recipients.0.purposes", "[follow-up]"}}, []edit{{"transfers", ""}}, "write transfers: []"},
	{"provision-required", []edit{{"sources.0", ""}, {"provision", ""}, {"sources.0.categories", "[contact, health, situation]"}}, []edit{{"provision", ""}}, "add provision"},
	// Art. 13(2)(e) also when no source is the person: a category no other
	// source gives may come from them, and a processor (a system) is not
	// where data come from.
	{"provision-required", []edit{{"sources.0", ""}, {"provision", ""}, {"sources.0.categories", "[contact, health, situation]"}}, []edit{{"sources.0", ""}, {"provision", ""}}, `no source other than the person gives "contact", "health"`},
	{"provision-required", []edit{{"sources.0", ""}, {"provision", ""}, {"sources.0.categories", "[contact, health, situation]"}}, []edit{{"sources.0", ""}, {"provision", ""}, {"sources.0.kind", "processor"}, {"sources.0.categories", "[contact, health, situation]"}}, `"nav" is a processor`},
	{"transfer", []edit{{"transfers.0.country", "JP"}, {"transfers.0.safeguard", "adequacy"}, {"transfers.0.copy", ""}}, []edit{{"transfers.0.country", "CN"}, {"transfers.0.safeguard", "adequacy"}, {"transfers.0.copy", ""}}, "CN has no EU adequacy decision"},
	{"transfer", []edit{{"transfers.0.safeguard", "derogation"}, {"transfers.0.derogation", "a"}}, []edit{{"transfers.0.safeguard", ""}}, "needs a safeguard"},
	{"transfer", []edit{{"transfers.0.country", "GB"}}, []edit{{"transfers.0.country", "SE"}}, "not a transfer to a third country"},
	{"transfer", []edit{{"transfers.0.recipient", "host"}}, []edit{{"transfers.0.recipient", "hosting"}}, `recipient "hosting" is not declared`},
	// Art. 45: the US decision covers DPF-certified recipients only, which
	// the notice must state; an EU decision the EEA has not incorporated
	// (Brazil) is no adequacy in Norway; no decision covers an international
	// organisation.
	{"transfer", []edit{{"transfers.0.safeguard", "adequacy"}, {"transfers.0.dpf", "true"}, {"transfers.0.copy", ""}}, []edit{{"transfers.0.safeguard", "adequacy"}, {"transfers.0.copy", ""}}, "covers only recipients certified under the EU-U.S. Data Privacy Framework"},
	{"transfer", []edit{{"transfers.0.country", "GB"}, {"transfers.0.safeguard", "adequacy"}, {"transfers.0.copy", ""}}, []edit{{"transfers.0.country", "GB"}, {"transfers.0.safeguard", "adequacy"}, {"transfers.0.dpf", "true"}, {"transfers.0.copy", ""}}, "covers recipients in the United States only"},
	{"transfer", []edit{{"transfers.0.country", "BR"}}, []edit{{"transfers.0.country", "BR"}, {"transfers.0.safeguard", "adequacy"}, {"transfers.0.copy", ""}}, "not yet part of the EEA Agreement"},
	{"transfer", []edit{{"transfers.0.country", ""}, {"transfers.0.organisation", "FNs høykommissær for flyktninger (UNHCR)"}}, []edit{{"transfers.0.country", ""}, {"transfers.0.organisation", "UNHCR"}, {"transfers.0.safeguard", "adequacy"}, {"transfers.0.copy", ""}}, "no EU adequacy decision covers an international organisation"},
	{"transfer", []edit{{"recipients.0.kind", "international_organisation"}}, []edit{{"transfers.0.organisation", "UNHCR"}}, "give country or organisation, not both"},
	{"retention-coverage", []edit{{"retention.+", "{id: extra, categories: [health], period: P1Y, then: delete}"}}, []edit{{"retention.0.categories", "[contact, situation]"}}, `no retention rule covers category "health"`},
	{"retention-period", []edit{{"retention.0.period", "P12W"}}, []edit{{"retention.0.period", "12 weeks"}}, "not an ISO 8601 duration"},
	{"retention-period", []edit{{"retention.0.period", "P1Y6M"}}, []edit{{"retention.0.period", "PT5H"}}, "not an ISO 8601 duration"},
	{"retention-period", []edit{{"retention.0.at_most", "true"}}, []edit{{"retention.+", "{id: x, categories: [contact], criteria: {nb: Så lenge saken er åpen., nn: Så lenge saka er open.}, then: delete_or_anonymise, at_most: true}"}}, "at_most says the period is the longest, but the rule has no period"},
	{"rights-required", []edit{{"rights.restriction", "{}"}}, []edit{{"rights.restriction", ""}}, "the right restriction is missing; add rights.restriction. Under art. 18,"},
	{"rights-required", []edit{{"rights.objection", "{}"}}, []edit{{"rights.objection", ""}}, "the right objection is missing; add rights.objection. Under art. 21,"},
	{"rights-required", []edit{{"rights.portability", "{}"}}, []edit{{"rights.portability", ""}}, "the right portability is missing; add rights.portability. Under art. 20(1),"},
	{"rights-not-applicable", []edit{{"purposes.1", ""}, {"rights.withdraw_consent", ""}, {"rights.portability", ""}, {"automated_decisions.0.purposes", ""}}, []edit{{"purposes.1", ""}, {"rights.withdraw_consent", ""}}, "portability does not apply here"},
	{"rights-not-applicable", []edit{{"automated_decisions", "[]"}, {"rights.human_review", ""}}, []edit{{"automated_decisions", "[]"}}, "human_review does not apply here"},
	// Art. 20(1)(b): consent or contract counts for portability only when
	// the processing is carried out by automated means.
	{"rights-not-applicable", []edit{{"purposes.1.automated", ""}, {"rights.portability", ""}}, []edit{{"purposes.1.automated", ""}}, "carried out by automated means; if the processing is, set automated: true"},
	{"rights-required", []edit{{"purposes.1.legal_basis.0.article", `"6(1)(b)"`}, {"rights.withdraw_consent", ""}}, []edit{{"purposes.1.legal_basis.0.article", `"6(1)(b)"`}, {"rights.withdraw_consent", ""}, {"rights.portability", ""}}, "the right portability is missing; add rights.portability. Under art. 20(1),"},
	// Art. 21(2): direct marketing can be objected to whatever its basis;
	// 21(6): so can research and statistics. With follow-up on 6(1)(c),
	// only these flags make the right apply.
	{"rights-required", []edit{{"purposes.0.legal_basis.0.article", `"6(1)(c)"`}, {"purposes.1.direct_marketing", "true"}}, []edit{{"purposes.0.legal_basis.0.article", `"6(1)(c)"`}, {"purposes.1.direct_marketing", "true"}, {"rights.objection", ""}}, "to direct marketing (paragraph 2)"},
	{"rights-required", []edit{{"purposes.0.legal_basis.0.article", `"6(1)(c)"`}, {"purposes.0.research", "true"}}, []edit{{"purposes.0.legal_basis.0.article", `"6(1)(c)"`}, {"purposes.0.research", "true"}, {"rights.objection", ""}}, "the right objection is missing; add rights.objection. Under art. 21,"},
	{"rights-not-applicable", []edit{{"purposes.0.legal_basis.0.article", `"6(1)(c)"`}, {"purposes.0.research", "true"}}, []edit{{"purposes.0.legal_basis.0.article", `"6(1)(c)"`}}, "objection does not apply here"},
	{"automated-human-review", []edit{{"rights.human_review", "{}"}}, []edit{{"rights.human_review", ""}}, "add rights.human_review"},
	// Art. 22(2): the exception is named; b needs the law; c goes with
	// consent. Art. 22(4): special categories only with 9(2)(a) or (g) and
	// the right to human review.
	{"automated-basis", []edit{{"automated_decisions.0.basis", "c"}}, []edit{{"automated_decisions.0.basis", ""}}, "add basis: a (necessary for a contract with the person)"},
	{"automated-basis", []edit{{"automated_decisions.0.basis", "b"}, {"automated_decisions.0.law", "{nb: lov § 1, nn: lov § 1}"}}, []edit{{"automated_decisions.0.basis", "b"}}, "basis b needs the law"},
	{"automated-basis", []edit{{"automated_decisions.0.basis", "c"}}, []edit{{"automated_decisions.0.basis", "a"}}, "basis a goes with 6(1)(b)"},
	{"automated-special", []edit{{"automated_decisions.0.purposes", "[follow-up]"}, {"purposes.0.legal_basis.1.article", `"9(2)(g)"`}, {"automated_decisions.0.basis", "b"}, {"automated_decisions.0.law", "{nb: lov § 1, nn: lov § 1}"}}, []edit{{"automated_decisions.0.purposes", "[follow-up]"}, {"automated_decisions.0.basis", "b"}, {"automated_decisions.0.law", "{nb: lov § 1, nn: lov § 1}"}}, `special category "health", and may then rest on them only with explicit consent`},
	{"automated-special", []edit{{"automated_decisions.0.purposes", "[follow-up]"}, {"purposes.0.legal_basis.1.article", `"9(2)(g)"`}, {"automated_decisions.0.basis", "b"}, {"automated_decisions.0.law", "{nb: lov § 1, nn: lov § 1}"}}, []edit{{"automated_decisions.0.purposes", "[follow-up]"}, {"purposes.0.legal_basis.1.article", `"9(2)(g)"`}, {"automated_decisions.0.basis", "b"}, {"automated_decisions.0.law", "{nb: lov § 1, nn: lov § 1}"}, {"rights.human_review", ""}}, "add rights.human_review saying how"},
	// Art. 14(5), 23, personopplysningsloven § 16: the provision must fit
	// the right, art. 23 needs its law, the right is one the notice lists.
	{"restriction", []edit{{"restrictions", `[{id: taushet, right: access, provision: "pol-16(1)(d)", meaning: {nb: Vi gir ikke innsyn i det som er taushetsbelagt., nn: Vi gjev ikkje innsyn i det som er teiepliktig.}}]`}}, []edit{{"restrictions", `[{id: taushet, right: erasure, provision: "pol-16(1)(d)", meaning: {nb: X, nn: X}}]`}}, "pol-16(1)(d) cannot restrict erasure"},
	{"restriction", []edit{{"restrictions", `[{id: b, right: access, provision: "23(1)(e)", law: {nb: barnevernsloven § 12-6, nn: barnevernslova § 12-6}, meaning: {nb: X, nn: X}}]`}}, []edit{{"restrictions", `[{id: b, right: access, provision: "23(1)(e)", meaning: {nb: X, nn: X}}]`}}, "23(1)(e) works only through a national law"},
	{"restriction", []edit{{"restrictions", `[{id: nav, right: information, provision: "14(5)(c)", law: {nb: NAV-loven § 7, nn: NAV-lova § 7}, meaning: {nb: X, nn: X}}]`}}, []edit{{"rights.portability", ""}, {"restrictions", `[{id: p, right: portability, provision: "23(1)(e)", law: {nb: lov § 1, nn: lov § 1}, meaning: {nb: X, nn: X}}]`}}, "does not list the right portability"},
	{"party-name", []edit{{"recipients.0.name", "Ditt Apotek Dinamo AS"}}, []edit{{"recipients.0.name", "Fastlegen din"}}, `"Fastlegen din" says "din"`},
	{"party-kind-repeat", []edit{{"recipients.+", "{id: other, kind: other, description: {nb: Andre., nn: Andre.}}"}, {"recipients.+", "{id: host2, kind: processor, description: {nb: Andre., nn: Andre.}}"}}, []edit{{"recipients.+", "{id: a, kind: other, description: {nb: A., nn: A.}}"}, {"recipients.+", "{id: b, kind: other, description: {nb: B., nn: B.}}"}}, `recipients[1] and recipients[2] are both given only by kind "other"`},
	{"org-number", []edit{{"controller.org_number", `"974 760 673"`}}, []edit{{"controller.org_number", `"974760674"`}}, "not a valid Norwegian organisation number"},
	{"contact-format", []edit{{"controller.email", "post@example.no"}}, []edit{{"controller.email", "post(at)example.no"}}, "not an e-mail address"},
	{"contact-format", []edit{{"controller.phone", `"+47 22 00 00 00"`}}, []edit{{"controller.phone", `"22 00 00"`}}, "not a phone number"},
	{"contact-format", []edit{{"controller.url", "https://example.no/personvern"}}, []edit{{"controller.url", "www.example.no"}}, "not a web address"},
	{"hidden-char", []edit{{"controller.email", "post@example.no"}}, []edit{{"controller.email", `"post@example.no\u202e"`}}, "U+202E RIGHT-TO-LEFT OVERRIDE"},
	{"mixed-script", []edit{{"controller.url", "https://www.blåbær.no"}}, []edit{{"controller.url", "https://www.nаv.no"}}, "Cyrillic letter а (U+0430) in a Latin address"},
	{"link-text", []edit{{"introduction", `{nb: "[post@nav.no](mailto:post@nav.no)", nn: "[post@nav.no](mailto:post@nav.no)"}`}}, []edit{{"introduction", `{nb: "[post@nav.no](mailto:evil@example.com)", nn: "[post@nav.no](mailto:post@nav.no)"}`}}, `the link text "post@nav.no" is an e-mail address, but the link goes to "mailto:evil@example.com"`},
	{"date", []edit{{"updated", "2024-02-29"}}, []edit{{"updated", "2023-02-29"}}, "not a real date"},
	{"languages", []edit{{"title.nn", "Testtenesta"}}, []edit{{"title.nn", ""}}, "text is missing nn"},
	// Texts the walk once missed because it knew text fields by a list of
	// keys: another controller's rights, a group's about, an arrangement.
	{"languages", []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}, rights: {nb: Kontakt NAV., nn: Kontakt NAV.}}]"}, {"purposes.0.role", "{kind: processor, controller: nav}"}}, []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}, rights: {nb: Kontakt NAV.}}]"}, {"purposes.0.role", "{kind: processor, controller: nav}"}}, "text is missing nn"},
	{"languages", []edit{{"groups", "[{id: kids, label: {nb: barn, nn: born}, about: {nb: barnet ditt, nn: barnet ditt}}]"}, {"purposes.0.groups", "[kids]"}, {"purposes.1.groups", "[kids]"}}, []edit{{"groups", "[{id: kids, label: {nb: barn, nn: born}, about: {nb: barnet ditt}}]"}, {"purposes.0.groups", "[kids]"}, {"purposes.1.groups", "[kids]"}}, "text is missing nn"},
	{"languages", []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: joint, with: [nav], arrangement: {nb: NAV svarer., nn: NAV svarar.}}"}}, []edit{{"controllers", "[{id: nav, name: NAV, kind: public_authority, email: post@nav.no, dpo: {email: personvernombud@nav.no}}]"}, {"purposes.0.role", "{kind: joint, with: [nav], arrangement: {nb: NAV svarer.}}"}}, "text is missing nn"},
	{"languages", []edit{{"languages", "[nb, nn]"}}, []edit{{"title.en", "Test service"}}, `language "en" is not in languages`},
	{"id-filename", []edit{{"id", "valid"}}, []edit{{"id", "other"}}, `differs from the file name "valid.yaml"`},
	{"cookie-consent", []edit{{"cookies.1.consent", "{nb: Du svarer ja eller nei i banneret., nn: Du svarar ja eller nei i banneret.}"}}, []edit{{"cookies.1.consent", ""}}, "a service the visitor expressly asked for (ekomloven §\u00a03-15; GDPR art. 4(11) and 7)"},
	{"cookie-browser-settings", []edit{{"cookies.1.consent", "{nb: Du svarer ja eller nei i banneret og endrer svaret under Innstillinger for informasjonskapsler., nn: Du svarar ja eller nei i banneret og endrar svaret under Innstillingar for informasjonskapslar.}"}}, []edit{{"cookies.1.consent", "{nb: Du kan velge om du vil akseptere informasjonskapsler gjennom innstillingene i nettleseren din., nn: Du svarar ja eller nei i banneret.}"}}, `cookies[1].consent.nb: the consent text relies on the browser's settings ("nettleser")`},
	{"cookie-browser-settings", []edit{{"cookies.0.consent", "{nb: Slett den i nettleseren., nn: Slett henne i nettlesaren.}"}}, []edit{{"cookies.1.consent", "{nb: Du svarer ja eller nei i banneret., nn: Du kan blokkere informasjonskapslar i innstillingane i nettlesaren din.}"}}, `cookies[1].consent.nn: the consent text relies on the browser's settings ("nettlesar")`},
	{"cookie-provider", []edit{{"cookies.1.provider", "host"}}, []edit{{"cookies.1.provider", "hosting"}}, `provider "hosting" is not declared; write controller when we run the cookie ourselves, or add the provider under recipients, since it gets what the cookie collects`},
	{"cookie-provider", []edit{{"cookies.0.party", "first"}}, []edit{{"cookies.0.party", "third"}}, "a third-party cookie is set by another domain"},
	{"cookie-transfer", []edit{{"cookies.1.country", "US"}}, []edit{{"cookies.1.country", "CN"}}, `the provider "host" handles what cookie "nl_open" collects in CN, outside the EU/EEA; add a transfer with country: CN and recipient: host`},
	{"cookie-purpose", []edit{{"cookies.1.purposes", "[newsletter, follow-up]"}, {"rights.withdraw_consent", "{}"}}, []edit{{"cookies.1.purposes", "[news]"}}, `purpose "news" is not declared`},
	{"cookie-purpose", []edit{{"cookies.0.purposes", "[follow-up]"}}, []edit{{"cookies.1.purposes", ""}}, `cookie "nl_open" is not strictly necessary, but names no purpose`},
	{"cookie-lifetime", []edit{{"cookies.1.lifetime", "P2Y"}}, []edit{{"cookies.1.lifetime", "2 years"}}, `"2 years" is not a lifetime`},
	{"schema", []edit{{"cookies.1.lifetime", "P1D"}}, []edit{{"cookies.1.lifetime", ""}}, "cookies[1].lifetime: missing"},
	{"schema", []edit{{"cookies.1.kind", "local_storage"}}, []edit{{"cookies.1.kind", "flash"}}, `"flash" is not allowed here`},
	// Schema conditionals (if/then) are tested the same way.
	{"schema", []edit{{"controller.kind", "private"}, {"dpo", ""}}, []edit{{"dpo", ""}}, "dpo: missing"},
	{"schema", []edit{{"purposes.1.legal_basis.0", `{article: "6(1)(f)", interests: {nb: X, nn: X}}`}, {"controller.kind", "private"}, {"rights.withdraw_consent", ""}, {"rights.portability", ""}}, []edit{{"purposes.1.legal_basis.0", `{article: "6(1)(f)"}`}, {"controller.kind", "private"}, {"rights.withdraw_consent", ""}, {"rights.portability", ""}}, "interests: missing"},
	{"schema", []edit{{"purposes.0.legal_basis.0.national_law", "{nb: X, nn: X}"}}, []edit{{"purposes.0.legal_basis.0.national_law", ""}}, "national_law: missing"},
	{"schema", []edit{{"purposes.0.legal_basis.0.article", `"6(1)(e)"`}}, []edit{{"purposes.0.legal_basis.0.article", ""}}, "article: missing"},
	{"schema", []edit{{"categories.2.label", "{nb: X, nn: X}"}}, []edit{{"categories.2.label", ""}}, "label: missing"},
	{"schema", []edit{{"retention.0.criteria", "{nb: X, nn: X}"}}, []edit{{"retention.0.period", ""}}, "give at least one of period or criteria"},
	{"schema", []edit{{"controller.email", "a@b.no"}}, []edit{{"controller.email", ""}, {"controller.phone", ""}, {"controller.address", ""}}, "give at least one of email, phone or address"},
	{"schema", []edit{{"purposes.0.name", "{nb: X, nn: X}"}}, []edit{{"purposes.0.purpouse", "{nb: X, nn: X}"}}, `unknown field "purpouse"`},
	{"schema", []edit{{"purposes.0.legal_basis.0.article", `"6(1)(c)"`}}, []edit{{"purposes.0.legal_basis.0.article", `"6.1.c"`}}, `"6.1.c" is not allowed here; did you mean "6(1)(c)"?`},
	// A version names the page of that version: no path can hide in it.
	{"schema", []edit{{"version", `"2.0-utkast"`}}, []edit{{"version", `"../../etc"`}}, "version"},
	{"schema", []edit{{"version", `"10.2"`}}, []edit{{"version", `"1.0/x"`}}, "version"},
	{"schema", []edit{{"provision.requirement", "statutory"}}, []edit{{"provision.requirement", "required_by_law"}}, `"required_by_law" is not allowed here; use one of: statutory, contractual`},
}

// TestRules gives every rule one notice that passes it and one that fails
// it, each a small change to testdata/valid.yaml.
func TestRules(t *testing.T) {
	base, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range ruleCases {
		t.Run(tt.rule+"/pass", func(t *testing.T) {
			fs := validateBytes(t, "valid.yaml", applyEdits(t, base, tt.pass))
			for _, f := range fs {
				if f.Rule == tt.rule {
					t.Errorf("unexpected finding: %s", f)
				}
			}
			if errs, _ := Count(fs); errs > 0 {
				t.Errorf("passing case has errors: %v", fs)
			}
		})
		t.Run(tt.rule+"/fail", func(t *testing.T) {
			fs := validateBytes(t, "valid.yaml", applyEdits(t, base, tt.fail))
			found := false
			for _, f := range fs {
				if f.Rule == tt.rule && strings.Contains(f.String(), tt.wantMsg) {
					found = true
				}
			}
			if !found {
				t.Errorf("want a %s finding containing %q, got:\n%s", tt.rule, tt.wantMsg, join(fs))
			}
		})
	}
}

func join(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

// TestEveryRuleIsListed keeps TestRules complete as rules are added.
func TestEveryRuleIsListed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule id %s twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || r.check == nil {
			t.Errorf("rule %s lacks summary or check", r.ID)
		}
		tested := false
		for _, c := range ruleCases {
			tested = tested || c.rule == r.ID
		}
		if !tested {
			t.Errorf("rule %s has no case in ruleCases", r.ID)
		}
	}
}

// TestMissingArticleIsOneFinding: a basis without an article is reported
// once, not also as a missing 6(1) basis or as missing interests.
func TestMissingArticleIsOneFinding(t *testing.T) {
	base, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fs := validateBytes(t, "valid.yaml", applyEdits(t, base, []edit{{"purposes.1.legal_basis.0", "{national_law: {nb: X, nn: X}}"}}))
	var errs []Finding
	for _, f := range fs {
		if f.Severity == Error {
			errs = append(errs, f)
		}
	}
	if len(errs) != 1 || !strings.Contains(errs[0].String(), "purposes[1].legal_basis[0].article: missing") {
		t.Errorf("want one error for the missing article, got:\n%s", join(fs))
	}
}
