package validate

import (
	"slices"
	"sort"
	"strings"

	"github.com/personvern/personvern/internal/notice"
)

// Drift compares a notice with an earlier version of itself (validate
// --since REV) and reports every free text changed in some of the
// notice's languages but not in others: the language versions may now say
// different things, which art. 12(1) does not allow a notice to do. List
// entries are matched by id, so reordering or inserting entries is no
// drift.
func Drift(old, new *notice.Document, since string) []Finding {
	r := &report{doc: new}
	langs := new.Notice.Languages
	var walk func(o, n any, at notice.Path)
	walk = func(o, n any, at notice.Path) {
		switch nv := n.(type) {
		case map[string]any:
			ov, _ := o.(map[string]any)
			if isText(nv, langs) {
				driftText(r, ov, nv, langs, at, since)
				return
			}
			keys := make([]string, 0, len(nv))
			for k := range nv {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if ov != nil {
					walk(ov[k], nv[k], at.Key(k))
				}
			}
		case []any:
			ol, _ := o.([]any)
			for i, item := range nv {
				if match := sameEntry(ol, item, i); match != nil {
					walk(match, item, at.Key(i))
				}
			}
		}
	}
	walk(old.Value, new.Value, notice.Path{})
	Sort(r.findings)
	return r.findings
}

// isText reports whether m is a text per language: every key is one of
// the notice's languages.
func isText(m map[string]any, langs []string) bool {
	if len(m) == 0 {
		return false
	}
	for k, v := range m {
		if _, ok := v.(string); !ok || !slices.Contains(langs, k) {
			return false
		}
	}
	return true
}

// sameEntry finds the earlier version of list item n: the entry with the
// same id, or for a list without ids the one at the same place.
func sameEntry(old []any, n any, i int) any {
	nm, ok := n.(map[string]any)
	if !ok {
		return nil
	}
	for _, key := range []string{"id", "article"} {
		id, ok := nm[key].(string)
		if !ok {
			continue
		}
		for _, o := range old {
			om, ok := o.(map[string]any)
			if !ok {
				continue
			}
			// By id, or by the id it had before (replaces:).
			if om[key] == id || key == "id" && nm["replaces"] != nil && om["id"] == nm["replaces"] {
				return om
			}
		}
		return nil
	}
	if i < len(old) {
		return old[i]
	}
	return nil
}

func driftText(r *report, o, n map[string]any, langs []string, at notice.Path, since string) {
	if o == nil {
		return
	}
	var changed, same []string
	for _, l := range langs {
		ot, oOK := o[l].(string)
		nt, nOK := n[l].(string)
		if !oOK || !nOK || strings.TrimSpace(ot) == "" {
			continue // a language added or dropped is another finding
		}
		if ot == nt {
			same = append(same, l)
		} else {
			changed = append(changed, l)
		}
	}
	if len(changed) == 0 || len(same) == 0 {
		return
	}
	p := at.Key(same[0])
	r.add(Warning, p, "translation-drift", "12(1)", "the text changed since %s in %s but not in %s; update the %s text to say the same, or leave both as they were",
		since, langList{changed, ", "}, langList{same, ", "}, langList{same, " and "})
}
