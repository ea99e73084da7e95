package diff

import (
	"maps"
	"slices"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
	"github.com/personvern/personvern/internal/vocab"
)

// An item whose id changed with nothing else, no replaces: to say so, is
// the same item to a reader: the page shows its label, never its id. Left
// to the id-matched lists, it was a new category beside the removed one of
// the same name, and every rule and purpose using it said "nå også X"
// above "ikke lenger X" (review nb8x 9). So before comparing, an added
// and a removed item of the same label (in every language) and the same
// substance are paired: the old one, and every reference to it in the old
// notice, takes the new id; the pair is then compared field by field as
// any other, and the id change is told the editor (renamed-id, upkeep).

// alias is one id the old notice's item was given to pair it.
type alias struct {
	list, old, new string
	subject        string // the item as a line names it: «Interesser og fritidsaktiviteter»
}

// pairByLabel returns old id → new id for items removed and added with the
// same signature, only where one removed and one added item share it; an
// empty signature pairs nothing.
func pairByLabel[T any](old, new []T, id, replaces func(T) string, sig func(T) string) map[string]string {
	_, added, removed := match(old, new, id, replaces)
	byAdded := map[string][]T{}
	for _, n := range added {
		if s := sig(n); s != "" {
			byAdded[s] = append(byAdded[s], n)
		}
	}
	byRemoved := map[string][]T{}
	for _, o := range removed {
		if s := sig(o); s != "" {
			byRemoved[s] = append(byRemoved[s], o)
		}
	}
	out := map[string]string{}
	for s, os := range byRemoved {
		if ns := byAdded[s]; len(os) == 1 && len(ns) == 1 && id(os[0]) != "" && id(ns[0]) != "" {
			out[id(os[0])] = id(ns[0])
		}
	}
	return out
}

// languages are the languages of either notice.
func (d *cmp) languages() []string {
	ls := slices.Clone(d.orig.Languages)
	for _, l := range d.new.Languages {
		if !slices.Contains(ls, l) {
			ls = append(ls, l)
		}
	}
	if !slices.Contains(ls, d.lang) {
		ls = append(ls, d.lang)
	}
	return ls
}

// shownLabel is a category's label in every language as the page shows
// it: its own, else the vocabulary's, so that a vocabulary category given
// a label of its own is renamed, not named for the first time (review
// nn8x 3).
func (d *cmp) shownLabel(c notice.Category) notice.Text {
	out := notice.Text{}
	_, vocabCode := vocab.LookupCategory(c.ID)
	for _, l := range d.languages() {
		switch {
		case c.Label[l] != "":
			out[l] = c.Label[l]
		case vocabCode:
			out[l] = d.catalogFor(l).TOr("category."+c.ID, "")
		}
	}
	return out
}

// sig is a text in every language, as one string; "" when it has none.
func sig(t notice.Text) string {
	if emptyText(t) {
		return ""
	}
	return textSig(t)
}

// rename gives ids the new id wherever ren maps them; the slice is a copy.
func rename(ids []string, ren map[string]string) []string {
	if len(ids) == 0 || len(ren) == 0 {
		return ids
	}
	out := slices.Clone(ids)
	for i, id := range out {
		if n, ok := ren[id]; ok {
			out[i] = n
		}
	}
	return out
}

