package diff

import (
	"strings"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
)

// Roles, other controllers and groups of people: who is responsible for
// which purpose, and whose data it concerns, is the core of a notice, so
// any change to it is at least notable and a change of who answers to
// the reader is material.
var (
	ruleRoleChanged        = rule("role-changed", Material, "controller, processor or joint, or for another controller")
	ruleRoleNewJoint       = rule("role-new-joint", Material, "")
	ruleRoleRemovedJoint   = rule("role-removed-joint", Notable, "")
	ruleRoleArrangement    = rule("role-arrangement", Notable, "the joint arrangement's text")
	ruleOtherController    = rule("other-controller", Material, "another controller's name or organisation number")
	ruleOtherControllerAdd = rule("other-controller-added", Notable, "")
	ruleOtherControllerRem = rule("other-controller-removed", Notable, "")
	ruleOtherContact       = rule("other-controller-contact", Notable, "contact, DPO or how to use rights")
	rulePurposeNewGroup    = rule("purpose-new-group", Material, "")
	rulePurposeRemovedGrp  = rule("purpose-removed-group", Notable, "")
	ruleNewGroup           = rule("new-group", Notable, "")
	ruleRemovedGroup       = rule("removed-group", Notable, "")
	ruleGroupLabel         = rule("group-label", Notable, "")
	ruleGroupAbout         = rule("group-about", Material, "whose data they are")
	ruleGroupChild         = rule("group-child", Material, "children or not")
	ruleRetentionGroups    = rule("retention-groups", Material, "the groups a retention rule is for")
)

// roleString names a purpose's role for a report: "behandlingsansvarlig",
// "databehandler for NAV", "felles behandlingsansvarlig med NAV".
func (d *cmp) roleString(n *notice.Notice, p notice.Purpose) string {
	switch p.RoleKind() {
	case notice.RoleProcessor:
		return d.c.T("diff.role.processor", d.controllerName(n, p.Role.Controller))
	case notice.RoleJoint:
		var names []string
		for _, id := range p.Role.With {
			names = append(names, d.controllerName(n, id))
		}
		return d.c.T("diff.role.joint", d.c.List(names))
	}
	return d.c.T("diff.role.controller")
}

func (d *cmp) controllerName(n *notice.Notice, id string) string {
	if oc := n.OtherControllerByID(id); oc != nil && oc.Name.In(d.lang) != "" {
		return oc.Name.In(d.lang)
	}
	return id
}

// purposeRole compares the role of one purpose, matched by id.
func (d *cmp) purposeRole(key, subject string, o, n notice.Purpose) {
	ok, nk := o.RoleKind(), n.RoleKind()
	// role.controller counts under any kind: a notice the validator
	// refuses still gets every change reported.
	oc, nc := "", ""
	if o.Role != nil {
		oc = o.Role.Controller
	}
	if n.Role != nil {
		nc = n.Role.Controller
	}
	if ok != nk || oc != nc {
		d.add(section.Controller, ruleRoleChanged, key+"/role", subject, d.roleString(d.old, o), d.roleString(d.new, n))
		return
	}
	if nk != notice.RoleJoint {
		return
	}
	add, rem := setDiff(o.Role.With, n.Role.With)
	for _, id := range add {
		d.add(section.Controller, ruleRoleNewJoint, key+"/role/with/"+id, subject, "", d.controllerName(d.new, id))
	}
	for _, id := range rem {
		d.add(section.Controller, ruleRoleRemovedJoint, key+"/role/with/"+id, subject, d.controllerName(d.old, id), "")
	}
	d.textsAs(section.Controller, key+"/role/arrangement", "field.arrangement", ruleRoleArrangement, o.Role.Arrangement, n.Role.Arrangement)
}

