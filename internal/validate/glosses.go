package validate

// codeGlosses are what the codes of fields without a page label mean, in
// English, said in the reader's language by the findings catalogues, for
// a finding that lists the codes a field allows (language review nn5 7).
// The key is the field and the code: automated_decisions[].basis "a" and
// transfers[].derogation "a" mean different things. Codes with a label on
// the page (bases, categories, kinds, safeguards, rights, cookies) take
// it from the page catalogue (codeMeaning).
var codeGlosses = map[string]string{
	"requirement/statutory":             "the law requires it",
	"requirement/contractual":           "the contract requires it",
	"requirement/contract_prerequisite": "needed to enter into a contract",
	"requirement/voluntary":             "voluntary",
	"then/delete":                       "delete",
	"then/anonymise":                    "anonymise",
	"then/delete_or_anonymise":          "delete or anonymise",
	"then/archive":                      "archive",
	"kind/private":                      "a private organisation",
	"kind/controller":                   "controller",
	"kind/joint":                        "joint controllers",
	"derogation/a":                      "explicit consent to the transfer",
	"derogation/b":                      "necessary for a contract with the person",
	"derogation/c":                      "necessary for a contract in the person's interest with someone else",
	"derogation/d":                      "important reasons of public interest",
	"derogation/e":                      "legal claims",
	"derogation/f":                      "vital interests when the person cannot consent",
	"derogation/g":                      "from a public register",
	"basis/a":                           "necessary for a contract with the person",
	"basis/b":                           "authorised by law",
	"basis/c":                           "explicit consent to the decision",
	"right/information":                 "information about the processing",
	"provision/14(5)(a)":                "the person already has the information",
	"provision/14(5)(b)":                "informing is impossible or takes disproportionate effort",
	"provision/14(5)(c)":                "obtaining or disclosure is laid down by law",
	"provision/14(5)(d)":                "professional secrecy laid down by law",
	"provision/23(1)(a)":                "national security",
	"provision/23(1)(b)":                "defence",
	"provision/23(1)(c)":                "public security",
	"provision/23(1)(d)":                "preventing, investigating and prosecuting criminal offences",
	"provision/23(1)(e)":                "other important public interests",
	"provision/23(1)(f)":                "independence of the courts and judicial proceedings",
	"provision/23(1)(g)":                "breaches of ethics in regulated professions",
	"provision/23(1)(h)":                "supervision and inspection for points a to e and g",
	"provision/23(1)(i)":                "protecting the person or the rights and freedoms of others",
	"provision/23(1)(j)":                "enforcing civil law claims",
	"provision/pol-16(1)(a)":            "foreign policy, defence or security interests",
	"provision/pol-16(1)(b)":            "secrecy needed to prevent or prosecute criminal offences",
	"provision/pol-16(1)(c)":            "the person's health or relations with those close to them",
	"provision/pol-16(1)(d)":            "statutory duty of secrecy",
	"provision/pol-16(1)(e)":            "texts for the internal preparation of a case",
	"provision/pol-16(1)(f)":            "obvious and fundamental private or public interests",
}
