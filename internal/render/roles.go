package render

import (
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
	"github.com/personvern/personvern/internal/vocab"
)

// The page follows each purpose's role: art. 13(1)(a)-(b) are about the
// controller, so where we process data for another controller the page
// names that one, gives its contact and DPO, and sends the reader there to
// use their rights.

func (b *builder) purposeItems(ps []notice.Purpose) Block {
	var items []Item
	for _, p := range ps {
		items = append(items, item(plain(b.tx(p.Name))))
	}
	return list(items...)
}

// purposeLead says something of some purposes: with one, a sentence
// naming it ("For formålet «Tiltak på oppdrag frå NAV» behandlar …"), the
// key's ".one" form with the quoted name as the last argument; with more,
// the key's lead and the purposes as a list. A purpose's name is a
// heading, so it is never the object of "bruker opplysningene til".
func (b *builder) purposeLead(key string, ps []notice.Purpose, args ...string) []Block {
	if len(ps) == 1 {
		return []Block{ptext(b.c.T(key+".one", append(args, "«"+b.tx(ps[0].Name)+"»")...))}
	}
	return []Block{ptext(b.c.T(key, args...)), b.purposeItems(ps)}
}

func (b *builder) otherNames(g notice.RoleGroup) string {
	var names []string
	for _, oc := range g.Others {
		names = append(names, oc.Name.In(b.lang))
	}
	return b.c.List(names)
}

func (b *builder) otherContact(oc *notice.OtherController) []Field {
	fs := b.contactFields(oc.Email, oc.Phone, oc.URL, oc.Address)
	if oc.OrgNumber != "" {
		fs = append(fs, Field{b.c.T("controller.orgnr"), plain(groupOrgNumber(oc.OrgNumber))})
	}
	return fs
}

// ownFields is the organisation's own contact block.
func (b *builder) ownFields() Block {
	n, c := b.n, b.c
	fs := b.contactFields(n.Controller.Email, n.Controller.Phone, n.Controller.URL, n.Controller.Address)
	if n.Controller.ContactPerson != "" {
		fs = append([]Field{{c.T("controller.person"), plain(n.Controller.ContactPerson)}}, fs...)
	}
	if n.Controller.OrgNumber != "" {
		fs = append(fs, Field{c.T("controller.orgnr"), plain(groupOrgNumber(n.Controller.OrgNumber))})
	}
	return fields(fs...)
}

// about is whose data the notice is about, as the reader is addressed:
// "deg", or "deg og barnet ditt" when groups say so.
func (b *builder) about() string {
	return b.c.List(b.n.AboutPhrases(b.lang, b.c.T("about.you")))
}

