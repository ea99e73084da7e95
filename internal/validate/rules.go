package validate

import (
	"fmt"
	"net/mail"
	"net/url"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/vocab"
)

// Rule is a check the schema cannot express. Rules read the decoded notice
// and must cope with missing parts: the schema reports those.
type Rule struct {
	ID      string
	Summary string
	check   func(r *report, n *notice.Notice)
}

// Rules lists the semantic rules, in the order they run; the README's rule
// table is generated from the same summaries.
var Rules = []Rule{
	{"placeholder", "no value is left as the starter's FYLL INN placeholder", checkPlaceholders},
	{"duplicate-id", "ids are unique within each list", checkDuplicateIDs},
	{"category-ref", "every category a purpose, source, recipient or retention rule names is declared", checkCategoryRefs},
	{"category-unused", "every declared category is used by a purpose", checkCategoryUnused},
	{"category-special", "only custom categories set special; the vocabulary decides for its own", checkCategorySpecial},
	{"purpose-ref", "recipients and automated decisions name declared purposes", checkPurposeRefs},
	{"role-ref", "a purpose's role names declared controllers: role.controller for a processor, role.with for a joint controller", checkRoleRefs},
	{"controller-unused", "every declared other controller is named by a purpose's role", checkControllerUnused},
	{"controller-dpo", "another controller that is a public authority gives its data protection officer", checkControllerDPO},
	{"group-ref", "with groups declared, every purpose names its groups, and every group is used", checkGroupRefs},
	{"group-child-consent", "consent asked of children says who gives it (art. 8, personopplysningsloven § 5)", checkChildConsent},
	{"basis-art6", "every purpose has a basis in art. 6(1)", checkArt6},
	{"basis-special", "a purpose using a special category has an art. 9(2) basis", checkSpecial},
	{"basis-criminal", "a purpose using data on criminal convictions names, in criminal_law, the law that allows it (art. 10)", checkCriminal},
	{"basis-art9-law", "an art. 9(2) condition that rests on law names the law", checkArt9Law},
	{"basis-art9-unused", "an art. 9(2) basis is used only with special categories", checkArt9Unused},
	{"basis-consent-withdraw", "consent needs the withdraw_consent right", checkConsentWithdraw},
	{"basis-public-6f", "a public authority does not rely on 6(1)(f) for its tasks", checkPublic6f},
	{"basis-public-consent", "a public authority relying on consent says in the basis's note why people are free to say no (recital 43)", checkPublicConsent},
	{"sources-coverage", "every category comes from a source (art. 14)", checkSourceCoverage},
	{"provision-required", "data that may come from the person need the provision statement: unless sources other than processors give every category", checkProvision},
	{"transfer", "transfers outside the EEA name a valid safeguard and a declared recipient", checkTransfers},
	{"retention-coverage", "every category has a retention rule", checkRetentionCoverage},
	{"retention-period", "retention periods are ISO 8601 durations", checkRetentionPeriods},
	{"rights-required", "the rights that apply to the legal bases in use are listed", checkRightsRequired},
	{"rights-not-applicable", "rights that do not apply to any basis in use are not promised", checkRightsNotApplicable},
	{"automated-human-review", "automated decisions come with the right to human review", checkAutomatedReview},
	{"automated-basis", "an automated decision names its art. 22(2) exception, and the law for b", checkAutomatedBasis},
	{"automated-special", "an automated decision based on special categories has 9(2)(a) or (g) and the right to human review (art. 22(4))", checkAutomatedSpecial},
	{"restriction", "a restriction names a right the notice lists, a provision that can restrict it, and the law where the provision needs one (art. 14(5), 23)", checkRestrictions},
	{"party-name", "a source's or recipient's name names one organisation or person, not a class of them (\"Fastlegen din\" is a kind with a description)", checkPartyNames},
	{"party-kind-repeat", "two sources, or two recipients, given only by kind are not of the same kind, which would head both with the same words", checkPartyKindRepeat},
	{"org-number", "organisation numbers have 9 digits and a valid MOD11 check digit", checkOrgNumbers},
	{"hidden-char", "addresses, numbers and ids have no invisible or bidirectional control character; other text is warned of them", checkHiddenChars},
	{"mixed-script", "addresses, numbers and ids have no letter or digit of another script that passes for Latin or ASCII", checkMixedScripts},
	{"link-text", "a link whose text is an e-mail address, web address or phone number goes to that address", checkLinkText},
	{"contact-format", "e-mail addresses, web addresses and phone numbers are well formed", checkContactFormats},
	{"date", "updated is a real calendar date", checkDate},
	{"languages", "every free-text field has every language in languages", checkLanguages},
	{"id-filename", "the notice id matches its file name", checkIDFilename},
	{"explicit-none", "recipients, transfers and automated decisions are stated, as [] when there are none", checkExplicitNone},
	{"cookie-consent", "a cookie that is not strictly necessary says how consent is given and withdrawn (ekomloven § 3-15)", checkCookieConsent},
	{"cookie-browser-settings", "a cookie's consent does not rely on browser settings, which are not consent (ekomloven § 3-15)", checkCookieBrowserSettings},
	{"cookie-provider", "a cookie's provider is the controller or a declared recipient; a third-party cookie has a recipient as provider", checkCookieProvider},
	{"cookie-transfer", "a cookie provider outside the EEA is a declared transfer to that recipient and country", checkCookieTransfer},
	{"cookie-purpose", "cookies name declared purposes; one that is not strictly necessary names the purpose that covers it", checkCookiePurposes},
	{"cookie-lifetime", "cookie lifetimes are ISO 8601 durations or session", checkCookieLifetime},
}