func (d *cmp) purposeGroups(key, subject string, o, n notice.Purpose) {
	// No groups is everyone: a first group narrows the purpose ("gjelder
	// nå bare kunder (før: alle)"), not "nå også kunder" (review nb 21);
	// dropping the last widens it to everyone, classed up with it.
	// Where the old notice had no groups at all, no groups said nothing
	// of whom a purpose was for: "Før sto det ikke hvem formålet gjaldt",
	// not "Før gjaldt det alle" beside the line that the notice now says
	// whom it is for (review nb7 3, nn7x 6). Narrowed still: material.
	from := len(d.out)
	defer d.usesGroups(from, o.Groups, n.Groups)
	switch {
	case len(o.Groups) == 0 && len(n.Groups) > 0:
		k := "diff.purpose-new-group.only"
		if len(d.old.Groups) == 0 {
			k = "diff.purpose-new-group.first"
		}
		d.out = append(d.out, Change{Section: section.Purposes, Class: rulePurposeNewGroup.Class, Rule: rulePurposeNewGroup.ID, Key: key + "/groups",
			Message: sentence(d.c.T(k, subject, "", d.groupLabels(d.new, n.Groups))), New: d.groupLabels(d.new, n.Groups)})
		return
	case len(o.Groups) > 0 && len(n.Groups) == 0:
		d.out = append(d.out, Change{Section: section.Purposes, Class: rulePurposeNewGroup.Class, Rule: rulePurposeNewGroup.ID, Key: key + "/groups",
			Message: sentence(d.c.T("diff.purpose-new-group.everyone", subject, d.groupLabels(d.old, o.Groups), "")), Old: d.groupLabels(d.old, o.Groups)})
		return
	}
	add, rem := setDiff(o.Groups, n.Groups)
	for _, id := range add {
		d.add(section.Purposes, rulePurposeNewGroup, key+"/groups/"+id, subject, "", d.groupLabel(d.new, id))
	}
	for _, id := range rem {
		d.add(section.Purposes, rulePurposeRemovedGrp, key+"/groups/"+id, subject, d.groupLabel(d.old, id), "")
	}
}

func (d *cmp) groupLabel(n *notice.Notice, id string) string {
	if g := n.GroupByID(id); g != nil && g.Label[d.lang] != "" {
		return g.Label[d.lang]
	}
	return id
}

func (d *cmp) otherControllers() {
	pairs, added, removed := match(d.old.Controllers, d.new.Controllers,
		func(c notice.OtherController) string { return c.ID }, func(notice.OtherController) string { return "" })
	for _, c := range added {
		d.add(section.Controller, ruleOtherControllerAdd, "controllers/"+c.ID, c.Name.In(d.lang), "", "")
	}
	for _, c := range removed {
		d.add(section.Controller, ruleOtherControllerRem, "controllers/"+c.ID, c.Name.In(d.lang), "", "")
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		key := "controllers/" + n.ID
		subject := n.Name.In(d.lang)
		if from, to, changed := d.nameChange(o.Name, n.Name); changed {
			d.add(section.Controller, ruleOtherController, key+"/name", subject, from, to)
		}
		if strings.ReplaceAll(o.OrgNumber, " ", "") != strings.ReplaceAll(n.OrgNumber, " ", "") {
			d.add(section.Controller, ruleOtherController, key+"/org_number", subject, o.OrgNumber, n.OrgNumber)
		}
		if o.Kind != n.Kind {
			d.add(section.Controller, ruleOtherController, key+"/kind", subject, d.kindName(o.Kind), d.kindName(n.Kind))
		}
		for _, f := range []struct{ key, old, new string }{
			{"address", o.Address, n.Address}, {"email", o.Email, n.Email}, {"phone", o.Phone, n.Phone}, {"url", o.URL, n.URL},
		} {
			if f.old != f.new {
				d.add(section.Controller, ruleOtherContact, key+"/"+f.key, d.contactOf(f.key, subject), f.old, f.new)
			}
		}
		var od, nd string
		if o.DPO != nil {
			od = dpoString(o.DPO)
		}
		if n.DPO != nil {
			nd = dpoString(n.DPO)
		}
		if od != nd {
			d.add(section.DPO, ruleOtherContact, key+"/dpo", d.c.T("diff.contact.dpo-of", subject), od, nd)
		}
		// Whose rights text: "Hvordan du bruker rettighetene dine hos NAV,"
		// (review nb 19).
		d.textsNamed(section.Rights, key+"/rights", d.c.T("field.controller.rights", subject), ruleWording, o.Rights, n.Rights)
	}
}

