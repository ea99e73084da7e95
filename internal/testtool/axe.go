package testtool

import (
	"fmt"
	"strings"
)

// AxeReport is the output of the axe.mjs scripts under tools/browser: the
// accessibility findings of axe-core in Chromium, per page and colour scheme.
type AxeReport struct {
	Axe        string      `json:"axe"`
	Chromium   string      `json:"chromium"`
	Pages      int         `json:"pages"`
	Runs       int         `json:"runs"`
	Violations []AxeResult `json:"violations"`
	Incomplete []AxeResult `json:"incomplete"`
}

// AxeResult is one rule axe-core found broken, or could not decide, on a page.
type AxeResult struct {
	File    string `json:"file"`
	Scheme  string `json:"scheme"`
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []string `json:"target"`
		HTML    string   `json:"html"`
		Summary string   `json:"summary"`
	} `json:"nodes"`
}

// String shows the finding for a test failure, File as it is.
func (v AxeResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s] %s (%s): %s\n    %s", v.File, v.Scheme, v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    at %s\n      %s", strings.Join(n.Target, " "), n.HTML)
		for _, l := range strings.Split(strings.TrimSpace(n.Summary), "\n") {
			fmt.Fprintf(&b, "\n      %s", strings.TrimSpace(l))
		}
	}
	return b.String()
}