// rolesController writes the controller section of a notice whose
// purposes have roles.
func (b *builder) rolesController(s Section) Section {
	n, c := b.n, b.c
	us := n.Controller.Name.In(b.lang)
	groups := b.roles
	only := len(groups) == 1
	ownShown := false
	for _, g := range groups {
		switch g.Kind {
		case notice.RoleController:
			s.Blocks = append(s.Blocks, b.purposeLead("role.controller.some", g.Purposes, us)...)
			if len(n.Controller.Unit) > 0 {
				s.Blocks = append(s.Blocks, ptext(c.T("controller.unit", b.tx(n.Controller.Unit))))
			}
			// A lead line, as for the other controllers: a list of
			// contact details right after the list of purposes is one
			// list in Markdown and reads as one anywhere.
			s.Blocks = append(s.Blocks, ptext(c.T("role.contact", us)), b.ownFields())
			ownShown = true
		case notice.RoleProcessor:
			them := b.otherNames(g)
			many := ""
			if len(g.Others) > 1 {
				many = ".many" // "NAV og X er behandlingsansvarlige"
			}
			if only {
				s.Blocks = append(s.Blocks, ptext(c.T("role.processor.all"+many, us, them, b.about())))
			} else {
				// Who processes for whom and who is controller, once
				// ("… behandlar … på vegner av NAV" and "Her er NAV
				// behandlingsansvarleg, og VINN er databehandlar" said
				// it twice in a row; nn 38).
				s.Blocks = append(s.Blocks, b.purposeLead("role.processor.some"+many, g.Purposes, us, them)...)
			}
			for _, oc := range g.Others {
				s.Blocks = append(s.Blocks, ptext(c.T("role.contact", oc.Name.In(b.lang))), fields(b.otherContact(oc)...))
				s.Blocks = append(s.Blocks, b.plain(oc)...)
			}
		case notice.RoleJoint:
			all := []string{us}
			for _, oc := range g.Others {
				all = append(all, oc.Name.In(b.lang))
			}
			names := c.List(all)
			if only {
				s.Blocks = append(s.Blocks, ptext(c.T("role.joint.all", names, b.about())))
			} else {
				s.Blocks = append(s.Blocks, b.purposeLead("role.joint.some", g.Purposes, names)...)
			}
			// One arrangement per purpose; the same text once.
			seen := map[string]bool{}
			for _, p := range g.Purposes {
				if a := b.tx(p.Role.Arrangement); a != "" && !seen[a] {
					seen[a] = true
					s.Blocks = append(s.Blocks, rich(Rich(a)))
				}
			}
			var items []Item
			for _, oc := range g.Others {
				items = append(items, item(Line{strong(oc.Name.In(b.lang))}, append([]Block{fields(b.otherContact(oc)...)}, b.plain(oc)...)...))
			}
			s.Blocks = append(s.Blocks, list(items...))
		}
	}
	if !ownShown {
		s.Blocks = append(s.Blocks, ptext(c.T("role.contact", us)), b.ownFields())
	}
	// joint_controllers beside roles is a finding (role-ref); the page
	// still shows what the notice says.
	s.Blocks = append(s.Blocks, b.legacyJoint()...)
	return s
}

// dpoSection gives the DPO of every controller the page names: ours, and
// those of the controllers we process data for or with.
func (b *builder) dpoSection() (Section, bool) {
	c := b.c
	s := newSection(c, section.DPO)
	var others []*notice.OtherController
	seen := map[string]bool{}
	for _, g := range b.roles {
		for _, oc := range g.Others {
			if oc.DPO != nil && !seen[oc.ID] {
				seen[oc.ID] = true
				others = append(others, oc)
			}
		}
	}
	if b.n.DPO == nil && len(others) == 0 {
		return s, false
	}
	for _, oc := range others {
		s.Blocks = append(s.Blocks, ptext(c.T("dpo.of", oc.Name.In(b.lang))), fields(b.dpoFields(oc.DPO)...))
		s.Blocks = append(s.Blocks, b.plain(oc.DPO)...)
	}
	if d := b.n.DPO; d != nil {
		if len(others) == 0 {
			s.Blocks = append(s.Blocks, ptext(c.T("dpo.intro")))
		} else {
			s.Blocks = append(s.Blocks, ptext(c.T("dpo.ours", b.n.Controller.Name.In(b.lang))))
		}
		s.Blocks = append(s.Blocks, fields(b.dpoFields(d)...))
		s.Blocks = append(s.Blocks, b.plain(d)...)
	}
	return s, true
}

func (b *builder) dpoFields(d *notice.DPO) []Field {
	var fs []Field
	if d.Name != "" {
		fs = append(fs, Field{b.c.T("dpo.name"), plain(d.Name)})
	}
	return append(fs, b.contactFields(d.Email, d.Phone, "", d.Address)...)
}