// unalias pairs, in a copy of the old notice, the items whose only change
// is their id, and rewrites the old notice's references to them; d.old is
// the copy after, d.orig the notice as it was.
func (d *cmp) unalias() {
	o := *d.orig
	o.Categories = slices.Clone(o.Categories)
	o.Groups = slices.Clone(o.Groups)
	o.Controllers = slices.Clone(o.Controllers)
	o.Purposes = slices.Clone(o.Purposes)
	o.Sources = slices.Clone(o.Sources)
	o.Recipients = slices.Clone(o.Recipients)
	o.Transfers = slices.Clone(o.Transfers)
	o.Retention = slices.Clone(o.Retention)
	o.AutomatedDecisions = slices.Clone(o.AutomatedDecisions)
	o.Cookies = slices.Clone(o.Cookies)
	o.Restrictions = slices.Clone(o.Restrictions)
	d.old = &o
	d.oldID = map[string]string{}
	record := func(list string, ren map[string]string, subject func(newID string) string) {
		for _, from := range slices.Sorted(maps.Keys(ren)) {
			d.aliases = append(d.aliases, alias{list: list, old: from, new: ren[from], subject: subject(ren[from])})
			d.oldID[list+"/"+ren[from]] = from
		}
	}

	// Categories, by the label the page shows.
	cats := pairByLabel(o.Categories, d.new.Categories, func(c notice.Category) string { return c.ID }, func(notice.Category) string { return "" },
		func(c notice.Category) string { return sig(d.shownLabel(c)) })
	for i, c := range o.Categories {
		if n, ok := cats[c.ID]; ok {
			// The old item keeps its label; its nature (special or not,
			// by the vocabulary or its own field) is read from the
			// original (d.wasSensitive).
			c.Label = d.shownLabel(c)
			c.ID = n
			o.Categories[i] = c
		}
	}
	record("categories", cats, func(id string) string { return d.categoryHeading(id) })

	// Groups, by label.
	groups := pairByLabel(o.Groups, d.new.Groups, func(g notice.Group) string { return g.ID }, func(notice.Group) string { return "" },
		func(g notice.Group) string { return sig(g.Label) })
	for i, g := range o.Groups {
		if n, ok := groups[g.ID]; ok {
			o.Groups[i].ID = n
		}
	}
	record("groups", groups, func(id string) string { return d.q(upperFirst(d.groupLabel(d.new, id))) })

	// Other controllers, by name.
	ctrls := pairByLabel(o.Controllers, d.new.Controllers, func(c notice.OtherController) string { return c.ID }, func(notice.OtherController) string { return "" },
		func(c notice.OtherController) string { return c.Name.Key() })
	for i, c := range o.Controllers {
		if n, ok := ctrls[c.ID]; ok {
			o.Controllers[i].ID = n
		}
	}
	record("controllers", ctrls, func(id string) string {
		if c := d.new.OtherControllerByID(id); c != nil {
			return c.Name.In(d.lang)
		}
		return id
	})

	// Purposes, by name.
	purposes := pairByLabel(o.Purposes, d.new.Purposes, func(p notice.Purpose) string { return p.ID }, func(p notice.Purpose) string { return p.Replaces },
		func(p notice.Purpose) string { return sig(p.Name) })
	for i, p := range o.Purposes {
		if n, ok := purposes[p.ID]; ok {
			p.ID = n
		}
		p.Categories = rename(p.Categories, cats)
		p.Groups = rename(p.Groups, groups)
		if p.Role != nil && len(ctrls) > 0 {
			r := *p.Role
			if n, ok := ctrls[r.Controller]; ok {
				r.Controller = n
			}
			r.With = rename(r.With, ctrls)
			p.Role = &r
		}
		o.Purposes[i] = p
	}
	record("purposes", purposes, func(id string) string { return d.purposeLabel(id) })

	// Sources and recipients, by kind, name and, for a party known by
	// its kind alone, what it says.
	partySig := func(kind string, name notice.Name, desc notice.Text) string {
		if name.Key() != "" {
			return kind + "\x01" + name.Key()
		}
		if s := sig(desc); s != "" {
			return kind + "\x01\x01" + s
		}
		return ""
	}
	sources := pairByLabel(o.Sources, d.new.Sources, func(s notice.Source) string { return s.ID }, func(s notice.Source) string { return s.Replaces },
		func(s notice.Source) string { return partySig(s.Kind, s.Name, s.Description) })
	for i, s := range o.Sources {
		if n, ok := sources[s.ID]; ok {
			s.ID = n
		}
		s.Categories = rename(s.Categories, cats)
		o.Sources[i] = s
	}
	record("sources", sources, func(id string) string {
		for _, s := range d.new.Sources {
			if s.ID == id {
				return d.partySubject("sources", s.Kind, s.Name, s.ID)
			}
		}
		return id
	})
	recipients := pairByLabel(o.Recipients, d.new.Recipients, func(r notice.Recipient) string { return r.ID }, func(r notice.Recipient) string { return r.Replaces },
		func(r notice.Recipient) string { return partySig(r.Kind, r.Name, r.Description) })
	for i, r := range o.Recipients {
		if n, ok := recipients[r.ID]; ok {
			r.ID = n
		}
		r.Categories = rename(r.Categories, cats)
		r.Purposes = rename(r.Purposes, purposes)
		o.Recipients[i] = r
	}
	record("recipients", recipients, func(id string) string {
		for _, r := range d.new.Recipients {
			if r.ID == id {
				return d.partySubject("recipients", r.Kind, r.Name, r.ID)
			}
		}
		return id
	})

	// Retention rules, by their categories (as renamed), period and end.
	for i, r := range o.Retention {
		r.Categories = rename(r.Categories, cats)
		r.Groups = rename(r.Groups, groups)
		o.Retention[i] = r
	}
	retSig := func(r notice.Retention) string {
		c := slices.Clone(r.Categories)
		slices.Sort(c)
		return r.Period + "\x01" + r.Then + "\x01" + sig(r.Criteria) + "\x01" + joinIDs(c)
	}
	rules := pairByLabel(o.Retention, d.new.Retention, func(r notice.Retention) string { return r.ID }, func(r notice.Retention) string { return r.Replaces }, retSig)
	for i, r := range o.Retention {
		if n, ok := rules[r.ID]; ok {
			o.Retention[i].ID = n
		}
	}
	names := d.ruleNames(d.new)
	record("retention", rules, func(id string) string { return names[id] })

	// Transfers, by where they go.
	transfers := pairByLabel(o.Transfers, d.new.Transfers, func(t notice.Transfer) string { return t.ID }, func(t notice.Transfer) string { return t.Replaces },
		func(t notice.Transfer) string { return t.Country + "\x01" + t.Organisation.Key() })
	for i, t := range o.Transfers {
		if n, ok := transfers[t.ID]; ok {
			o.Transfers[i].ID = n
		}
	}
	record("transfers", transfers, func(id string) string {
		for _, t := range d.new.Transfers {
			if t.ID == id {
				return d.dest(t)
			}
		}
		return id
	})

	// Automated decisions, by what they are.
	decisions := pairByLabel(o.AutomatedDecisions, d.new.AutomatedDecisions, func(a notice.AutomatedDecision) string { return a.ID },
		func(a notice.AutomatedDecision) string { return a.Replaces }, func(a notice.AutomatedDecision) string { return sig(a.Description) })
	for i, a := range o.AutomatedDecisions {
		if n, ok := decisions[a.ID]; ok {
			a.ID = n
		}
		a.Purposes = rename(a.Purposes, purposes)
		o.AutomatedDecisions[i] = a
	}
	record("automated_decisions", decisions, func(id string) string {
		for _, a := range d.new.AutomatedDecisions {
			if a.ID == id {
				return d.decisionName(d.new, a)
			}
		}
		return id
	})

	// Cookies, by the name the browser shows.
	cookies := pairByLabel(o.Cookies, d.new.Cookies, func(c notice.Cookie) string { return c.ID }, func(c notice.Cookie) string { return c.Replaces },
		func(c notice.Cookie) string { return c.Name })
	for i, c := range o.Cookies {
		if n, ok := cookies[c.ID]; ok {
			c.ID = n
		}
		if n, ok := recipients[c.Provider]; ok {
			c.Provider = n
		}
		c.Purposes = rename(c.Purposes, purposes)
		o.Cookies[i] = c
	}
	record("cookies", cookies, func(id string) string {
		for _, c := range d.new.Cookies {
			if c.ID == id {
				return d.q(c.Name)
			}
		}
		return id
	})

	// Restrictions, by the right and provision.
	restrictions := pairByLabel(o.Restrictions, d.new.Restrictions, func(x notice.Restriction) string { return x.ID }, func(notice.Restriction) string { return "" },
		func(x notice.Restriction) string { return x.Right + "\x01" + x.Provision })
	for i, x := range o.Restrictions {
		if n, ok := restrictions[x.ID]; ok {
			o.Restrictions[i].ID = n
		}
	}
	record("restrictions", restrictions, func(id string) string {
		for _, x := range d.new.Restrictions {
			if x.ID == id {
				return d.q(d.rightName(x.Right)) + " (" + d.restrictionCite(x.Provision) + ")"
			}
		}
		return id
	})
}

