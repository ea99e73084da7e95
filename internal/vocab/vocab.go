// Package vocab is the controlled vocabulary of a notice: legal bases, data
// categories, rights, kinds of sources and recipients, transfer safeguards.
// Authors write codes; the renderer writes the legal wording for each code
// from the message catalogues, so that every notice says the law the same,
// correct way in each language.
package vocab

import "sort"

// Term is one vocabulary entry. Its wording in each language lives in the
// message catalogues (templates/lang/*.yaml), under "<kind>.<code>", so that
// a new language is a new catalogue, not new code.
type Term struct {
	Code string
}

// Category is a data category; Special marks GDPR art. 9(1) categories,
// Criminal art. 10 data.
type Category struct {
	Term
	Special  bool
	Criminal bool
}

// Basis is a legal basis in art. 6(1) or 9(2).
type Basis struct {
	Code    string // "6(1)(c)"
	Article int    // 6 or 9
	Para    int    // 1 or 2
	Point   string // "c"
}

// Right is a data subject right, the article that grants it and when it
// applies. Applies is the one place that says so: validate, the page and
// the summary all ask it (through notice.RightApplies).
type Right struct {
	Term
	Article string
	// Bases: the right applies only when some purpose rests on one of
	// these legal bases; empty: under every basis.
	Bases []string
	// ByAutomatedMeans: a purpose on one of Bases counts only when its
	// processing is carried out by automated means (art. 20(1)(b)).
	ByAutomatedMeans bool
	// DirectMarketing and Research: the right applies also to a purpose
	// for direct marketing (art. 21(2)) or for research or statistics
	// (art. 21(6)), whatever its basis.
	DirectMarketing, Research bool
	// Decisions: the right applies only when the notice declares
	// automated decisions (art. 22).
	Decisions bool
	// Required: the rule rights-required asks for the right wherever it
	// applies. withdraw_consent and human_review have rules of their own
	// (basis-consent-withdraw, automated-human-review).
	Required bool
	// When and WhenNot explain, in validate's English findings, when the
	// right applies ("Under art. 15, the right always applies") and why it
	// does not.
	When, WhenNot string
	// Under is the article When rests on, when narrower than Article.
	Under string
}

// Processing is one purpose as the rights see it: its legal bases and the
// kind of processing it is.
type Processing struct {
	Bases []string
	// Automated: carried out by automated means (art. 20(1)(b)).
	Automated bool
	// DirectMarketing: for direct marketing (art. 21(2)).
	DirectMarketing bool
	// Research: for scientific or historical research or statistics
	// (art. 21(6), 89(1)).
	Research bool
}

// Applies reports whether the right applies to a notice whose purposes
// are ps and which has automated decisions or not.
func (r Right) Applies(ps []Processing, decisions bool) bool {
	if r.Decisions {
		return decisions
	}
	if len(r.Bases) == 0 && !r.DirectMarketing && !r.Research {
		return true
	}
	for _, p := range ps {
		if r.AppliesTo(p) {
			return true
		}
	}
	return false
}

// AppliesTo reports whether the right applies to the one purpose p; rights
// that hang on automated decisions do not apply to a purpose as such.
func (r Right) AppliesTo(p Processing) bool {
	if r.Decisions {
		return false
	}
	if len(r.Bases) == 0 && !r.DirectMarketing && !r.Research {
		return true
	}
	if (r.DirectMarketing && p.DirectMarketing) || (r.Research && p.Research) {
		return true
	}
	if r.ByAutomatedMeans && !p.Automated {
		return false
	}
	for _, b := range p.Bases {
		for _, want := range r.Bases {
			if b == want {
				return true
			}
		}
	}
	return false
}