// purposeRole is the line under a purpose's heading saying who decides,
// on a page where purposes differ in role.
func (b *builder) purposeRole(p notice.Purpose) []Block {
	var out []Block
	if len(p.Groups) > 0 {
		out = append(out, ptext(b.c.T("purpose.groups", b.groupLabels(p.Groups))))
		for _, id := range p.Groups {
			if g := b.n.GroupByID(id); g != nil && g.Child {
				out = append(out, ptext(b.c.T("purpose.child")))
				break
			}
		}
	}
	// With one role for every purpose, the controller section has said
	// it for all of them; a line under each would repeat it.
	if !b.n.HasRoles() || len(b.roles) == 1 {
		return out
	}
	switch p.RoleKind() {
	case notice.RoleProcessor:
		// The controller section has said who is controller for this
		// purpose (role.processor.some): "…, som er behandlingsansvarlig"
		// again here said it twice (nb4 11, nn4 15).
		if oc := b.n.OtherControllerByID(p.Role.Controller); oc != nil {
			out = append(out, ptext(b.c.T("purpose.role.processor", oc.Name.In(b.lang))))
		}
	case notice.RoleJoint:
		var names []string
		for _, id := range p.Role.With {
			if oc := b.n.OtherControllerByID(id); oc != nil {
				names = append(names, oc.Name.In(b.lang))
			}
		}
		out = append(out, ptext(b.c.T("purpose.role.joint", b.c.List(names))))
	}
	// Our own purposes need no line: the controller section lists them,
	// and a line under each would repeat it.
	return out
}

// provisionBlocks states whether the data must be given (art. 13(2)(e)):
// once when every purpose has the same statement, else per purpose.
func (b *builder) provisionBlocks() []Block {
	c := b.c
	var first *notice.Provision
	same := true
	for _, p := range b.n.Purposes {
		if b.deferredProvision(p) != nil {
			same = false
		}
		pr := b.n.ProvisionFor(p)
		if first == nil {
			first = pr
		}
		same = same && sameProvision(pr, first)
	}
	if len(b.n.Purposes) == 0 {
		first = b.n.Provision
	}
	if same {
		if first == nil {
			return nil
		}
		out := []Block{h3(c.T("provision.heading")), ptext(c.T("provision." + first.Requirement))}
		if cons := b.tx(first.Consequences); cons != "" {
			out = append(out, rich(Rich(cons)))
		}
		return append(out, b.plain(first)...)
	}
	// Purposes with the same answer share one entry, so a statement the
	// author wrote once for the whole notice is not printed under each of
	// the purposes it covers.
	type group struct {
		purposes []notice.Purpose
		body     []Block
	}
	var groups []*group
	find := func(p notice.Purpose) *group {
		for _, g := range groups {
			q := g.purposes[0]
			oq, op := b.deferredProvision(q), b.deferredProvision(p)
			if (oq == nil) != (op == nil) {
				continue
			}
			if op != nil && oq.Name.In(b.lang) == op.Name.In(b.lang) ||
				op == nil && sameProvision(b.n.ProvisionFor(q), b.n.ProvisionFor(p)) {
				return g
			}
		}
		return nil
	}
	for _, p := range b.n.Purposes {
		pr := b.n.ProvisionFor(p)
		oc := b.deferredProvision(p)
		if oc == nil && pr == nil {
			continue
		}
		if g := find(p); g != nil {
			g.purposes = append(g.purposes, p)
			continue
		}
		var body []Block
		if oc != nil {
			// Art. 13(2)(e) is the controller's to answer: unless the
			// purpose or its group says, we do not speak for it.
			body = []Block{ptext(c.T("provision.controller", oc.Name.In(b.lang)))}
		} else {
			body = []Block{ptext(c.T("provision." + pr.Requirement))}
			if cons := b.tx(pr.Consequences); cons != "" {
				body = append(body, rich(Rich(cons)))
			}
			body = append(body, b.plain(pr)...)
		}
		groups = append(groups, &group{purposes: []notice.Purpose{p}, body: body})
	}
	// One shared answer among single ones reads best last, as "the other
	// purposes"; several shared answers each list their purposes.
	var shared []int
	for i, g := range groups {
		if len(g.purposes) > 1 {
			shared = append(shared, i)
		}
	}
	if len(shared) == 1 && len(groups) > 1 {
		g := groups[shared[0]]
		groups = append(append(groups[:shared[0]:shared[0]], groups[shared[0]+1:]...), g)
	}
	var items []Item
	for _, g := range groups {
		switch {
		case len(g.purposes) == 1:
			items = append(items, item(Line{strong(b.tx(g.purposes[0].Name))}, g.body...))
		case len(shared) == 1 && len(groups) > 1:
			items = append(items, item(Line{strong(c.T("provision.others"))}, g.body...))
		default:
			items = append(items, item(Line{strong(c.T("provision.these"))}, append([]Block{b.purposeItems(g.purposes)}, g.body...)...))
		}
	}
	return []Block{h3(c.T("provision.heading")), ptext(c.T("provision.per")), list(items...)}
}

