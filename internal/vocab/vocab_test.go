package vocab

import (
	"strings"
	"testing"
	"time"
)

// TestRightApplies: when each right applies, by the legal bases in use and
// whether the notice has automated decisions (GDPR art. 7(3), 20, 21, 22).
func TestRightApplies(t *testing.T) {
	on := func(bases ...string) Processing { return Processing{Bases: bases} }
	auto := func(bases ...string) Processing { return Processing{Bases: bases, Automated: true} }
	tests := []struct {
		right     string
		ps        []Processing
		decisions bool
		want      bool
	}{
		{"access", []Processing{on("6(1)(c)")}, false, true},
		{"access", nil, false, true},
		{"rectification", []Processing{on("6(1)(a)")}, false, true},
		{"erasure", []Processing{on("6(1)(e)")}, false, true},
		{"restriction", []Processing{on("6(1)(f)")}, false, true},
		// Art. 20(1): consent or contract, and by automated means.
		{"portability", []Processing{auto("6(1)(a)")}, false, true},
		{"portability", []Processing{auto("6(1)(b)")}, false, true},
		{"portability", []Processing{auto("6(1)(c)", "9(2)(a)")}, false, true},
		{"portability", []Processing{on("6(1)(a)"), on("6(1)(b)")}, false, false},
		{"portability", []Processing{on("6(1)(b)"), auto("6(1)(e)")}, false, false},
		{"portability", []Processing{auto("6(1)(c)", "6(1)(e)")}, false, false},
		// Art. 21(1), (2), (6).
		{"objection", []Processing{on("6(1)(e)")}, false, true},
		{"objection", []Processing{on("6(1)(f)")}, false, true},
		{"objection", []Processing{{Bases: []string{"6(1)(a)"}, DirectMarketing: true}}, false, true},
		{"objection", []Processing{{Bases: []string{"6(1)(c)"}, Research: true}}, false, true},
		{"objection", []Processing{on("6(1)(a)", "6(1)(b)", "6(1)(c)")}, false, false},
		{"withdraw_consent", []Processing{on("6(1)(a)")}, false, true},
		{"withdraw_consent", []Processing{on("9(2)(a)")}, false, true},
		{"withdraw_consent", []Processing{on("6(1)(b)", "9(2)(g)")}, false, false},
		{"human_review", []Processing{on("6(1)(a)")}, true, true},
		{"human_review", []Processing{on("6(1)(a)", "6(1)(e)")}, false, false},
	}
	tested := map[string]bool{}
	for _, tt := range tests {
		r, ok := LookupRight(tt.right)
		if !ok {
			t.Fatalf("no right %s", tt.right)
		}
		tested[tt.right] = true
		if got := r.Applies(tt.ps, tt.decisions); got != tt.want {
			t.Errorf("%s with %+v, decisions %v: applies = %v, want %v", tt.right, tt.ps, tt.decisions, got, tt.want)
		}
	}
	for _, r := range Rights {
		if !tested[r.Code] {
			t.Errorf("right %s has no case", r.Code)
		}
		if r.When == "" {
			t.Errorf("right %s: When is empty; validate's findings quote it", r.Code)
		}
		conditional := len(r.Bases) > 0 || r.Decisions || r.DirectMarketing || r.Research
		if conditional != (r.WhenNot != "") {
			t.Errorf("right %s: WhenNot must be given exactly when the right does not always apply", r.Code)
		}
		for _, b := range r.Bases {
			if _, ok := LookupBasis(b); !ok {
				t.Errorf("right %s: unknown basis %s", r.Code, b)
			}
		}
	}
}

// TestAdequacies: every adequacy decision names its decision and the day
// it was adopted, and the day it took effect in the EEA, if it has, is a
// real day no earlier than the decision: the transfer rule trusts them.
func TestAdequacies(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range Adequacies {
		if len(a.Country) != 2 || strings.ToUpper(a.Country) != a.Country {
			t.Errorf("%q: not an ISO 3166-1 alpha-2 code", a.Country)
		}
		if seen[a.Country] {
			t.Errorf("%s listed twice", a.Country)
		}
		seen[a.Country] = true
		if EEA[a.Country] {
			t.Errorf("%s is in the EEA; an adequacy decision is for third countries", a.Country)
		}
		if a.Decision == "" {
			t.Errorf("%s: no decision", a.Country)
		}
		adopted, err := time.Parse("2006-01-02", a.Date)
		if err != nil {
			t.Errorf("%s: date %q: %v", a.Country, a.Date, err)
		}
		if a.InEEASince != "" {
			eea, err := time.Parse("2006-01-02", a.InEEASince)
			if err != nil {
				t.Errorf("%s: in the EEA since %q: %v", a.Country, a.InEEASince, err)
			} else if eea.Before(adopted) {
				t.Errorf("%s: in the EEA (%s) before it was adopted (%s)", a.Country, a.InEEASince, a.Date)
			}
		}
		if got, ok := LookupAdequacy(a.Country); !ok || got.Decision != a.Decision {
			t.Errorf("LookupAdequacy(%s) = %+v, %v", a.Country, got, ok)
		}
	}
	if us, _ := LookupAdequacy("US"); !us.DPF {
		t.Error("the US decision must be limited to DPF-certified recipients")
	}
}
