package render

import (
	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
)

// historySection lists the versions of a notice, newest first, each with
// the material and notable changes since the one before it. versionHref
// and diffHref, when set, link an earlier version to its own page and a
// version's changes to the page that shows them in full.
func historySection(current *notice.Notice, earlier []*notice.Notice, c *i18n.Catalog, versionHref, diffHref func(string) string) Section {
	s := newSection(c, section.History)
	versions := append([]*notice.Notice{current}, earlier...)
	var items []Item
	for i, v := range versions {
		head := plain(c.T("history.version", v.Version, c.Date(v.Updated)))
		if i == 0 {
			head = plain(c.T("history.current", v.Version, c.Date(v.Updated)))
		} else if versionHref != nil {
			if href := versionHref(v.Version); href != "" {
				head = Line{link(c.T("history.version", v.Version, c.Date(v.Updated)), href)}
			}
		}
		var body []Block
		if i+1 < len(versions) {
			material, notable, quiet := changes(versions[i+1], v, c)
			var changes []Item
			for _, m := range material {
				changes = append(changes, item(Line{strong(c.T("history.material")), {Text: " " + m}}))
			}
			for _, m := range notable {
				changes = append(changes, item(plain(m)))
			}
			if len(changes) > 0 {
				body = append(body, list(changes...))
			} else {
				body = append(body, ptext(quiet))
			}
			if diffHref != nil {
				if href := diffHref(versions[i+1].Version); href != "" {
					body = append(body, para(Line{link(c.T("history.diff", versions[i+1].Version, v.Version), href)}))
				}
			}
		} else if len(versions) > 1 {
			body = append(body, ptext(c.T("history.first")))
		}
		items = append(items, item(head, body...))
	}
	s.Blocks = append(s.Blocks, list(items...))
	return s
}

// Changes are the messages of the material and the notable changes from
// old to new that a reader is told of: upkeep (translation drift, version
// discipline) is the authors' business, not the reader's.
func Changes(old, new *notice.Notice, c *i18n.Catalog) (material, notable []string) {
	material, notable, _ = changes(old, new, c)
	return material, notable
}

// changes is Changes with the line a version with neither material nor
// notable changes gets: "Bare redaksjonelle endringer" when it has
// editorial ones, else what its change page says, "Ingen endringer i
// innholdet" (review nn 43: the two said the same step two ways).
func changes(old, new *notice.Notice, c *i18n.Catalog) (material, notable []string, quiet string) {
	rep := diff.Compare(old, new, "", "", c)
	quiet = c.T("diff.none")
	for _, ch := range ReaderChanges(rep) {
		switch ch.Class {
		case diff.Material:
			material = append(material, ch.Message)
		case diff.Notable:
			notable = append(notable, ch.Message)
		default:
			quiet = c.T("history.editorial")
		}
	}
	return material, notable, quiet
}

// ReaderChanges are the changes a reader of the page in the report's
// language is told of, said for that reader: not upkeep (translation
// drift, version discipline), which is the authors' business; not a text
// of the other language, which this page does not show; and without
// naming the page's own language. The lawyer's report keeps them all.
func ReaderChanges(rep *diff.Report) []diff.Change {
	var out []diff.Change
	seen := map[string]bool{}
	for _, ch := range rep.Changes {
		if diff.IsUpkeep(ch.Rule) || ch.Lang != "" && ch.Lang != rep.Lang {
			continue
		}
		ch.Message = ch.ForReader()
		if seen[ch.Message] {
			continue
		}
		seen[ch.Message] = true
		out = append(out, ch)
	}
	return out
}
