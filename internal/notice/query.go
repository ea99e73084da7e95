package notice

import "github.com/personvern/personvern/internal/vocab"

// IsSpecial reports whether category id is a special category (GDPR
// art. 9(1)): the vocabulary decides for its codes, a custom category by
// its special field.
func (n *Notice) IsSpecial(id string) bool {
	if vc, ok := vocab.LookupCategory(id); ok {
		return vc.Special
	}
	for _, c := range n.Categories {
		if c.ID == id && c.Special != nil {
			return *c.Special
		}
	}
	return false
}

// IsSensitive reports whether category id is special (art. 9) or about
// criminal convictions (art. 10): what a reader would call sensitive.
func (n *Notice) IsSensitive(id string) bool {
	if vc, ok := vocab.LookupCategory(id); ok && vc.Criminal {
		return true
	}
	return n.IsSpecial(id)
}

// Bases returns the legal bases the purposes use, by article code.
func (n *Notice) Bases() map[string]bool {
	m := map[string]bool{}
	for _, p := range n.Purposes {
		for _, b := range p.LegalBasis {
			m[b.Article] = true
		}
	}
	return m
}

// RightApplies reports whether a right applies to the legal bases in use:
// objection to 6(1)(e) and (f) (art. 21), portability to consent and
// contract (art. 20), withdrawal to consent (art. 7(3)), human review to
// automated decisions (art. 22(3)); the others always.
func (n *Notice) RightApplies(code string) bool {
	b := n.Bases()
	switch code {
	case "objection":
		return b["6(1)(e)"] || b["6(1)(f)"]
	case "portability":
		return b["6(1)(a)"] || b["6(1)(b)"]
	case "withdraw_consent":
		return b["6(1)(a)"] || b["9(2)(a)"]
	case "human_review":
		return len(n.AutomatedDecisions) > 0
	}
	return true
}
