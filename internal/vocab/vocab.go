// Package vocab is the controlled vocabulary of a notice: legal bases, data
// categories, rights, kinds of sources and recipients, transfer safeguards.
// Authors write codes; the renderer writes the legal wording from here, so
// that every notice says the law the same, correct way in each language.
package vocab

import "sort"

// Label is a term per language code.
type Label map[string]string

// Term is one vocabulary entry.
type Term struct {
	Code  string
	Label Label
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
	Label   Label  // plain name of the basis
}

// Right is a data subject right and the article that grants it.
type Right struct {
	Term
	Article string
}

func l(nb, nn string) Label { return Label{"nb": nb, "nn": nn} }

// Categories of personal data, in the order a reader expects them.
var Categories = []Category{
	{Term: Term{"identity", l("identitetsopplysninger, som navn og fødselsnummer", "identitetsopplysningar, som namn og fødselsnummer")}},
	{Term: Term{"national_id", l("fødselsnummer eller D-nummer", "fødselsnummer eller D-nummer")}},
	{Term: Term{"contact", l("kontaktopplysninger, som adresse, e-post og telefonnummer", "kontaktopplysningar, som adresse, e-post og telefonnummer")}},
	{Term: Term{"age", l("alder", "alder")}},
	{Term: Term{"gender", l("kjønn", "kjønn")}},
	{Term: Term{"family", l("familieforhold og sivilstatus", "familieforhold og sivilstatus")}},
	{Term: Term{"financial", l("økonomiske forhold", "økonomiske forhold")}},
	{Term: Term{"income", l("inntekt", "inntekt")}},
	{Term: Term{"tax", l("skatteopplysninger", "skatteopplysningar")}},
	{Term: Term{"employment", l("arbeidserfaring og arbeidsforhold", "arbeidserfaring og arbeidsforhold")}},
	{Term: Term{"education", l("utdanning og kompetanse", "utdanning og kompetanse")}},
	{Term: Term{"residence_status", l("oppholdsgrunnlag", "opphaldsgrunnlag")}},
	{Term: Term{"social", l("sosiale forhold", "sosiale forhold")}},
	{Term: Term{"case", l("opplysninger i saken din", "opplysningar i saka di")}},
	{Term: Term{"attendance", l("oppmøte og fravær", "oppmøte og fråvær")}},
	{Term: Term{"online", l("opplysninger om bruk av nettstedet, som IP-adresse og informasjonskapsler", "opplysningar om bruk av nettstaden, som IP-adresse og informasjonskapslar")}},
	{Term: Term{"health", l("helseopplysninger", "helseopplysningar")}, Special: true},
	{Term: Term{"ethnic_origin", l("etnisk opprinnelse", "etnisk opphav")}, Special: true},
	{Term: Term{"political_opinions", l("politisk oppfatning", "politisk oppfatning")}, Special: true},
	{Term: Term{"religious_beliefs", l("religion eller livssyn", "religion eller livssyn")}, Special: true},
	{Term: Term{"trade_union", l("fagforeningsmedlemskap", "fagforeiningsmedlemskap")}, Special: true},
	{Term: Term{"genetic", l("genetiske opplysninger", "genetiske opplysningar")}, Special: true},
	{Term: Term{"biometric", l("biometriske opplysninger", "biometriske opplysningar")}, Special: true},
	{Term: Term{"sex_life", l("seksuelle forhold eller seksuell orientering", "seksuelle forhold eller seksuell legning")}, Special: true},
	{Term: Term{"criminal", l("opplysninger om straffedommer og lovovertredelser", "opplysningar om straffedommar og lovbrot")}, Criminal: true},
}

