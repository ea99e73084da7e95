// Package notice holds the privacy notice model and its loader, which keeps
// the YAML source positions so that every finding can point at a line and
// column.
package notice

// Text is free text per language code ("nb", "nn").
type Text map[string]string

// Notice is one privacy notice (personvernerklæring): what GDPR art. 13 and
// 14 require the controller to tell the people whose data it processes.
type Notice struct {
	ID                 string              `yaml:"id" json:"id"`
	Version            string              `yaml:"version" json:"version"`
	Updated            string              `yaml:"updated" json:"updated"`
	Languages          []string            `yaml:"languages" json:"languages"`
	Title              Text                `yaml:"title" json:"title"`
	IndexGroup         Text                `yaml:"index_group,omitempty" json:"index_group,omitempty"` // the heading the site's index lists it under
	Introduction       Text                `yaml:"introduction,omitempty" json:"introduction,omitempty"`
	Controller         Controller          `yaml:"controller" json:"controller"`
	JointControllers   []JointController   `yaml:"joint_controllers,omitempty" json:"joint_controllers,omitempty"`
	Controllers        []OtherController   `yaml:"controllers,omitempty" json:"controllers,omitempty"`
	Groups             []Group             `yaml:"groups,omitempty" json:"groups,omitempty"`
	DPO                *DPO                `yaml:"dpo,omitempty" json:"dpo,omitempty"`
	Categories         []Category          `yaml:"categories" json:"categories"`
	Purposes           []Purpose           `yaml:"purposes" json:"purposes"`
	Sources            []Source            `yaml:"sources" json:"sources"`
	Provision          *Provision          `yaml:"provision,omitempty" json:"provision,omitempty"`
	Recipients         []Recipient         `yaml:"recipients" json:"recipients"`
	Transfers          []Transfer          `yaml:"transfers" json:"transfers"`
	Retention          []Retention         `yaml:"retention" json:"retention"`
	Rights             Rights              `yaml:"rights" json:"rights"`
	AutomatedDecisions []AutomatedDecision `yaml:"automated_decisions" json:"automated_decisions"`
	Complaint          string              `yaml:"complaint" json:"complaint"`
	Security           Text                `yaml:"security,omitempty" json:"security,omitempty"`
	Cookies            []Cookie            `yaml:"cookies,omitempty" json:"cookies,omitempty"`
	// Restrictions are the exemptions and restrictions the controller
	// relies on (art. 14(5), 23; personopplysningsloven § 16), each named
	// by its provision and shown where the right is.
	Restrictions []Restriction `yaml:"restrictions,omitempty" json:"restrictions,omitempty"`
}

// Controller is who decides why and how the data are processed (art. 13(1)(a)).
type Controller struct {
	Name          Name   `yaml:"name" json:"name"`
	OrgNumber     string `yaml:"org_number,omitempty" json:"org_number,omitempty"`
	Kind          string `yaml:"kind" json:"kind"`
	Unit          Text   `yaml:"unit,omitempty" json:"unit,omitempty"`
	Address       string `yaml:"address,omitempty" json:"address,omitempty"`
	Email         string `yaml:"email,omitempty" json:"email,omitempty"`
	Phone         string `yaml:"phone,omitempty" json:"phone,omitempty"`
	URL           string `yaml:"url,omitempty" json:"url,omitempty"`
	ContactPerson string `yaml:"contact_person,omitempty" json:"contact_person,omitempty"`
}

// JointController shares the decisions with the controller (art. 26).
type JointController struct {
	Name             string `yaml:"name" json:"name"`
	OrgNumber        string `yaml:"org_number,omitempty" json:"org_number,omitempty"`
	Responsibilities Text   `yaml:"responsibilities" json:"responsibilities"`
	Email            string `yaml:"email,omitempty" json:"email,omitempty"`
	Phone            string `yaml:"phone,omitempty" json:"phone,omitempty"`
	URL              string `yaml:"url,omitempty" json:"url,omitempty"`
}

// DPO is the data protection officer, personvernombud (art. 13(1)(b)).
type DPO struct {
	Name    string `yaml:"name,omitempty" json:"name,omitempty"`
	Email   string `yaml:"email,omitempty" json:"email,omitempty"`
	Phone   string `yaml:"phone,omitempty" json:"phone,omitempty"`
	Address string `yaml:"address,omitempty" json:"address,omitempty"`
}