// Categories of personal data, in the order a reader expects them.
var Categories = []Category{
	{Term: Term{"identity"}},
	{Term: Term{"national_id"}},
	{Term: Term{"contact"}},
	{Term: Term{"age"}},
	{Term: Term{"gender"}},
	{Term: Term{"family"}},
	{Term: Term{"financial"}},
	{Term: Term{"income"}},
	{Term: Term{"tax"}},
	{Term: Term{"employment"}},
	{Term: Term{"education"}},
	{Term: Term{"residence_status"}},
	{Term: Term{"social"}},
	{Term: Term{"case"}},
	{Term: Term{"attendance"}},
	{Term: Term{"online"}},
	{Term: Term{"health"}, Special: true},
	{Term: Term{"ethnic_origin"}, Special: true},
	{Term: Term{"political_opinions"}, Special: true},
	{Term: Term{"religious_beliefs"}, Special: true},
	{Term: Term{"trade_union"}, Special: true},
	{Term: Term{"genetic"}, Special: true},
	{Term: Term{"biometric"}, Special: true},
	{Term: Term{"sex_life"}, Special: true},
	{Term: Term{"criminal"}, Criminal: true},
}

// Bases are the legal bases of art. 6(1) and 9(2).
var Bases = []Basis{
	{"6(1)(a)", 6, 1, "a"},
	{"6(1)(b)", 6, 1, "b"},
	{"6(1)(c)", 6, 1, "c"},
	{"6(1)(d)", 6, 1, "d"},
	{"6(1)(e)", 6, 1, "e"},
	{"6(1)(f)", 6, 1, "f"},
	{"9(2)(a)", 9, 2, "a"},
	{"9(2)(b)", 9, 2, "b"},
	{"9(2)(c)", 9, 2, "c"},
	{"9(2)(d)", 9, 2, "d"},
	{"9(2)(e)", 9, 2, "e"},
	{"9(2)(f)", 9, 2, "f"},
	{"9(2)(g)", 9, 2, "g"},
	{"9(2)(h)", 9, 2, "h"},
	{"9(2)(i)", 9, 2, "i"},
	{"9(2)(j)", 9, 2, "j"},
}

// Rights are the data subject's rights, in the order a notice lists them.
var Rights = []Right{
	{Term: Term{"access"}, Article: "15", Required: true, When: "always applies"},
	{Term: Term{"rectification"}, Article: "16", Required: true, When: "always applies"},
	{Term: Term{"erasure"}, Article: "17", Required: true, When: "applies under every basis, with limits the notice should state"},
	{Term: Term{"restriction"}, Article: "18", Required: true, When: "always applies"},
	// Art. 20(1): consent (art. 6 or 9) or contract, and (b) carried out
	// by automated means; paper files and manual processing are outside it.
	{Term: Term{"portability"}, Article: "20", Bases: []string{"6(1)(a)", "9(2)(a)", "6(1)(b)"}, ByAutomatedMeans: true, Required: true,
		Under:   "20(1)",
		When:    "applies when the processing is based on consent or contract and carried out by automated means (automated: true on the purpose)",
		WhenNot: "it applies only to processing based on consent or contract and carried out by automated means"},
	// Art. 21(1): public task or legitimate interests; 21(2): direct
	// marketing, whatever the basis; 21(6): research and statistics.
	{Term: Term{"objection"}, Article: "21", Bases: []string{"6(1)(e)", "6(1)(f)"}, DirectMarketing: true, Research: true, Required: true,
		When:    "applies to processing based on 6(1)(e) or 6(1)(f) (paragraph 1), to direct marketing (paragraph 2) and to research or statistics (paragraph 6)",
		WhenNot: "only processing based on 6(1)(e) or 6(1)(f), for direct marketing or for research or statistics can be objected to (art. 21(1), (2), (6))"},
	// Art. 7(3): consent, under art. 6 or art. 9.
	{Term: Term{"withdraw_consent"}, Article: "7(3)", Bases: []string{"6(1)(a)", "9(2)(a)"},
		When: "applies to processing based on consent", WhenNot: "no purpose is based on consent"},
	{Term: Term{"human_review"}, Article: "22(3)", Decisions: true,
		When: "applies to automated decisions", WhenNot: "the notice declares no automated decisions"},
}