func runRules(r *report) {
	n := &r.doc.Notice
	for _, rule := range Rules {
		before := len(r.findings)
		rule.check(r, n)
		for i := before; i < len(r.findings); i++ {
			r.findings[i].Rule = rule.ID
		}
	}
}

func p(segs ...any) notice.Path { return notice.Path(segs) }

func checkDuplicateIDs(r *report, n *notice.Notice) {
	lists := []struct {
		key string
		ids []string
		art string
	}{
		{"categories", ids(n.Categories, func(c notice.Category) string { return c.ID }), "14(1)(d)"},
		{"purposes", ids(n.Purposes, func(c notice.Purpose) string { return c.ID }), "13(1)(c)"},
		{"sources", ids(n.Sources, func(c notice.Source) string { return c.ID }), "14(2)(f)"},
		{"recipients", ids(n.Recipients, func(c notice.Recipient) string { return c.ID }), "13(1)(e)"},
		{"transfers", ids(n.Transfers, func(c notice.Transfer) string { return c.ID }), "13(1)(f)"},
		{"retention", ids(n.Retention, func(c notice.Retention) string { return c.ID }), "13(2)(a)"},
		{"automated_decisions", ids(n.AutomatedDecisions, func(c notice.AutomatedDecision) string { return c.ID }), "13(2)(f)"},
		{"cookies", ids(n.Cookies, func(c notice.Cookie) string { return c.ID }), "13(1)(c)"},
		{"restrictions", ids(n.Restrictions, func(c notice.Restriction) string { return c.ID }), "23(2)"},
	}
	for _, l := range lists {
		first := map[string]int{}
		for i, id := range l.ids {
			if id == "" {
				continue
			}
			if j, dup := first[id]; dup {
				r.add(Error, p(l.key, i, "id"), "", "", "id %q is already used by %s[%d]; ids must be unique so that diffs and links can find each entry", id, l.key, j)
				continue
			}
			first[id] = i
		}
	}
}

func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

func declaredCategories(n *notice.Notice) map[string]bool {
	m := map[string]bool{}
	for _, c := range n.Categories {
		m[c.ID] = true
	}
	return m
}

// categoryTypo is the ready-made category code that id, a custom id,
// most likely mistypes: the one code close to it ("incomee" for
// "income"); "" when id is a code or near none.
func categoryTypo(id string) string {
	if _, ok := vocab.LookupCategory(id); ok || id == "" {
		return ""
	}
	codes := make([]string, len(vocab.Categories))
	for i, c := range vocab.Categories {
		codes[i] = c.Code
	}
	s := suggestCode(id, codes)
	if s == "" || levenshtein(id, s) > 1 {
		return ""
	}
	return s
}

// checkCategoryRefs: a guess goes from an unknown id to a known one. A
// ready-made code is known: it is never "corrected" to a custom id that
// looks like its typo; the finding points at that definition instead
// (rv6nb 1).
func checkCategoryRefs(r *report, n *notice.Notice) {
	decl := declaredCategories(n)
	var known []string
	typoOf := map[string]int{}
	for i, c := range n.Categories {
		if code := categoryTypo(c.ID); code != "" && len(c.Label) == 0 {
			if _, seen := typoOf[code]; !seen {
				typoOf[code] = i
			}
			continue
		}
		if c.ID != "" {
			known = append(known, c.ID)
		}
	}
	sort.Strings(known)
	check := func(list []string, base notice.Path, art string) {
		for i, id := range list {
			if decl[id] {
				continue
			}
			if j, ok := typoOf[id]; ok {
				r.add(Error, base.Key(i), "", art, "category %q is not listed under categories, but categories[%d] has %q, which is nearly the same id. Correct the typo there, or add %q under categories", id, j, n.Categories[j].ID, id)
				continue
			}
			if _, ready := vocab.LookupCategory(id); ready {
				r.add(Error, base.Key(i), "", art, "category %q is not listed under categories; add it there", id)
				continue
			}
			r.add(Error, base.Key(i), "", art, "category %q is not declared; add it under categories, or correct the id%s", id, didYouMean(id, known))
		}
	}
	for i, pu := range n.Purposes {
		check(pu.Categories, p("purposes", i, "categories"), "13(1)(c)")
	}
	for i, s := range n.Sources {
		check(s.Categories, p("sources", i, "categories"), "14(1)(d)")
	}
	for i, rc := range n.Recipients {
		check(rc.Categories, p("recipients", i, "categories"), "13(1)(e)")
	}
	for i, rt := range n.Retention {
		check(rt.Categories, p("retention", i, "categories"), "13(2)(a)")
	}
}

func checkCategoryUnused(r *report, n *notice.Notice) {
	used := map[string]bool{}
	for _, pu := range n.Purposes {
		for _, c := range pu.Categories {
			used[c] = true
		}
	}
	if len(n.Purposes) == 0 {
		return
	}
	for i, c := range n.Categories {
		if c.ID != "" && !used[c.ID] && !r.reported(p("categories", i, "id")) {
			r.add(Warning, p("categories", i, "id"), "", "5(1)(b)", "category %q is used by no purpose; name it in a purpose's categories, or remove it (data may only be processed for a stated purpose)", c.ID)
		}
	}
}

func checkCategorySpecial(r *report, n *notice.Notice) {
	for i, c := range n.Categories {
		if vc, ok := vocab.LookupCategory(c.ID); ok && c.Special != nil {
			r.add(Warning, p("categories", i, "special"), "", "9(1)", "%q is a vocabulary category (special: %v); remove special, which only custom categories set", c.ID, vc.Special)
		}
	}
}

