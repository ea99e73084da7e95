package vocab

import "testing"

// TestRightApplies: when each right applies, by the legal bases in use and
// whether the notice has automated decisions (GDPR art. 7(3), 20, 21, 22).
func TestRightApplies(t *testing.T) {
	tests := []struct {
		right     string
		bases     map[string]bool
		automated bool
		want      bool
	}{
		{"access", set("6(1)(c)"), false, true},
		{"access", set(), false, true},
		{"rectification", set("6(1)(a)"), false, true},
		{"erasure", set("6(1)(e)"), false, true},
		{"restriction", set("6(1)(f)"), false, true},
		{"portability", set("6(1)(a)"), false, true},
		{"portability", set("6(1)(b)"), false, true},
		{"portability", set("6(1)(c)", "6(1)(e)"), false, false},
		{"objection", set("6(1)(e)"), false, true},
		{"objection", set("6(1)(f)"), false, true},
		{"objection", set("6(1)(a)", "6(1)(b)", "6(1)(c)"), false, false},
		{"withdraw_consent", set("6(1)(a)"), false, true},
		{"withdraw_consent", set("9(2)(a)"), false, true},
		{"withdraw_consent", set("6(1)(b)", "9(2)(g)"), false, false},
		{"human_review", set("6(1)(a)"), true, true},
		{"human_review", set("6(1)(a)", "6(1)(e)"), false, false},
	}
	tested := map[string]bool{}
	for _, tt := range tests {
		r, ok := LookupRight(tt.right)
		if !ok {
			t.Fatalf("no right %s", tt.right)
		}
		tested[tt.right] = true
		if got := r.Applies(tt.bases, tt.automated); got != tt.want {
			t.Errorf("%s with %v, automated %v: applies = %v, want %v", tt.right, tt.bases, tt.automated, got, tt.want)
		}
	}
	for _, r := range Rights {
		if !tested[r.Code] {
			t.Errorf("right %s has no case", r.Code)
		}
		if r.When == "" {
			t.Errorf("right %s: When is empty; validate's findings quote it", r.Code)
		}
		conditional := len(r.Bases) > 0 || r.Automated
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