// PartyKinds are the kinds of sources and recipients. data_subject is a
// source kind only.
var PartyKinds = []Term{
	{"data_subject"},
	{"public_authority"},
	{"employer"},
	{"health_service"},
	{"education_provider"},
	{"processor"},
	{"private_company"},
	{"public_register"},
	{"international_organisation"},
	{"other"},
}

// Safeguards for transfers to third countries (art. 44-49).
var Safeguards = []Term{
	{"adequacy"},
	{"scc"},
	{"bcr"},
	{"code_of_conduct"},
	{"certification"},
	{"derogation"},
}

// EEA lists the ISO 3166-1 codes of the EU/EEA states: no transfer safeguard
// is needed inside it.
var EEA = set("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO")

// Adequacy is an EU adequacy decision (art. 45(3), or one under Directive
// 95/46/EC kept in force by art. 45(9)) for a country or territory.
type Adequacy struct {
	Country  string // ISO 3166-1 alpha-2
	Decision string // the Commission decision, as the Official Journal names it
	Date     string // the day the Commission adopted it, YYYY-MM-DD
	// InEEASince is the day the decision took effect for Norway, Iceland
	// and Liechtenstein; empty while the EEA Joint Committee has not
	// incorporated it. A decision the EU adopted but the EEA has not taken
	// into the EEA Agreement is no adequacy for a Norwegian controller.
	InEEASince string
	// DPF: the decision covers only recipients certified under the EU-U.S.
	// Data Privacy Framework.
	DPF bool
	// Scope says, for validate's findings, what part of the country the
	// decision covers when it is not all of it.
	Scope string
}

// gdprInEEA is the day the GDPR, and with it art. 45(9) keeping the older
// decisions in force, took effect in the EEA (EEA Joint Committee decision
// 154/2018 of 6 July 2018).
const gdprInEEA = "2018-07-20"

// Adequacies are the EU adequacy decisions as of December 2026. Update
// the list, and InEEASince, when the Commission adopts, renews or repeals a
// decision or the EEA Joint Committee incorporates one (europalov.no and
// regjeringen.no's EØS-notatbasen follow each).
var Adequacies = []Adequacy{
	{Country: "AD", Decision: "Commission Decision 2010/625/EU", Date: "2010-10-19", InEEASince: gdprInEEA},
	{Country: "AR", Decision: "Commission Decision 2003/490/EC", Date: "2003-06-30", InEEASince: gdprInEEA},
	{Country: "CA", Decision: "Commission Decision 2002/2/EC", Date: "2001-12-20", InEEASince: gdprInEEA,
		Scope: "commercial organisations subject to PIPEDA only"},
	{Country: "FO", Decision: "Commission Decision 2010/146/EU", Date: "2010-03-05", InEEASince: gdprInEEA},
	{Country: "GG", Decision: "Commission Decision 2003/821/EC", Date: "2003-11-21", InEEASince: gdprInEEA},
	{Country: "IL", Decision: "Commission Decision 2011/61/EU", Date: "2011-01-31", InEEASince: gdprInEEA},
	{Country: "IM", Decision: "Commission Decision 2004/411/EC", Date: "2004-04-28", InEEASince: gdprInEEA},
	{Country: "JE", Decision: "Commission Decision 2008/393/EC", Date: "2008-05-08", InEEASince: gdprInEEA},
	{Country: "NZ", Decision: "Commission Implementing Decision 2013/65/EU", Date: "2012-12-19", InEEASince: gdprInEEA},
	{Country: "CH", Decision: "Commission Decision 2000/518/EC", Date: "2000-07-26", InEEASince: gdprInEEA},
	{Country: "UY", Decision: "Commission Implementing Decision 2012/484/EU", Date: "2012-08-21", InEEASince: gdprInEEA},
	// Decisions adopted under the GDPR itself: Datatilsynet lists them as
	// applying to Norway; the day of adoption stands in for the EEA Joint
	// Committee's date, which this list does not yet record.
	{Country: "JP", Decision: "Commission Implementing Decision (EU) 2019/419", Date: "2019-01-23", InEEASince: "2019-01-23",
		Scope: "private-sector businesses subject to the Act on the Protection of Personal Information only"},
	{Country: "GB", Decision: "Commission Implementing Decision (EU) 2021/1772, renewed on 19 December 2025 until 27 December 2031", Date: "2021-06-28", InEEASince: "2021-06-28"},
	{Country: "KR", Decision: "Commission Implementing Decision (EU) 2022/254", Date: "2021-12-17", InEEASince: "2021-12-17"},
	{Country: "US", Decision: "Commission Implementing Decision (EU) 2023/1795 (EU-U.S. Data Privacy Framework)", Date: "2023-07-10", InEEASince: "2023-07-10", DPF: true,
		Scope: "recipients certified under the EU-U.S. Data Privacy Framework only"},
	// Published 28 January 2026; the EEA EFTA states sent their draft
	// Joint Committee decision to the Commission on 6 May 2026, and it is
	// not yet in the EEA Agreement.
	{Country: "BR", Decision: "Commission Implementing Decision (EU) 2026/179", Date: "2026-01-26"},
}