// Category is a category of personal data; ID is a vocabulary code or a
// custom id with a Label.
type Category struct {
	ID          string `yaml:"id" json:"id"`
	Label       Text   `yaml:"label,omitempty" json:"label,omitempty"`
	Description Text   `yaml:"description,omitempty" json:"description,omitempty"`
	Special     *bool  `yaml:"special,omitempty" json:"special,omitempty"`
}

// Purpose is one purpose of the processing with its legal bases.
type Purpose struct {
	ID          string   `yaml:"id" json:"id"`
	Replaces    string   `yaml:"replaces,omitempty" json:"replaces,omitempty"`
	Name        Text     `yaml:"name" json:"name"`
	Description Text     `yaml:"description,omitempty" json:"description,omitempty"`
	Categories  []string `yaml:"categories" json:"categories"`
	LegalBasis  []Basis  `yaml:"legal_basis" json:"legal_basis"`
	// Role is the organisation's role in this purpose; nil is controller,
	// which is what a notice without roles has always meant.
	Role *Role `yaml:"role,omitempty" json:"role,omitempty"`
	// Groups names whose data the purpose concerns, by group id.
	Groups []string `yaml:"groups,omitempty" json:"groups,omitempty"`
	// Provision overrides the group's and the notice's (art. 13(2)(e)).
	Provision *Provision `yaml:"provision,omitempty" json:"provision,omitempty"`
	// Automated: the processing is carried out by automated means, which
	// with consent or contract gives the right to portability (art. 20(1)).
	Automated bool `yaml:"automated,omitempty" json:"automated,omitempty"`
	// DirectMarketing: the purpose is direct marketing, which the person
	// may always object to (art. 21(2)-(3)).
	DirectMarketing bool `yaml:"direct_marketing,omitempty" json:"direct_marketing,omitempty"`
	// Research: scientific or historical research or statistics under
	// art. 89(1), which the person may object to (art. 21(6)).
	Research bool `yaml:"research,omitempty" json:"research,omitempty"`
	// CriminalLaw: the law that allows this purpose to process data on
	// criminal convictions and offences (art. 10), e.g. a provision of
	// politiregisterloven; a national law on some basis need not say so.
	CriminalLaw Text `yaml:"criminal_law,omitempty" json:"criminal_law,omitempty"`
}

// Basis is one legal basis: an article code such as "6(1)(c)".
type Basis struct {
	Article     string `yaml:"article" json:"article"`
	NationalLaw Text   `yaml:"national_law,omitempty" json:"national_law,omitempty"`
	Interests   Text   `yaml:"interests,omitempty" json:"interests,omitempty"`
	Note        Text   `yaml:"note,omitempty" json:"note,omitempty"`
}

// Source is where data come from (art. 14(2)(f)).
type Source struct {
	ID          string   `yaml:"id" json:"id"`
	Replaces    string   `yaml:"replaces,omitempty" json:"replaces,omitempty"`
	Kind        string   `yaml:"kind" json:"kind"`
	Name        Name     `yaml:"name,omitempty" json:"name,omitempty"`
	Description Text     `yaml:"description,omitempty" json:"description,omitempty"`
	Categories  []string `yaml:"categories,omitempty" json:"categories,omitempty"`
	Public      bool     `yaml:"public,omitempty" json:"public,omitempty"`
}

// Provision says whether giving the data is required (art. 13(2)(e)).
type Provision struct {
	Requirement  string `yaml:"requirement" json:"requirement"`
	Consequences Text   `yaml:"consequences" json:"consequences"`
}

// Recipient receives personal data (art. 13(1)(e)); processors included.
type Recipient struct {
	ID          string   `yaml:"id" json:"id"`
	Replaces    string   `yaml:"replaces,omitempty" json:"replaces,omitempty"`
	Kind        string   `yaml:"kind" json:"kind"`
	Name        Name     `yaml:"name,omitempty" json:"name,omitempty"`
	Description Text     `yaml:"description,omitempty" json:"description,omitempty"`
	Categories  []string `yaml:"categories,omitempty" json:"categories,omitempty"`
	Purposes    []string `yaml:"purposes,omitempty" json:"purposes,omitempty"`
}