func sameProvision(a, b *notice.Provision) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Requirement != b.Requirement || len(a.Consequences) != len(b.Consequences) {
		return false
	}
	for k, v := range a.Consequences {
		if b.Consequences[k] != v {
			return false
		}
	}
	return true
}

// rightsByRole says who answers requests where another controller is
// responsible (before the list of rights), and which rights apply to
// which group of people (after it).
func (b *builder) rightsByRole() (blocks, byGroup []Block, ownAnswers bool) {
	c := b.c
	groups := b.roles
	for _, g := range groups {
		switch g.Kind {
		case notice.RoleController, notice.RoleJoint:
			ownAnswers = true
		case notice.RoleProcessor:
			them := b.otherNames(g)
			// Where the other controller says how to reach it for the
			// rights (oc.Rights), that text is the instruction; "Du
			// bruker rettighetene dine ved å kontakte NAV" before it
			// said the same twice. The deadline follows the list of
			// rights (rights.processor.deadline).
			said := false
			for _, oc := range g.Others {
				said = said || b.tx(oc.Rights) != ""
			}
			switch {
			case len(groups) > 1:
				blocks = append(blocks, b.purposeLead("rights.processor.some", g.Purposes, them)...)
			case !said:
				blocks = append(blocks, ptext(c.T("rights.processor.all", them)))
			}
			for _, oc := range g.Others {
				if r := b.tx(oc.Rights); r != "" {
					blocks = append(blocks, rich(Rich(r)))
				}
				blocks = append(blocks, ptext(c.T("role.contact", oc.Name.In(b.lang))), fields(b.otherContact(oc)...))
			}
		}
	}
	if len(b.n.Groups) > 1 {
		var items []Item
		for _, g := range b.n.Groups {
			ps := b.n.PurposesOf(g.ID)
			var names []string
			for _, code := range b.rightCodes() {
				if b.n.RightAppliesTo(code, ps) {
					// Nouns throughout ("… avgrensing av behandlinga og
					// protest"), not "og å protestere" after nouns.
					names = append(names, c.TOr("right."+code+".noun", c.T("right."+code+".short")))
				}
			}
			if len(names) == 0 {
				continue
			}
			items = append(items, item(Line{strong(capitalise(b.tx(g.Label)))}, ptext(capitalise(c.List(names))+".")))
		}
		byGroup = append(byGroup, h3(c.T("rights.groups.heading")), ptext(c.T("rights.groups.intro")), list(items...))
	}
	return blocks, byGroup, ownAnswers
}

// rightCodes are the rights the notice lists that apply to some purpose,
// in the vocabulary's order.
func (b *builder) rightCodes() []string {
	var out []string
	for _, r := range vocab.Rights {
		if _, ok := b.n.Rights[r.Code]; ok && b.n.RightApplies(r.Code) {
			out = append(out, r.Code)
		}
	}
	return out
}

func (b *builder) groupLabels(ids []string) string {
	var labels []string
	for _, id := range ids {
		if g := b.n.GroupByID(id); g != nil {
			labels = append(labels, b.tx(g.Label))
		}
	}
	return b.c.List(labels)
}

// deferredProvision is the controller a processor purpose leaves the
// provision statement to (notice.DeferredProvision: the diff uses the
// same rule, so that it reports what the page shows).
func (b *builder) deferredProvision(p notice.Purpose) *notice.OtherController {
	return b.n.DeferredProvision(p)
}
