package validate

import (
	"strings"

	"github.com/personvern/personvern/internal/notice"
)

// The rules about who is responsible for which purpose (roles) and whose
// data each purpose concerns (groups).

func checkRoleRefs(r *report, n *notice.Notice) {
	decl := map[string]bool{}
	for _, c := range n.Controllers {
		decl[c.ID] = true
	}
	for i, pu := range n.Purposes {
		ro := pu.Role
		if ro == nil {
			continue
		}
		base := p("purposes", i, "role")
		switch ro.Kind {
		case notice.RoleProcessor:
			if ro.Controller != "" && !decl[ro.Controller] {
				r.add(Error, base.Key("controller"), "", "13(1)(a)", "controller %q is not declared; add it under controllers with its name and contact, or correct the id%s", ro.Controller, didYouMean(ro.Controller, keys(decl)))
			}
			if len(ro.With) > 0 {
				r.add(Error, base.Key("with"), "", "26(1)", "with names joint controllers, but purpose %q is processed as a processor; use kind: joint, or remove with", pu.ID)
			}
			if len(ro.Arrangement) > 0 {
				r.add(Error, base.Key("arrangement"), "", "26(2)", "arrangement describes a joint controllership, but purpose %q is processed as a processor; use kind: joint, or remove arrangement", pu.ID)
			}
		case notice.RoleJoint:
			for j, id := range ro.With {
				if !decl[id] {
					r.add(Error, base.Key("with", j), "", "26(1)", "controller %q is not declared; add it under controllers with its name and contact, or correct the id%s", id, didYouMean(id, keys(decl)))
				}
			}
			if ro.Controller != "" {
				r.add(Error, base.Key("controller"), "", "13(1)(a)", "controller names whom a processor works for, but purpose %q is a joint controllership; name the others in with, or use kind: processor", pu.ID)
			}
		case notice.RoleController:
			if ro.Controller != "" || len(ro.With) > 0 {
				r.add(Error, base.Key("kind"), "", "13(1)(a)", "purpose %q names other controllers but says we alone are controller; use kind: processor (with controller) or kind: joint (with with)", pu.ID)
			}
		}
	}
	if n.HasRoles() && len(n.JointControllers) > 0 {
		r.add(Error, p("joint_controllers"), "", "26(2)", "joint_controllers makes every purpose a joint controllership, but purposes state their own roles; move the joint controllers into controllers and name them in role.with of the purposes decided together")
	}
}

func checkControllerUnused(r *report, n *notice.Notice) {
	used := map[string]bool{}
	for _, pu := range n.Purposes {
		if pu.Role == nil {
			continue
		}
		used[pu.Role.Controller] = true
		for _, id := range pu.Role.With {
			used[id] = true
		}
	}
	for i, c := range n.Controllers {
		if c.ID != "" && !used[c.ID] {
			r.add(Warning, p("controllers", i, "id"), "", "13(1)(a)", "controller %q is named by no purpose's role; name it in role.controller or role.with, or remove it", c.ID)
		}
	}
}

// checkControllerDPO: a public authority must have a DPO (art. 37(1)(a)),
// and the page must give the controller's (art. 13(1)(b)), also when the
// controller is not the organisation writing the notice.
func checkControllerDPO(r *report, n *notice.Notice) {
	for i, c := range n.Controllers {
		if c.Kind == "public_authority" && c.DPO == nil {
			r.add(Error, p("controllers", i), "", "13(1)(b)", "%s is a public authority, so it has a data protection officer, whose contact the page must give; add dpo with an e-mail address, phone or address", c.Name.Key())
		}
	}
}

func checkGroupRefs(r *report, n *notice.Notice) {
	decl := map[string]bool{}
	for _, g := range n.Groups {
		decl[g.ID] = true
	}
	used := map[string]bool{}
	for i, pu := range n.Purposes {
		if len(n.Groups) > 0 && len(pu.Groups) == 0 {
			r.add(Error, p("purposes", i), "", "13(1)(c)", "purpose %q names no group; say whose data it concerns with groups: [%s]", pu.ID, strings.Join(keys(decl), ", "))
		}
		for j, id := range pu.Groups {
			used[id] = true
			if !decl[id] {
				r.add(Error, p("purposes", i, "groups", j), "", "13(1)(c)", "group %q is not declared; add it under groups with its label, or correct the id%s", id, didYouMean(id, keys(decl)))
			}
		}
	}
	for i, rt := range n.Retention {
		for j, id := range rt.Groups {
			if !decl[id] {
				r.add(Error, p("retention", i, "groups", j), "", "13(2)(a)", "group %q is not declared; add it under groups with its label, or correct the id%s", id, didYouMean(id, keys(decl)))
			}
		}
	}
	for i, g := range n.Groups {
		if g.ID != "" && !used[g.ID] {
			r.add(Warning, p("groups", i, "id"), "", "13(1)(c)", "group %q is named by no purpose; name it in a purpose's groups, or remove it", g.ID)
		}
	}
}

// checkChildConsent: below 13 years a child's consent to an online
// service is the parents' (personopplysningsloven § 5, art. 8(1)), so a
// consent purpose for children must say who consents.
func checkChildConsent(r *report, n *notice.Notice) {
	for i, pu := range n.Purposes {
		child := false
		for _, id := range pu.Groups {
			if g := n.GroupByID(id); g != nil && g.Child {
				child = true
			}
		}
		if !child {
			continue
		}
		for j, b := range pu.LegalBasis {
			if (b.Article == "6(1)(a)" || b.Article == "9(2)(a)") && len(b.Note) == 0 {
				r.add(Warning, p("purposes", i, "legal_basis", j), "", "8(1)", "purpose %q asks children for consent; say in note who gives it (for an online service to a child under 13, the parents: personopplysningsloven § 5) and how", pu.ID)
			}
		}
	}
}