// wasSensitive tells whether the old notice's category, now named by id,
// was special (art. 9), by its original id: the vocabulary decides for
// its codes, and a code renamed to a custom id keeps what it was.
func (d *cmp) wasSpecial(id string) bool {
	if from, ok := d.oldID["categories/"+id]; ok {
		return d.orig.IsSpecial(from)
	}
	return d.old.IsSpecial(id)
}

// wasCriminal is wasSpecial for data on criminal convictions (art. 10).
func (d *cmp) wasCriminal(id string) bool {
	if from, ok := d.oldID["categories/"+id]; ok {
		id = from
	}
	return isCriminal(id)
}

func isCriminal(id string) bool {
	vc, ok := vocab.LookupCategory(id)
	return ok && vc.Criminal
}

// idLines tells the editor of each id the pairing gave: the reader sees no
// id (upkeep), so it is a note (Report.Notes), counted in no class and not
// on the site. A counted line had the public report say «1 redaksjonell
// endring» of a version whose page reads as the last one (review nb9x 1).
func (d *cmp) idLines() {
	for _, a := range d.aliases {
		d.idNote(a.list, a.list+"/"+a.new+"/id", a.subject, a.old, a.new)
	}
}

// idNote tells the editor that an item of list, subject, has a new id: a
// pairing's, or one given with replaces: (purposes, cookies).
func (d *cmp) idNote(list, key, subject, old, new string) {
	d.notes = append(d.notes, Change{Section: idOf[list].sec, Class: ruleRenamedID.Class, Rule: ruleRenamedID.ID, Key: key,
		Message: sentence(d.c.T("diff.renamed-id.of", d.c.T(idOf[list].key, subject), old, new)), Old: old, New: new})
}

func joinIDs(ids []string) string {
	s := ""
	for _, id := range ids {
		s += id + "\x00"
	}
	return s
}

// idOf names, per list, the section and the words for one of its items
// whose id changed.
var idOf = map[string]struct {
	sec section.ID
	key string
}{
	"categories":          {section.Data, "diff.id-of.categories"},
	"groups":              {section.Purposes, "diff.id-of.groups"},
	"controllers":         {section.Controller, "diff.id-of.controllers"},
	"purposes":            {section.Purposes, "diff.id-of.purposes"},
	"sources":             {section.Sources, "diff.id-of.sources"},
	"recipients":          {section.Recipients, "diff.id-of.recipients"},
	"retention":           {section.Retention, "diff.id-of.retention"},
	"transfers":           {section.Transfers, "diff.id-of.transfers"},
	"automated_decisions": {section.Automated, "diff.id-of.automated_decisions"},
	"cookies":             {section.Cookies, "diff.id-of.cookies"},
	"restrictions":        {section.Rights, "diff.id-of.restrictions"},
}
