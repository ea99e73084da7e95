package notice

import (
	"strings"

	"github.com/personvern/personvern/internal/vocab"
)

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

// RoleKind is the organisation's role in purpose p: controller unless the
// purpose says otherwise.
func (p Purpose) RoleKind() string {
	if p.Role == nil || p.Role.Kind == "" {
		return RoleController
	}
	return p.Role.Kind
}

// OtherControllerByID finds a declared controller other than the
// organisation, or nil.
func (n *Notice) OtherControllerByID(id string) *OtherController {
	for i := range n.Controllers {
		if n.Controllers[i].ID == id {
			return &n.Controllers[i]
		}
	}
	return nil
}

// GroupByID finds a declared group, or nil.
func (n *Notice) GroupByID(id string) *Group {
	for i := range n.Groups {
		if n.Groups[i].ID == id {
			return &n.Groups[i]
		}
	}
	return nil
}

// HasRoles reports whether any purpose is processed in a role other than
// controller: the pages then say, purpose by purpose, who is responsible.
func (n *Notice) HasRoles() bool {
	for _, p := range n.Purposes {
		if p.RoleKind() != RoleController {
			return true
		}
	}
	return false
}

// ProvisionFor is the provision statement (art. 13(2)(e)) that applies to
// purpose p: its own, else that of its groups when they agree on one,
// else the notice's.
func (n *Notice) ProvisionFor(p Purpose) *Provision {
	if p.Provision != nil {
		return p.Provision
	}
	var found *Provision
	for _, id := range p.Groups {
		g := n.GroupByID(id)
		if g == nil || g.Provision == nil {
			continue
		}
		if found != nil && found.Requirement != g.Provision.Requirement {
			return n.Provision // groups disagree: the notice's general statement
		}
		found = g.Provision
	}
	if found != nil {
		return found
	}
	return n.Provision
}

// PurposesOf returns the purposes that concern group id, in notice order.
func (n *Notice) PurposesOf(group string) []Purpose {
	var out []Purpose
	for _, p := range n.Purposes {
		for _, g := range p.Groups {
			if g == group {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// RightAppliesTo reports whether a right applies to the legal bases of the
// given purposes, by vocab.Right.Applies; automated decisions count when
// one names none of its purposes or one of these.
func (n *Notice) RightAppliesTo(code string, purposes []Purpose) bool {
	r, ok := vocab.LookupRight(code)
	if !ok {
		return true
	}
	ps := make([]vocab.Processing, len(purposes))
	ids := map[string]bool{}
	for i, p := range purposes {
		ids[p.ID] = true
		ps[i] = p.Processing()
	}
	automated := false
	for _, a := range n.AutomatedDecisions {
		if len(a.Purposes) == 0 {
			automated = true
		}
		for _, id := range a.Purposes {
			automated = automated || ids[id]
		}
	}
	return r.Applies(ps, automated)
}

// RoleGroup is a set of purposes processed in the same role with the same
// other controllers.
type RoleGroup struct {
	Kind     string
	Others   []*OtherController // the controller we work for, or the joint ones
	Purposes []Purpose
}

// RoleGroups partitions the purposes by role, in the order they first
// appear: our own first, then each other controller's.
func (n *Notice) RoleGroups() []RoleGroup {
	var out []RoleGroup
	index := map[string]int{}
	for _, p := range n.Purposes {
		kind := p.RoleKind()
		var ids []string
		switch kind {
		case RoleProcessor:
			ids = []string{p.Role.Controller}
		case RoleJoint:
			ids = p.Role.With
		}
		key := kind + "/" + strings.Join(ids, ",")
		i, ok := index[key]
		if !ok {
			g := RoleGroup{Kind: kind}
			for _, id := range ids {
				if oc := n.OtherControllerByID(id); oc != nil {
					g.Others = append(g.Others, oc)
				}
			}
			i = len(out)
			index[key] = i
			out = append(out, g)
		}
		out[i].Purposes = append(out[i].Purposes, p)
	}
	// Our own purposes lead, as the notice is ours.
	for i, g := range out {
		if g.Kind == RoleController && i > 0 {
			out = append([]RoleGroup{g}, append(out[:i:i], out[i+1:]...)...)
			break
		}
	}
	return out
}

// AboutPhrases lists whose data the notice is about, as the reader is
// addressed in lang: each group's about, or you (the reader's own, "deg")
// for a group without one or a notice without groups; each phrase once.
func (n *Notice) AboutPhrases(lang, you string) []string {
	if len(n.Groups) == 0 {
		return []string{you}
	}
	var out []string
	seen := map[string]bool{}
	for _, g := range n.Groups {
		a := g.About[lang]
		if a == "" {
			a = you
		}
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// OnlyProcessor is the one role group of a notice whose every purpose is
// processed on one other controller's behalf (JobLearn for NAV), or nil:
// such a page speaks of that controller throughout.
func OnlyProcessor(groups []RoleGroup) *RoleGroup {
	if len(groups) == 1 && groups[0].Kind == RoleProcessor {
		return &groups[0]
	}
	return nil
}

// DeferredProvision is the controller a processor purpose leaves the
// provision statement (art. 13(2)(e)) to: a purpose without a statement
// of its own or of its groups, in a notice with more than one role
// (where we are controller for something else too). The page then says
// the other controller answers; the diff compares what the page says.
func (n *Notice) DeferredProvision(p Purpose) *OtherController {
	if p.RoleKind() != RoleProcessor || p.Provision != nil || len(n.RoleGroups()) < 2 {
		return nil
	}
	for _, id := range p.Groups {
		if g := n.GroupByID(id); g != nil && g.Provision != nil {
			return nil
		}
	}
	return n.OtherControllerByID(p.Role.Controller)
}

// ShownProvision is the provision statement a page shows for purpose p:
// either another controller's to answer (Controller set) or Provision,
// the statement that applies to it (nil: none).
type ShownProvision struct {
	Controller *OtherController
	Provision  *Provision
}

// ProvisionShown is what the page says about whether the data for p must
// be given: DeferredProvision where the page leaves it to another
// controller, else ProvisionFor.
func (n *Notice) ProvisionShown(p Purpose) ShownProvision {
	if oc := n.DeferredProvision(p); oc != nil {
		return ShownProvision{Controller: oc}
	}
	return ShownProvision{Provision: n.ProvisionFor(p)}
}

// DecisionsByLaw counts the automated decisions a law allows (art.
// 22(2)(b)), and returns the one law they name when they all name the same
// in lang. Those have the safeguards that law lays down, not those of art.
// 22(3), so what a page promises differs.
func (n *Notice) DecisionsByLaw(lang string) (byLaw int, law string) {
	laws := map[string]bool{}
	for _, d := range n.AutomatedDecisions {
		if d.Basis == "b" {
			byLaw++
			laws[d.Law[lang]] = true
		}
	}
	if len(laws) == 1 {
		for l := range laws {
			law = l
		}
	}
	return byLaw, law
}