func checkPurposeRefs(r *report, n *notice.Notice) {
	decl := map[string]bool{}
	for _, pu := range n.Purposes {
		decl[pu.ID] = true
	}
	check := func(list []string, base notice.Path, art string) {
		for i, id := range list {
			if !decl[id] {
				r.add(Error, base.Key(i), "", art, "purpose %q is not declared; use the id of one of the purposes%s", id, didYouMean(id, keys(decl)))
			}
		}
	}
	for i, rc := range n.Recipients {
		check(rc.Purposes, p("recipients", i, "purposes"), "13(1)(e)")
	}
	for i, ad := range n.AutomatedDecisions {
		check(ad.Purposes, p("automated_decisions", i, "purposes"), "13(2)(f)")
	}
}

func checkArt6(r *report, n *notice.Notice) {
	for i, pu := range n.Purposes {
		if len(pu.LegalBasis) == 0 {
			continue // the schema reports the missing list
		}
		has := false
		for _, b := range pu.LegalBasis {
			// A basis without an article is the schema's finding; one gap
			// should give one finding.
			has = has || strings.HasPrefix(b.Article, "6(") || b.Article == ""
		}
		if !has {
			r.add(Error, p("purposes", i, "legal_basis"), "", "6(1)", "purpose %q has no basis in art. 6(1); every processing needs one, also when an art. 9(2) condition applies", pu.ID)
		}
	}
}

func checkSpecial(r *report, n *notice.Notice) {
	for i, pu := range n.Purposes {
		var special []string
		for _, c := range pu.Categories {
			if n.IsSpecial(c) {
				special = append(special, c)
			}
		}
		has9 := false
		for _, b := range pu.LegalBasis {
			has9 = has9 || strings.HasPrefix(b.Article, "9(")
		}
		if len(special) > 0 && !has9 {
			r.add(Error, p("purposes", i, "legal_basis"), "", "9(1)", "purpose %q uses the special %s %s but has no basis in art. 9(2); add the condition that allows it, e.g. 9(2)(h) for health and social services", pu.ID, plural(len(special), tr("category"), tr("categories")), quoteList(special))
		}
	}
}

// checkCriminal: art. 10 allows data on criminal convictions only under
// official authority or a law that authorises that processing. The law
// behind a purpose's art. 6 basis lays down a task, and need not say
// anything about criminal data, so the purpose names the law for them.
func checkCriminal(r *report, n *notice.Notice) {
	for i, pu := range n.Purposes {
		criminal := ""
		for _, c := range pu.Categories {
			if vc, ok := vocab.LookupCategory(c); ok && vc.Criminal {
				criminal = c
			}
		}
		switch {
		case criminal != "" && len(pu.CriminalLaw) == 0:
			r.add(Error, p("purposes", i, "categories"), "", "10", "purpose %q uses data on criminal convictions and offences (%q), which need a law that allows this processing; add criminal_law to the purpose, e.g. {nb: \"politiregisterloven § 39\", nn: \"politiregisterlova § 39\"}", pu.ID, criminal)
		case criminal == "" && len(pu.CriminalLaw) > 0:
			r.add(Warning, p("purposes", i, "criminal_law"), "", "10", "purpose %q names a law for criminal data but uses no category \"criminal\"; add the category or remove criminal_law", pu.ID)
		}
	}
}

// lawBased are the art. 9(2) points that apply only "on the basis of Union
// or Member State law" (or, for h, a contract with a health professional).
var lawBased = map[string]bool{"9(2)(b)": true, "9(2)(g)": true, "9(2)(h)": true, "9(2)(i)": true, "9(2)(j)": true}

func checkArt9Law(r *report, n *notice.Notice) {
	for i, pu := range n.Purposes {
		for j, b := range pu.LegalBasis {
			if lawBased[b.Article] && len(b.NationalLaw) == 0 {
				r.add(Warning, p("purposes", i, "legal_basis", j), "", "9(2)", "%s applies only on the basis of law; name it in national_law, e.g. \"sosialtjenesteloven § 29\"", basisRef(b.Article))
			}
		}
	}
}

func checkArt9Unused(r *report, n *notice.Notice) {
	for i, pu := range n.Purposes {
		special := false
		for _, c := range pu.Categories {
			special = special || n.IsSpecial(c)
		}
		if special {
			continue
		}
		for j, b := range pu.LegalBasis {
			if strings.HasPrefix(b.Article, "9(") {
				r.add(Warning, p("purposes", i, "legal_basis", j, "article"), "", "9(2)", "basis %s is for special categories, but purpose %q uses none; remove it or add the special category", basisRef(b.Article), pu.ID)
			}
		}
	}
}

func checkConsentWithdraw(r *report, n *notice.Notice) {
	if n.Rights == nil {
		return // the schema reports missing rights
	}
	if _, ok := n.Rights["withdraw_consent"]; ok {
		return
	}
	withdraw, _ := vocab.LookupRight("withdraw_consent")
	for i, pu := range n.Purposes {
		for j, b := range pu.LegalBasis {
			if withdraw.AppliesTo(vocab.Processing{Bases: []string{b.Article}}) {
				r.add(Error, p("purposes", i, "legal_basis", j), "", "13(2)(c)", "consent needs a withdraw_consent right; add rights.withdraw_consent saying how to withdraw")
				return
			}
		}
	}
}