func (d *cmp) groups() {
	pairs, added, removed := match(d.old.Groups, d.new.Groups,
		func(g notice.Group) string { return g.ID }, func(notice.Group) string { return "" })
	if len(d.old.Groups) == 0 && len(added) > 0 {
		// Groups where there were none: the notice now says whom it is
		// for, once, not "gjelder nå også kunder" per group as if it had
		// been for others before (review nb7 3, nn7x 6).
		var ids []string
		for _, g := range added {
			ids = append(ids, g.ID)
		}
		from := len(d.out)
		list := d.groupLabels(d.new, ids)
		d.out = append(d.out, Change{Section: section.Purposes, Class: ruleNewGroup.Class, Rule: ruleNewGroup.ID, Key: "groups",
			Message: sentence(d.c.T("diff.new-group.first", list)), New: list})
		d.usesGroups(from, nil, ids)
		added = nil
	}
	for _, g := range added {
		d.add(section.Purposes, ruleNewGroup, "groups/"+g.ID, d.groupLabel(d.new, g.ID), "", "")
		d.usesGroups(len(d.out)-1, nil, []string{g.ID})
	}
	if len(d.new.Groups) == 0 && len(removed) > 0 {
		// The last group gone: the notice no longer says whom it is
		// for, so "gjelder ikke lenger kunder" per group would say
		// customers are no longer covered while every purpose now
		// covers everyone.
		var ids []string
		for _, g := range removed {
			ids = append(ids, g.ID)
		}
		list := d.groupLabels(d.old, ids)
		d.out = append(d.out, Change{Section: section.Purposes, Class: ruleRemovedGroup.Class, Rule: ruleRemovedGroup.ID, Key: "groups",
			Message: sentence(d.c.T("diff.removed-group.last", list)), Old: list})
		removed = nil
	}
	for _, g := range removed {
		d.add(section.Purposes, ruleRemovedGroup, "groups/"+g.ID, d.groupLabel(d.old, g.ID), "", "")
	}
	for _, p := range pairs {
		o, n := p[0], p[1]
		key := "groups/" + n.ID
		from := len(d.out)
		// Quoted as «Hvilke rettigheter som gjelder for hvem» heads the
		// group, with a capital, as categories are (review nn6 5).
		subject := d.q(upperFirst(d.groupLabel(d.new, n.ID)))
		// Which group's name: "Navnet på gruppen «Kunder»" (review nb 19).
		d.namesAs(section.Purposes, key+"/label", d.c.T("field.group.label")+" "+subject, "diff.renamed.group", ruleGroupLabel, o.Label, n.Label, upperFirst)
		d.textsAs(section.Purposes, key+"/about", "field.group.about", ruleGroupAbout, o.About, n.About)
		if o.Child != n.Child {
			d.flag(section.Purposes, ruleGroupChild, key+"/child", subject, o.Child, n.Child, "diff.group-child.no")
		}
		d.usesGroups(from, nil, []string{n.ID})
	}
}

// usesGroups records that the lines from on name the groups of ids, by
// label as they are listed or quoted as headed, for formerly.
func (d *cmp) usesGroups(from int, ids ...[]string) {
	for _, list := range ids {
		for _, id := range list {
			l := d.groupLabel(d.new, id)
			d.using(from, "groups/"+id, l, upperFirst(l))
		}
	}
}

// groupLabels lists groups by label; none is everyone.
func (d *cmp) groupLabels(n *notice.Notice, ids []string) string {
	if len(ids) == 0 {
		return d.c.T("diff.group.everyone")
	}
	var out []string
	for _, id := range ids {
		out = append(out, d.groupLabel(n, id))
	}
	return d.c.List(out)
}
