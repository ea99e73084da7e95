package render

import (
	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/section"
)

// historySection lists the versions of a notice, newest first, each with
// the material and notable changes since the one before it.
func historySection(current *notice.Notice, earlier []*notice.Notice, c *i18n.Catalog) Section {
	s := newSection(c, section.History)
	versions := append([]*notice.Notice{current}, earlier...)
	var items []Item
	for i, v := range versions {
		head := plain(c.T("history.version", v.Version, c.Date(v.Updated)))
		if i == 0 {
			head = plain(c.T("history.current", v.Version, c.Date(v.Updated)))
		}
		var body []Block
		if i+1 < len(versions) {
			rep := diff.Compare(versions[i+1], v, "", "", c)
			var changes []Item
			for _, ch := range rep.Changes {
				if ch.Class >= diff.Notable && !diff.IsUpkeep(ch.Rule) {
					changes = append(changes, item(plain(ch.Message)))
				}
			}
			if len(changes) > 0 {
				body = append(body, list(changes...))
			} else {
				body = append(body, ptext(c.T("history.editorial")))
			}
		} else if len(versions) > 1 {
			body = append(body, ptext(c.T("history.first")))
		}
		items = append(items, item(head, body...))
	}
	s.Blocks = append(s.Blocks, list(items...))
	return s
}