func checkPublic6f(r *report, n *notice.Notice) {
	if n.Controller.Kind != "public_authority" {
		return
	}
	for i, pu := range n.Purposes {
		for j, b := range pu.LegalBasis {
			if b.Article == "6(1)(f)" {
				r.add(Warning, p("purposes", i, "legal_basis", j, "article"), "", "6(1)", "a public authority cannot rely on 6(1)(f) for its official tasks; use 6(1)(e) or 6(1)(c) with the national law, unless this purpose is outside those tasks")
			}
		}
	}
}

// checkPublicConsent: consent is hardly freely given where the controller
// is a public authority (recital 43, art. 4(11), 7(4)); it can hold where
// saying no costs the person nothing, and then the page should say why.
func checkPublicConsent(r *report, n *notice.Notice) {
	if n.Controller.Kind != "public_authority" {
		return
	}
	for i, pu := range n.Purposes {
		first, explained := -1, false
		for j, b := range pu.LegalBasis {
			if b.Article == "6(1)(a)" || b.Article == "9(2)(a)" {
				if first < 0 {
					first = j
				}
				explained = explained || len(b.Note) > 0
			}
		}
		if first >= 0 && !explained {
			r.add(Warning, p("purposes", i, "legal_basis", first, "article"), "", "7(4)", "a public authority can rarely rely on consent, which must be freely given (recital 43). If purpose %q is part of the organisation's statutory tasks, use 6(1)(c) (legal obligation) or 6(1)(e) (task in the public interest), and name the law in national_law, e.g. \"sosialtjenesteloven § 29\". Otherwise say in the basis's note field why people are free to say no, e.g. that they get the same service without consenting. Ask the data protection officer if you are unsure", pu.ID)
		}
	}
}

func checkSourceCoverage(r *report, n *notice.Notice) {
	if len(n.Sources) == 0 {
		return
	}
	covered := map[string]bool{}
	for _, s := range n.Sources {
		if len(s.Categories) == 0 {
			// The person gives everything not listed elsewhere; another
			// source without categories leaves it open who gives what.
			return
		}
		for _, c := range s.Categories {
			covered[c] = true
		}
	}
	for i, c := range n.Categories {
		if c.ID != "" && !covered[c.ID] && !r.reported(p("categories", i, "id")) {
			r.add(Warning, p("categories", i, "id"), "", "14(2)(f)", "no source gives category %q; add it to the categories of the source it comes from, or add the person (kind: data_subject) as a source", c.ID)
		}
	}
}

// checkProvision asks for the art. 13(2)(e) statement whenever data may
// come from the person. Only sources outside the controller that give every
// category show they do not: a processor holds data for us (a system, not
// where the data come from), and a category no such source gives comes from
// the person, or from nowhere the notice names.
func checkProvision(r *report, n *notice.Notice) {
	perPurpose := true
	for _, pu := range n.Purposes {
		perPurpose = perPurpose && n.ProvisionFor(pu) != nil
	}
	if n.Provision != nil || len(n.Sources) == 0 || (perPurpose && len(n.Purposes) > 0) {
		return
	}
	for i, s := range n.Sources {
		if s.Kind == "data_subject" {
			r.add(Error, p("sources", i), "", "13(2)(e)", "data are collected from the person, so say whether they must give them and what happens if they do not; add provision with requirement and consequences")
			return
		}
	}
	covered := map[string]bool{}
	var systems []string
	for _, s := range n.Sources {
		if s.Kind == "processor" {
			systems = append(systems, s.ID)
			continue
		}
		for _, c := range s.Categories {
			covered[c] = true
		}
	}
	var open []string
	for _, c := range n.Categories {
		if c.ID != "" && !covered[c.ID] {
			open = append(open, c.ID)
		}
	}
	if len(open) == 0 {
		return // art. 14 alone applies: every category comes from someone else
	}
	why := tr("no source other than the person gives %s", quoteList(open))
	if len(systems) == 1 {
		why = tr("no source other than the person gives %s (%s is a processor: a system that holds data for us, not where they come from)", quoteList(open), quoteList(systems))
	} else if len(systems) > 1 {
		why = tr("no source other than the person gives %s (%s are a processor: a system that holds data for us, not where they come from)", quoteList(open), quoteList(systems))
	}
	r.add(Error, p("sources"), "", "13(2)(e)", "%s, so they may come from the person; add provision with requirement and consequences, and add the person as a source (kind: data_subject) if they give them", why)
}

func checkTransfers(r *report, n *notice.Notice) {
	rec := map[string]bool{}
	for _, rc := range n.Recipients {
		rec[rc.ID] = true
	}
	for i, t := range n.Transfers {
		base := p("transfers", i)
		if t.Recipient != "" && !rec[t.Recipient] {
			r.add(Error, base.Key("recipient"), "", "13(1)(f)", "recipient %q is not declared; add it under recipients%s", t.Recipient, didYouMean(t.Recipient, keys(rec)))
		}
		if t.Country != "" && !t.Organisation.IsZero() {
			r.add(Error, base.Key("organisation"), "", "13(1)(f)", "a transfer goes to a country or to an international organisation; give country or organisation, not both (make two transfers if data go to both)")
			continue
		}
		if t.Country == "" && t.Organisation.IsZero() {
			continue // the schema asks for one of them
		}
		if vocab.EEA[t.Country] {
			r.add(Warning, base.Key("country"), "", "44", "%s is in the EU/EEA, so this is not a transfer to a third country; remove it from transfers", country(t.Country))
			continue
		}
		var dest any = country(t.Country)
		if t.Country == "" {
			dest = tr("an international organisation")
		}
		if t.DPF && t.Country != "US" {
			r.add(Error, base.Key("dpf"), "", "45(3)", "the EU-U.S. Data Privacy Framework covers recipients in the United States only; remove dpf, or set country: US")
		}
		switch t.Safeguard {
		case "":
			r.add(Error, base, "", "46(1)", "a transfer to %s, outside the EU/EEA, needs a safeguard: adequacy, scc, bcr, code_of_conduct, certification or derogation", dest)
		case "adequacy":
			checkAdequacy(r, base, t)
		case "derogation":
			if t.Derogation == "" {
				r.add(Error, base.Key("safeguard"), "", "49(1)", "a derogation must name its point in art. 49(1), a-g; add derogation")
			}
		}
		if t.DPF && t.Safeguard != "" && t.Safeguard != "adequacy" {
			r.add(Error, base.Key("dpf"), "", "45(3)", "dpf: true says the transfer rests on the US adequacy decision; write safeguard: adequacy, or remove dpf")
		}
		if t.Safeguard != "" && t.Safeguard != "adequacy" && t.Safeguard != "derogation" && len(t.Copy) == 0 {
			r.add(Warning, base.Key("safeguard"), "", "13(1)(f)", "say how people can get a copy of the safeguards or where they are available; add copy")
		}
	}
}