// Transfer is a transfer to a third country (art. 13(1)(f)).
type Transfer struct {
	ID         string `yaml:"id" json:"id"`
	Replaces   string `yaml:"replaces,omitempty" json:"replaces,omitempty"`
	Country    string `yaml:"country" json:"country"`
	Recipient  string `yaml:"recipient,omitempty" json:"recipient,omitempty"`
	Safeguard  string `yaml:"safeguard,omitempty" json:"safeguard,omitempty"`
	Derogation string `yaml:"derogation,omitempty" json:"derogation,omitempty"`
	Copy       Text   `yaml:"copy,omitempty" json:"copy,omitempty"`
	// DPF: the recipient in the United States is certified under the
	// EU-U.S. Data Privacy Framework, the only recipients the US adequacy
	// decision covers (Implementing Decision (EU) 2023/1795).
	DPF bool `yaml:"dpf,omitempty" json:"dpf,omitempty"`
	// Organisation names the international organisation the data go to
	// (art. 4(26)), instead of a country.
	Organisation Name `yaml:"organisation,omitempty" json:"organisation,omitempty"`
}

// Retention is how long some categories are kept (art. 13(2)(a)).
type Retention struct {
	ID         string   `yaml:"id" json:"id"`
	Replaces   string   `yaml:"replaces,omitempty" json:"replaces,omitempty"`
	Categories []string `yaml:"categories" json:"categories"`
	Period     string   `yaml:"period,omitempty" json:"period,omitempty"`
	// AtMost says Period is the longest: the data may be deleted sooner.
	AtMost   bool   `yaml:"at_most,omitempty" json:"at_most,omitempty"`
	From     Text   `yaml:"from,omitempty" json:"from,omitempty"`
	Criteria Text   `yaml:"criteria,omitempty" json:"criteria,omitempty"`
	Then     string `yaml:"then" json:"then"`
	Law      Text   `yaml:"law,omitempty" json:"law,omitempty"`
	// Groups limits the rule to some groups of people; empty is everyone.
	Groups []string `yaml:"groups,omitempty" json:"groups,omitempty"`
}

// Right is one right the notice informs about, with its limits.
type Right struct {
	Limits Text `yaml:"limits,omitempty" json:"limits,omitempty"`
	How    Text `yaml:"how,omitempty" json:"how,omitempty"`
}

// Rights maps a right code (access, erasure, ...) to what the notice says of it.
type Rights map[string]Right

// AutomatedDecision is a decision made by machine alone (art. 22).
type AutomatedDecision struct {
	ID           string   `yaml:"id" json:"id"`
	Replaces     string   `yaml:"replaces,omitempty" json:"replaces,omitempty"`
	Description  Text     `yaml:"description" json:"description"`
	Logic        Text     `yaml:"logic" json:"logic"`
	Significance Text     `yaml:"significance" json:"significance"`
	Profiling    bool     `yaml:"profiling,omitempty" json:"profiling,omitempty"`
	Purposes     []string `yaml:"purposes,omitempty" json:"purposes,omitempty"`
	// Basis is the art. 22(2) point that allows a decision by machine
	// alone: a (contract), b (law) or c (explicit consent).
	Basis string `yaml:"basis,omitempty" json:"basis,omitempty"`
	// Law names the law that authorises the decision, for basis b.
	Law Text `yaml:"law,omitempty" json:"law,omitempty"`
}

// Restriction is one exemption from the duty to inform (art. 14(5)) or
// restriction of a right (art. 23, personopplysningsloven § 16): which
// right, which provision, and what it means for the reader.
type Restriction struct {
	ID string `yaml:"id" json:"id"`
	// Right is a right code, or "information" for the information this
	// notice gives (art. 13 and 14).
	Right string `yaml:"right" json:"right"`
	// Provision is a code: "14(5)(c)", "23(1)(e)", "pol-16(1)(d)".
	Provision string `yaml:"provision" json:"provision"`
	// Law is the national law that lays down the restriction or the
	// exemption, required for art. 23 and 14(5)(c).
	Law     Text `yaml:"law,omitempty" json:"law,omitempty"`
	Meaning Text `yaml:"meaning" json:"meaning"`
}