// Restriction is a provision that exempts from the duty to inform or
// restricts a right. Rights lists the right codes it may apply to
// ("information" is the duty to inform itself, art. 13 and 14); NeedsLaw:
// the provision works only through a national law that must be named.
type Restriction struct {
	Code     string
	Rights   []string
	NeedsLaw bool
}

// allRights are the codes art. 23(1) may restrict: art. 12-22.
var allRights = []string{"information", "access", "rectification", "erasure", "restriction", "portability", "objection", "withdraw_consent", "human_review"}

// Restrictions are the provisions a notice can rely on: art. 14(5)(a)-(d)
// (no duty to inform of data from others), art. 23(1)(a)-(j) (restrictions
// by law) and personopplysningsloven § 16 første ledd bokstav a-f (no
// information or access for such data, art. 13-15).
var Restrictions = func() []Restriction {
	var out []Restriction
	for _, pt := range "abcd" {
		out = append(out, Restriction{Code: "14(5)(" + string(pt) + ")", Rights: []string{"information"}, NeedsLaw: pt == 'c'})
	}
	for _, pt := range "abcdefghij" {
		out = append(out, Restriction{Code: "23(1)(" + string(pt) + ")", Rights: allRights, NeedsLaw: true})
	}
	for _, pt := range "abcdef" {
		out = append(out, Restriction{Code: "pol-16(1)(" + string(pt) + ")", Rights: []string{"information", "access"}})
	}
	return out
}()

// LookupRestriction returns the provision with code.
func LookupRestriction(code string) (Restriction, bool) {
	for _, r := range Restrictions {
		if r.Code == code {
			return r, true
		}
	}
	return Restriction{}, false
}

var adequacyByCountry = map[string]Adequacy{}

// LookupAdequacy returns the EU adequacy decision for a country, if any.
func LookupAdequacy(country string) (Adequacy, bool) {
	a, ok := adequacyByCountry[country]
	return a, ok
}

func set(codes ...string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}

var (
	categoryByCode = map[string]Category{}
	basisByCode    = map[string]Basis{}
	rightByCode    = map[string]Right{}
)

func init() {
	for _, c := range Categories {
		categoryByCode[c.Code] = c
	}
	for _, b := range Bases {
		basisByCode[b.Code] = b
	}
	for _, r := range Rights {
		rightByCode[r.Code] = r
	}
	for _, a := range Adequacies {
		adequacyByCountry[a.Country] = a
	}
}

// LookupCategory returns the vocabulary category with code.
func LookupCategory(code string) (Category, bool) { c, ok := categoryByCode[code]; return c, ok }

// LookupBasis returns the legal basis with code, e.g. "6(1)(c)".
func LookupBasis(code string) (Basis, bool) { b, ok := basisByCode[code]; return b, ok }

// LookupRight returns the right with code.
func LookupRight(code string) (Right, bool) { r, ok := rightByCode[code]; return r, ok }

// Codes returns the codes of terms, sorted, for tests and messages.
func Codes(terms []Term) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.Code
	}
	sort.Strings(out)
	return out
}