// checkAdequacy: adequacy holds only where an EU decision covers the
// destination and the EEA Agreement has taken it in; the US decision covers
// only recipients certified under the Data Privacy Framework.
func checkAdequacy(r *report, base notice.Path, t notice.Transfer) {
	if t.Country == "" {
		r.add(Error, base.Key("safeguard"), "", "45(1)", "no EU adequacy decision covers an international organisation; use another safeguard such as scc, or a derogation")
		return
	}
	a, ok := vocab.LookupAdequacy(t.Country)
	switch {
	case !ok:
		r.add(Error, base.Key("safeguard"), "", "45(1)", "%s has no EU adequacy decision; use another safeguard such as scc", country(t.Country))
	case a.InEEASince == "":
		r.add(Warning, base.Key("safeguard"), "", "45(1)", "the EU adopted adequacy for %s on %s (%s), but it is not yet part of the EEA Agreement, so it is no adequacy for a Norwegian controller; use another safeguard such as scc until it is", country(t.Country), date(a.Date), decision(a.Decision))
	case a.DPF && !t.DPF:
		r.add(Error, base.Key("safeguard"), "", "45(3)", "the US adequacy decision (%s) covers only recipients certified under the EU-U.S. Data Privacy Framework; if the recipient is on the list at dataprivacyframework.gov, add dpf: true so the notice says so, or use another safeguard such as scc", decision(a.Decision))
	}
}

func checkRetentionCoverage(r *report, n *notice.Notice) {
	if len(n.Retention) == 0 {
		return
	}
	covered := map[string]bool{}
	for _, rt := range n.Retention {
		for _, c := range rt.Categories {
			covered[c] = true
		}
	}
	for i, c := range n.Categories {
		if c.ID != "" && !covered[c.ID] && !r.reported(p("categories", i, "id")) {
			r.add(Error, p("categories", i, "id"), "", "13(2)(a)", "no retention rule covers category %q; add it to a rule under retention", c.ID)
		}
	}
}

// ValidDuration reports whether s is an ISO 8601 duration personvern accepts.
func ValidDuration(s string) bool {
	_, ok := vocab.ParseDuration(s)
	return ok
}

func checkRetentionPeriods(r *report, n *notice.Notice) {
	for i, rt := range n.Retention {
		if rt.Period != "" && !ValidDuration(rt.Period) {
			r.add(Error, p("retention", i, "period"), "", "13(2)(a)", "%q is not an ISO 8601 duration; write e.g. P12W for 12 weeks, P6M for 6 months, P5Y for 5 years, or use criteria", rt.Period)
		}
		if rt.AtMost && rt.Period == "" {
			r.add(Error, p("retention", i, "at_most"), "", "13(2)(a)", "at_most says the period is the longest, but the rule has no period; add period, or remove at_most")
		}
	}
}

func checkRightsRequired(r *report, n *notice.Notice) {
	if n.Rights == nil {
		return
	}
	// A right written with a value of the wrong form ("access: true") is
	// there: the schema says what to write instead, and "mangler" beside
	// it was wrong (nb9x 9).
	written, _ := value(r.doc, p("rights")).(map[string]any)
	for _, x := range vocab.Rights {
		_, there := written[x.Code]
		if _, ok := n.Rights[x.Code]; x.Required && !ok && !there && n.RightApplies(x.Code) {
			// The action first, then when the right applies (nb5 12).
			under := x.Under
			if under == "" {
				under = x.Article
			}
			r.add(Error, p("rights"), "", "13(2)(b)", "the right %s is missing; add rights.%s. Under art. %s, the right %s", rightRef(x.Code), x.Code, articleRef(under), phrase(x.When))
		}
	}
}

func checkRightsNotApplicable(r *report, n *notice.Notice) {
	if len(n.Bases()) == 0 {
		return // basis-art6 reports the missing bases
	}
	for _, x := range vocab.Rights {
		if _, ok := n.Rights[x.Code]; ok && !n.RightApplies(x.Code) {
			// What makes human review apply is a decision, not a basis;
			// portability needs the processing to be automated too.
			switch x.Code {
			case "human_review":
				r.add(Warning, p("rights", x.Code), "", "12(1)", "%s does not apply here: %s; remove rights.%s, or describe the decision under automated_decisions", rightRef(x.Code), phrase(x.WhenNot), x.Code)
			case "portability":
				r.add(Warning, p("rights", x.Code), "", "20(1)", "%s does not apply here: %s; if the processing is, set automated: true on the purpose, else remove rights.%s", rightRef(x.Code), phrase(x.WhenNot), x.Code)
			default:
				r.add(Warning, p("rights", x.Code), "", "12(1)", "%s does not apply here: %s; remove rights.%s, or add what makes it apply", rightRef(x.Code), phrase(x.WhenNot), x.Code)
			}
		}
	}
}