// OtherController is a controller other than the organisation publishing
// the notice: the one it processes data for as a processor, or one it
// decides with as a joint controller. Art. 13(1)(a)-(b) are about the
// controller, so the page gives this one's contact and DPO.
type OtherController struct {
	ID        string `yaml:"id" json:"id"`
	Name      Name   `yaml:"name" json:"name"`
	OrgNumber string `yaml:"org_number,omitempty" json:"org_number,omitempty"`
	Kind      string `yaml:"kind" json:"kind"`
	Address   string `yaml:"address,omitempty" json:"address,omitempty"`
	Email     string `yaml:"email,omitempty" json:"email,omitempty"`
	Phone     string `yaml:"phone,omitempty" json:"phone,omitempty"`
	URL       string `yaml:"url,omitempty" json:"url,omitempty"`
	DPO       *DPO   `yaml:"dpo,omitempty" json:"dpo,omitempty"`
	// Rights says how to use one's rights with this controller, in the
	// author's words ("Kontakt NAV-kontoret ditt").
	Rights Text `yaml:"rights,omitempty" json:"rights,omitempty"`
}

// Role kinds of a purpose.
const (
	RoleController = "controller"
	RoleProcessor  = "processor"
	RoleJoint      = "joint"
)

// Role is the organisation's role in one purpose.
type Role struct {
	Kind string `yaml:"kind" json:"kind"`
	// Controller is, for a processor, the id of the controller it
	// processes the data for (in controllers).
	Controller string `yaml:"controller,omitempty" json:"controller,omitempty"`
	// With is, for a joint controller, the ids of the others (in
	// controllers).
	With []string `yaml:"with,omitempty" json:"with,omitempty"`
	// Arrangement is the essence of the joint arrangement (art. 26(2)):
	// who answers which requests.
	Arrangement Text `yaml:"arrangement,omitempty" json:"arrangement,omitempty"`
}

// Group is a group of people whose data the notice is about: declared
// once, named by purposes.
type Group struct {
	ID    string `yaml:"id" json:"id"`
	Label Text   `yaml:"label" json:"label"`
	// About is whose data they are, as the reader is addressed: "barnet
	// ditt" gives "opplysninger om barnet ditt". Empty is the reader.
	About Text `yaml:"about,omitempty" json:"about,omitempty"`
	// Child marks a group of children (art. 8, recital 38,
	// personopplysningsloven § 5): the page and summary speak to the
	// parents, or to the child in words for a child.
	Child bool `yaml:"child,omitempty" json:"child,omitempty"`
	// Provision overrides the notice's for this group's purposes.
	Provision *Provision `yaml:"provision,omitempty" json:"provision,omitempty"`
}

// Cookie is a cookie or a similar technology (local storage, a pixel) that
// stores or reads information on the visitor's device. ekomloven § 3-15
// asks for clear information about it and, unless it is strictly necessary
// for a service the visitor asked for, consent to the GDPR standard (art.
// 4(11) and 7); what it collects about people is personal data like any
// other (recital 30).
type Cookie struct {
	ID       string `yaml:"id" json:"id"`
	Replaces string `yaml:"replaces,omitempty" json:"replaces,omitempty"`
	Name     string `yaml:"name" json:"name"`
	Kind     string `yaml:"kind,omitempty" json:"kind,omitempty"`
	// Provider is "controller" for the controller itself, or the id of the
	// recipient that runs it and receives what it collects.
	Provider  string   `yaml:"provider" json:"provider"`
	Party     string   `yaml:"party,omitempty" json:"party,omitempty"`
	Purpose   Text     `yaml:"purpose" json:"purpose"`
	Purposes  []string `yaml:"purposes,omitempty" json:"purposes,omitempty"`
	Lifetime  string   `yaml:"lifetime" json:"lifetime"`
	Country   string   `yaml:"country,omitempty" json:"country,omitempty"`
	Necessary bool     `yaml:"necessary" json:"necessary"`
	Consent   Text     `yaml:"consent,omitempty" json:"consent,omitempty"`
}

// ProviderController is the provider of a cookie the controller runs itself.
const ProviderController = "controller"