// Bases are the legal bases of art. 6(1) and 9(2).
var Bases = []Basis{
	{"6(1)(a)", 6, 1, "a", l("samtykke", "samtykke")},
	{"6(1)(b)", 6, 1, "b", l("nødvendig for å oppfylle en avtale med deg", "nødvendig for å oppfylle ein avtale med deg")},
	{"6(1)(c)", 6, 1, "c", l("nødvendig for å oppfylle en rettslig plikt", "nødvendig for å oppfylle ei rettsleg plikt")},
	{"6(1)(d)", 6, 1, "d", l("nødvendig for å verne vitale interesser", "nødvendig for å verne vitale interesser")},
	{"6(1)(e)", 6, 1, "e", l("nødvendig for å utføre en oppgave i allmennhetens interesse eller utøve offentlig myndighet", "nødvendig for å utføre ei oppgåve i offentleg interesse eller utøve offentleg myndigheit")},
	{"6(1)(f)", 6, 1, "f", l("nødvendig for å ivareta berettigede interesser (interesseavveining)", "nødvendig for å vareta berettiga interesser (interesseavveging)")},
	{"9(2)(a)", 9, 2, "a", l("uttrykkelig samtykke", "uttrykkeleg samtykke")},
	{"9(2)(b)", 9, 2, "b", l("nødvendig for å oppfylle plikter og utøve rettigheter innen arbeidsrett, trygd og sosialrett", "nødvendig for å oppfylle plikter og utøve rettar innan arbeidsrett, trygd og sosialrett")},
	{"9(2)(c)", 9, 2, "c", l("nødvendig for å verne vitale interesser når du ikke kan samtykke", "nødvendig for å verne vitale interesser når du ikkje kan samtykke")},
	{"9(2)(d)", 9, 2, "d", l("behandling i en stiftelse, sammenslutning eller ideell organisasjon", "behandling i ei stifting, ein sammenslutnad eller ein ideell organisasjon")},
	{"9(2)(e)", 9, 2, "e", l("opplysninger som du selv tydelig har offentliggjort", "opplysningar som du sjølv tydeleg har gjort offentlege")},
	{"9(2)(f)", 9, 2, "f", l("nødvendig for å fastsette, gjøre gjeldende eller forsvare rettskrav", "nødvendig for å fastsetje, gjere gjeldande eller forsvare rettskrav")},
	{"9(2)(g)", 9, 2, "g", l("nødvendig av hensyn til viktige allmenne interesser", "nødvendig av omsyn til viktige allmenne interesser")},
	{"9(2)(h)", 9, 2, "h", l("nødvendig for helse- og sosialtjenester eller arbeidsmedisin", "nødvendig for helse- og sosialtenester eller arbeidsmedisin")},
	{"9(2)(i)", 9, 2, "i", l("nødvendig av allmenne folkehelsehensyn", "nødvendig av omsyn til folkehelsa")},
	{"9(2)(j)", 9, 2, "j", l("nødvendig for arkiv, forskning eller statistikk i allmennhetens interesse", "nødvendig for arkiv, forsking eller statistikk i offentleg interesse")},
}

// Rights are the data subject's rights, in the order a notice lists them.
var Rights = []Right{
	{Term{"access", l("rett til innsyn", "rett til innsyn")}, "15"},
	{Term{"rectification", l("rett til retting", "rett til retting")}, "16"},
	{Term{"erasure", l("rett til sletting", "rett til sletting")}, "17"},
	{Term{"restriction", l("rett til begrensning av behandlingen", "rett til avgrensing av behandlinga")}, "18"},
	{Term{"portability", l("rett til dataportabilitet", "rett til dataportabilitet")}, "20"},
	{Term{"objection", l("rett til å protestere", "rett til å protestere")}, "21"},
	{Term{"withdraw_consent", l("rett til å trekke tilbake samtykket", "rett til å trekkje tilbake samtykket")}, "7(3)"},
	{Term{"human_review", l("rett til at et menneske vurderer en automatisk avgjørelse", "rett til at eit menneske vurderer ei automatisk avgjerd")}, "22(3)"},
}

// PartyKinds are the kinds of sources and recipients. data_subject is a
// source kind only.
var PartyKinds = []Term{
	{"data_subject", l("deg selv", "deg sjølv")},
	{"public_authority", l("offentlig myndighet", "offentleg myndigheit")},
	{"employer", l("arbeidsgiver", "arbeidsgjevar")},
	{"health_service", l("helsetjeneste", "helseteneste")},
	{"education_provider", l("utdanningsinstitusjon", "utdanningsinstitusjon")},
	{"processor", l("databehandler", "databehandlar")},
	{"private_company", l("privat virksomhet", "privat verksemd")},
	{"public_register", l("offentlig register", "offentleg register")},
	{"other", l("andre", "andre")},
}

// Safeguards for transfers to third countries (art. 44-49).
var Safeguards = []Term{
	{"adequacy", l("beslutning om tilstrekkelig beskyttelsesnivå", "avgjerd om tilstrekkeleg vernenivå")},
	{"scc", l("standard personvernbestemmelser", "standard personvernføresegner")},
	{"bcr", l("bindende virksomhetsregler", "bindande verksemdsreglar")},
	{"code_of_conduct", l("godkjente atferdsnormer", "godkjende åtferdsnormer")},
	{"certification", l("godkjent sertifisering", "godkjend sertifisering")},
	{"derogation", l("unntak for særlige situasjoner", "unntak for særlege situasjonar")},
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