func checkAutomatedReview(r *report, n *notice.Notice) {
	if !n.RightApplies("human_review") || n.Rights == nil {
		return
	}
	if _, ok := n.Rights["human_review"]; !ok {
		r.add(Warning, p("automated_decisions"), "", "22(3)", "say whether people can have a person review an automated decision and contest it; add rights.human_review (required for decisions based on contract or consent, good practice for those based on law)")
	}
}

// decisionBases are the art. 6 and 9 bases an art. 22(2) point goes with.
var decisionBases = map[string][]string{"a": {"6(1)(b)"}, "c": {"6(1)(a)", "9(2)(a)"}}

func checkAutomatedBasis(r *report, n *notice.Notice) {
	for i, a := range n.AutomatedDecisions {
		at := p("automated_decisions", i)
		switch a.Basis {
		case "":
			r.add(Error, at, "", "22(2)", "a decision by machine alone is allowed only under an exception in art. 22(2); add basis: a (necessary for a contract with the person), b (authorised by law) or c (explicit consent)")
			continue
		case "b":
			if len(a.Law) == 0 {
				r.add(Error, at.Key("basis"), "", "22(2)(b)", "basis b needs the law that authorises the decision; add law, naming the act and its section in both languages: law: {nb: \"…\", nn: \"…\"}")
			}
			continue
		}
		want := decisionBases[a.Basis]
		has := false
		for _, pu := range n.Purposes {
			if !slices.Contains(a.Purposes, pu.ID) {
				continue
			}
			for _, b := range pu.LegalBasis {
				has = has || slices.Contains(want, b.Article)
			}
		}
		if len(a.Purposes) > 0 && !has {
			r.add(Warning, at.Key("basis"), "", "22(2)", "basis %s goes with %s, which none of the decision's purposes rests on; correct basis, or the purposes' legal bases", a.Basis, orList(want))
		}
	}
}

// checkAutomatedSpecial: art. 22(4). A decision is taken to rest on the
// categories of the purposes it serves.
func checkAutomatedSpecial(r *report, n *notice.Notice) {
	_, review := n.Rights["human_review"]
	for i, a := range n.AutomatedDecisions {
		var special []string
		allowed := false
		for _, pu := range n.Purposes {
			if !slices.Contains(a.Purposes, pu.ID) {
				continue
			}
			for _, c := range pu.Categories {
				if n.IsSpecial(c) && !slices.Contains(special, c) {
					special = append(special, c)
				}
			}
			for _, b := range pu.LegalBasis {
				allowed = allowed || b.Article == "9(2)(a)" || b.Article == "9(2)(g)"
			}
		}
		if len(special) == 0 {
			continue
		}
		at := p("automated_decisions", i)
		if !allowed {
			r.add(Error, at.Key("purposes"), "", "22(4)", "the decision serves purposes that use the special %s %s, and may then rest on them only with explicit consent (9(2)(a)) or for a substantial public interest under law (9(2)(g)); add that basis to the purpose, or take the decision with a person involved", plural(len(special), tr("category"), tr("categories")), quoteList(special))
		}
		if !review && n.Rights != nil {
			r.add(Error, at, "", "22(4)", "a decision based on the special %s %s needs suitable measures to safeguard the person; add rights.human_review saying how to have a person look at it, express a view and contest it", plural(len(special), tr("category"), tr("categories")), quoteList(special))
		}
	}
}

func checkRestrictions(r *report, n *notice.Notice) {
	for i, x := range n.Restrictions {
		at := p("restrictions", i)
		v, ok := vocab.LookupRestriction(x.Provision)
		if !ok || x.Right == "" {
			continue // the schema reports the code
		}
		if !slices.Contains(v.Rights, x.Right) {
			r.add(Error, at.Key("provision"), "", "23(1)", "%s cannot restrict %s: it applies to %s; correct right or provision", x.Provision, x.Right, strings.Join(v.Rights, ", "))
			continue
		}
		if _, listed := n.Rights[x.Right]; x.Right != "information" && n.Rights != nil && !listed {
			r.add(Error, at.Key("right"), "", "23(2)", "the notice does not list the right %s that this restricts; add rights.%s, so that the page can say how it is restricted", rightRef(x.Right), x.Right)
		}
		if v.NeedsLaw && len(x.Law) == 0 {
			r.add(Error, at, "", "23(2)", "%s works only through a national law; name it in law, e.g. {nb: \"barnevernsloven § 12-6\", nn: \"barnevernslova § 12-6\"}", x.Provision)
		}
	}
}

// ValidOrgNumber checks a Norwegian organisation number: 9 digits, MOD11
// check digit with weights 3,2,7,6,5,4,3,2.
func ValidOrgNumber(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) != 9 {
		return false
	}
	weights := []int{3, 2, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i, ch := range s {
		if ch < '0' || ch > '9' {
			return false
		}
		if i < 8 {
			sum += int(ch-'0') * weights[i]
		}
	}
	rem := sum % 11
	check := 0
	if rem == 1 {
		return false
	} else if rem != 0 {
		check = 11 - rem
	}
	return int(s[8]-'0') == check
}

