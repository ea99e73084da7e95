package publish

import "testing"

// TestPrintable: a file name planted in a site cannot forge a line of CI
// output (a GitHub workflow command) or move the terminal's cursor.
func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"nb/ok/index.html":         "nb/ok/index.html",
		"nb/blåbær.html":           "nb/blåbær.html",
		"a\n::error::all approved": `"a\n::error::all approved"`,
		"a\x1b[2K\x1b[1Aok":        `"a\x1b[2K\x1b[1Aok"`,
		"fil\u202egnp.exe":         `"fil\u202egnp.exe"`,
		"carriage\rreturn":         `"carriage\rreturn"`,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %s, want %s", in, got, want)
		}
	}
}
