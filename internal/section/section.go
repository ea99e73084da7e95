// Package section is the one list of the sections of a rendered notice:
// each section's anchor id (the same in every language, so links survive a
// language switch) and the catalogue key of its heading. The page view,
// the summary, the diff report and the templates take their anchors from
// here, so a misspelt section is a compile error, not a dead link.
package section

import "fmt"

// ID is a section of the notice page. The zero ID is no section.
// IDs sort in the order of the page.
type ID int

// The sections, in the order a reader needs them.
const (
	None ID = iota
	Intro
	Controller
	DPO
	Purposes
	Data
	Sources
	Recipients
	Transfers
	Retention
	Rights
	Complaint
	Automated
	Cookies
	Security
	Version
	History
	count
)

// Info is what the page knows of a section.
type Info struct {
	ID      ID
	Anchor  string // the id attribute and URL fragment
	Heading string // catalogue key of the heading
}

var table = [count]Info{
	None:       {None, "", ""},
	Intro:      {Intro, "innledning", "heading.intro"},
	Controller: {Controller, "ansvarlig", "heading.controller"},
	DPO:        {DPO, "personvernombud", "heading.dpo"},
	Purposes:   {Purposes, "formal", "heading.purposes"},
	Data:       {Data, "opplysninger", "heading.data"},
	Sources:    {Sources, "kilder", "heading.sources"},
	Recipients: {Recipients, "mottakere", "heading.recipients"},
	Transfers:  {Transfers, "overforing", "heading.transfers"},
	Retention:  {Retention, "lagring", "heading.retention"},
	Rights:     {Rights, "rettigheter", "heading.rights"},
	Complaint:  {Complaint, "klage", "heading.complaint"},
	Automated:  {Automated, "automatiserte-avgjorelser", "heading.automated"},
	Cookies:    {Cookies, "informasjonskapsler", "heading.cookies"},
	Security:   {Security, "sikkerhet", "heading.security"},
	Version:    {Version, "versjon", "heading.version"},
	History:    {History, "endringer", "heading.history"},
}

// All lists every section in page order.
func All() []Info { return append([]Info(nil), table[1:]...) }

// Info returns the section's entry in the table; None for an ID outside it.
func (id ID) Info() Info {
	if id <= None || id >= count {
		return table[None]
	}
	return table[id]
}

// String is the anchor, so templates print a section as its id.
func (id ID) String() string { return id.Info().Anchor }

// Heading is the catalogue key of the section's heading.
func (id ID) Heading() string { return id.Info().Heading }

// Parse finds the section with this anchor.
func Parse(anchor string) (ID, bool) {
	for _, s := range table[1:] {
		if s.Anchor == anchor {
			return s.ID, true
		}
	}
	return None, false
}

// MarshalText writes a section by its anchor (the diff report's JSON).
func (id ID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText reads an anchor; an unknown one is an error.
func (id *ID) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*id = None
		return nil
	}
	s, ok := Parse(string(b))
	if !ok {
		return fmt.Errorf("unknown section %q", b)
	}
	*id = s
	return nil
}