// possessiveRE finds "din", "dine", "ditt" (and nynorsk "di"): the reader's
// own GP or school is not one organisation's name but a class of them,
// which personvern writes from the kind and a description.
var possessiveRE = regexp.MustCompile(`(?:^|\s)(din|dine|ditt|di)(?:\s|$|[.,;:!?)])`)

func checkPartyNames(r *report, n *notice.Notice) {
	check := func(name notice.Name, at notice.Path, art string) {
		for _, lang := range append([]string{""}, n.Languages...) {
			v, ok := name[lang]
			if !ok {
				continue
			}
			m := possessiveRE.FindStringSubmatch(v)
			if m == nil {
				continue
			}
			where := at.Key("name")
			if lang != "" {
				where = where.Key(lang)
			}
			r.add(Warning, where, "", art, "%q says %q, so it describes a kind of party rather than naming one; remove name and write it in description, which the page shows under the kind", v, m[1])
		}
	}
	for i, s := range n.Sources {
		check(s.Name, p("sources", i), "14(1)(e)")
	}
	for i, rc := range n.Recipients {
		check(rc.Name, p("recipients", i), "13(1)(e)")
	}
}

// checkPartyKindRepeat: a party without a name is headed by its kind on
// the page ("Andre mottakere"), so two of one kind give two entries with
// the same heading, which a reader cannot tell apart.
func checkPartyKindRepeat(r *report, n *notice.Notice) {
	check := func(list string, kinds []string, unnamed []bool, art string) {
		first := map[string]int{}
		for i, k := range kinds {
			if !unnamed[i] || k == "" {
				continue
			}
			if j, dup := first[k]; dup {
				r.add(Warning, p(list, i, "kind"), "", art, "%s[%d] and %s[%d] are both given only by kind %q, so the page heads both with the same words; give one of them a name, or describe both in one entry", list, j, list, i, k)
				continue
			}
			first[k] = i
		}
	}
	sk, su := make([]string, len(n.Sources)), make([]bool, len(n.Sources))
	for i, s := range n.Sources {
		sk[i], su[i] = s.Kind, s.Name.IsZero()
	}
	check("sources", sk, su, "14(1)(e)")
	rk, ru := make([]string, len(n.Recipients)), make([]bool, len(n.Recipients))
	for i, rc := range n.Recipients {
		rk[i], ru[i] = rc.Kind, rc.Name.IsZero()
	}
	check("recipients", rk, ru, "13(1)(e)")
}

func checkOrgNumbers(r *report, n *notice.Notice) {
	check := func(num string, at notice.Path, art string) {
		if num != "" && !IsPlaceholder(num) && !suspectValue(num, false) && !ValidOrgNumber(num) {
			r.add(Error, at, "", art, "%q is not a valid Norwegian organisation number (9 digits, MOD11 check digit); copy it from Enhetsregisteret (brreg.no)", num)
		}
	}
	check(n.Controller.OrgNumber, p("controller", "org_number"), "13(1)(a)")
	for i, j := range n.JointControllers {
		check(j.OrgNumber, p("joint_controllers", i, "org_number"), "26(2)")
	}
}

// phoneRE accepts Norwegian numbers (8 digits, optionally +47 or 0047)
// and international numbers in + form, with spaces allowed for grouping.
var phoneRE = regexp.MustCompile(`^(?:(?:\+|00)47 ?)?[2-9](?: ?\d){7}$|^\+(?:[1-9] ?)(?:\d ?){6,14}\d$`)

// ValidPhone reports whether s is a phone number people can dial.
func ValidPhone(s string) bool { return phoneRE.MatchString(strings.TrimSpace(s)) }

// ValidEmail reports whether s is a bare e-mail address.
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == "" && strings.Contains(s[strings.LastIndexByte(s, '@'):], ".")
}

// ValidURL reports whether s is an absolute http(s) web address. One with
// a user name before the host ("https://nav.no@evil.example") is not: it
// reads as one site and goes to another.
func ValidURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil && !strings.ContainsAny(s, " \t\n")
}

func checkContactFormats(r *report, n *notice.Notice) {
	type field struct {
		val  string
		at   notice.Path
		art  string
		kind string
	}
	var fs []field
	c := n.Controller
	fs = append(fs, field{c.Email, p("controller", "email"), "13(1)(a)", "email"},
		field{c.Phone, p("controller", "phone"), "13(1)(a)", "phone"},
		field{c.URL, p("controller", "url"), "13(1)(a)", "url"})
	if n.DPO != nil {
		fs = append(fs, field{n.DPO.Email, p("dpo", "email"), "13(1)(b)", "email"},
			field{n.DPO.Phone, p("dpo", "phone"), "13(1)(b)", "phone"})
	}
	for i, j := range n.JointControllers {
		fs = append(fs, field{j.Email, p("joint_controllers", i, "email"), "26(2)", "email"},
			field{j.Phone, p("joint_controllers", i, "phone"), "26(2)", "phone"},
			field{j.URL, p("joint_controllers", i, "url"), "26(2)", "url"})
	}
	for _, f := range fs {
		if f.val == "" || IsPlaceholder(f.val) || suspectValue(f.val, f.kind != "phone") {
			continue // hidden-char and mixed-script name the character
		}
		switch f.kind {
		case "email":
			if !ValidEmail(f.val) {
				r.add(Error, f.at, "", f.art, "%q is not an e-mail address; write it as name@example.no, without a display name", f.val)
			}
		case "phone":
			if !ValidPhone(f.val) {
				r.add(Error, f.at, "", f.art, "%q is not a phone number; write 8 digits, e.g. \"32 07 56 00\", or an international number starting with +", f.val)
			}
		case "url":
			if !ValidURL(f.val) {
				r.add(Error, f.at, "", f.art, "%q is not a web address; write it in full, starting with https://", f.val)
			}
		}
	}
}

