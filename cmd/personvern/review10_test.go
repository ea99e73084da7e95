package main

import "testing"

// TestMissingFileSaid: a file that is not there is said as a sentence,
// without the name of the system call ("stat a.yaml: finnes ikke",
// nb9x 13), in every language; other reasons lose the call's name too.
func TestMissingFileSaid(t *testing.T) {
	cases := []struct{ in, en, nb, nn string }{
		{"stat finnesikke.yaml: no such file or directory", "cannot find the file finnesikke.yaml", "finner ikke filen finnesikke.yaml", "finn ikkje fila finnesikke.yaml"},
		{"open notices/a.yaml: no such file or directory", "cannot find the file notices/a.yaml", "finner ikke filen notices/a.yaml", "finn ikkje fila notices/a.yaml"},
		{"a.yaml: no such file or directory", "cannot find the file a.yaml", "finner ikke filen a.yaml", "finn ikkje fila a.yaml"},
		{"lstat site/x: permission denied", "site/x: permission denied", "site/x: ingen tilgang", "site/x: ingen tilgang"},
	}
	for _, c := range cases {
		if got := systemReasons(nil, c.in); got != c.en {
			t.Errorf("en %q = %q, want %q", c.in, got, c.en)
		}
		for lang, want := range map[string]string{"nb": c.nb, "nn": c.nn} {
			m, err := messagesIn(lang)
			if err != nil {
				t.Fatal(err)
			}
			if got := systemReasons(m, c.in); got != want {
				t.Errorf("%s %q = %q, want %q", lang, c.in, got, want)
			}
		}
	}
}
