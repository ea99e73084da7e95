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
	// right applies and why it does not.
	When, WhenNot string
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
	{Term: Term{"erasure"}, Article: "17", Required: true, When: "applies with limits under every basis; state the limits"},
	{Term: Term{"restriction"}, Article: "18", Required: true, When: "always applies"},
	// Art. 20(1): consent (art. 6 or 9) or contract, and (b) carried out
	// by automated means; paper files and manual processing are outside it.
	{Term: Term{"portability"}, Article: "20", Bases: []string{"6(1)(a)", "9(2)(a)", "6(1)(b)"}, ByAutomatedMeans: true, Required: true,
		When:    "applies to processing based on consent or contract that is carried out by automated means (art. 20(1)); a purpose says so with automated: true",
		WhenNot: "portability applies only to processing based on consent or contract and carried out by automated means (art. 20(1)); set automated: true on the purpose if it is"},
	// Art. 21(1): public task or legitimate interests; 21(2): direct
	// marketing, whatever the basis; 21(6): research and statistics.
	{Term: Term{"objection"}, Article: "21", Bases: []string{"6(1)(e)", "6(1)(f)"}, DirectMarketing: true, Research: true, Required: true,
		When:    "applies to processing based on 6(1)(e) or 6(1)(f) (art. 21(1)), for direct marketing (art. 21(2)) or for research or statistics (art. 21(6))",
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

// Adequate lists countries with an EU adequacy decision (art. 45), as of
// 2025: Andorra, Argentina, Canada, Faroe Islands, Guernsey, Israel, Isle of
// Man, Japan, Jersey, New Zealand, South Korea, Switzerland, the UK, Uruguay
// and the US (Data Privacy Framework, certified companies only).
var Adequate = set("AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY", "US")

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