func checkDate(r *report, n *notice.Notice) {
	if n.Updated == "" || len(n.Updated) != 10 {
		return // the schema reports the format
	}
	if _, err := time.Parse("2006-01-02", n.Updated); err != nil {
		r.add(Error, p("updated"), "", "", "%q is not a real date; write YYYY-MM-DD (personvern dates every version by it)", n.Updated)
	}
}

func checkLanguages(r *report, n *notice.Notice) {
	if len(n.Languages) == 0 {
		return
	}
	want := map[string]bool{}
	// The languages pages can be written in: one that is not (en) is
	// the schema's one error, not one for every text.
	var langs []string
	for _, l := range n.Languages {
		want[l] = true
		if pageCatalogs.Get(l) != nil {
			langs = append(langs, l)
		}
	}
	forEachText(r.doc.Value, nil, func(at notice.Path, t map[string]any) {
		var missing []string
		for _, l := range langs {
			if _, ok := t[l]; !ok {
				missing = append(missing, l)
			}
		}
		if len(missing) > 0 {
			r.add(Error, at, "", "12(1)", "text is missing %s; every free-text field needs each language in languages (%s)", langList{missing, " and "}, langKeys(langs))
		}
		var extra []string
		for l := range t {
			if !want[l] {
				extra = append(extra, l)
			}
		}
		sort.Strings(extra)
		for _, l := range extra {
			r.addKey(Warning, at.Key(l), "", "12(1)", "language %q is not in languages, so it is never published; add it to languages or remove it", l)
		}
	})
}

// forEachText calls fn for each per-language text (a Text, or a Name
// written per language) in the JSON view of a notice. The walk follows the
// model's types, so every text field is found, whatever its key, and a key
// that is a text in one place and not in another (rights) is told apart.
func forEachText(v any, at notice.Path, fn func(notice.Path, map[string]any)) {
	walkTexts(v, reflect.TypeFor[notice.Notice](), at, fn)
}

var textType, nameType = reflect.TypeFor[notice.Text](), reflect.TypeFor[notice.Name]()

func walkTexts(v any, t reflect.Type, at notice.Path, fn func(notice.Path, map[string]any)) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return // a key the model lacks: the schema reports it
	}
	switch v := v.(type) {
	case map[string]any:
		if t == textType || t == nameType {
			fn(at, v)
			return
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			walkTexts(v[k], childType(t, k), at.Key(k), fn)
		}
	case []any:
		for i, e := range v {
			walkTexts(e, childType(t, ""), at.Key(i), fn)
		}
	}
}

// checkExplicitNone asks for recipients, transfers and automated decisions
// to be stated even when there are none: the law asks for them "where
// applicable", and a reader cannot tell "none" from "forgot" otherwise.
func checkExplicitNone(r *report, _ *notice.Notice) {
	root, _ := r.doc.Value.(map[string]any)
	for _, f := range []struct {
		key, art string
		what     Text
	}{
		{"recipients", "13(1)(e)", tr("who receives the data")},
		{"transfers", "13(1)(f)", tr("whether data leave the EU/EEA")},
		{"automated_decisions", "13(2)(f)", tr("whether a machine decides anything about people")},
	} {
		if _, ok := root[f.key]; !ok {
			r.add(Warning, p(f.key), "", f.art, "the notice does not say %s; list them, or write %s: [] to tell readers there are none", f.what, f.key)
		}
	}
}

func checkIDFilename(r *report, n *notice.Notice) {
	if n.ID == "" || IsPlaceholder(n.ID) || r.doc.Path == "" || r.doc.Path == "-" {
		return
	}
	base := strings.TrimSuffix(filepath.Base(r.doc.Path), filepath.Ext(r.doc.Path))
	if base != n.ID {
		r.add(Warning, p("id"), "", "", "id %q differs from the file name %q; rename one so that the page URL and the file agree", n.ID, filepath.Base(r.doc.Path))
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func didYouMean(id string, known []string) Text {
	if s := suggest(id, known); s != "" {
		return tr("; did you mean %q?", s)
	}
	return Text{}
}

// phrase is an English phrase from a table (vocab.Rights), translated
// where it is shown like any format without verbs.
func phrase(s string) Text { return Text{Format: s} }

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

func plural[T any](n int, one, many T) T {
	if n == 1 {
		return one
	}
	return many
}

// IsPlaceholder reports whether s is a value `personvern new` left for the
// author to replace.
func IsPlaceholder(s string) bool {
	return strings.Contains(s, "FYLL INN") || strings.HasPrefix(s, "fyll-inn")
}

func checkPlaceholders(r *report, _ *notice.Notice) {
	var walk func(v any, at notice.Path)
	walk = func(v any, at notice.Path) {
		switch v := v.(type) {
		case map[string]any:
			ks := make([]string, 0, len(v))
			for k := range v {
				ks = append(ks, k)
			}
			sort.Strings(ks)
			for _, k := range ks {
				walk(v[k], at.Key(k))
			}
		case []any:
			for i, e := range v {
				walk(e, at.Key(i))
			}
		case string:
			if IsPlaceholder(v) {
				r.add(Error, at, "", "", "not filled in: replace %q with the real value", v)
			}
		}
	}
	walk(r.doc.Value, nil)
}
