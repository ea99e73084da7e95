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

// Processing is purpose p as vocab.Right.Applies sees it.
func (p Purpose) Processing() vocab.Processing {
	v := vocab.Processing{Automated: p.Automated, DirectMarketing: p.DirectMarketing, Research: p.Research}
	for _, b := range p.LegalBasis {
		v.Bases = append(v.Bases, b.Article)
	}
	return v
}

// RightApplies reports whether a right applies to the purposes and
// automated decisions of the notice, by vocab.Right.Applies; a code the
// vocabulary lacks is not limited (the schema reports it).
func (n *Notice) RightApplies(code string) bool {
	r, ok := vocab.LookupRight(code)
	if !ok {
		return true
	}
	ps := make([]vocab.Processing, len(n.Purposes))
	for i, p := range n.Purposes {
		ps[i] = p.Processing()
	}
	return r.Applies(ps, len(n.AutomatedDecisions) > 0)
}
