package main

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"

	"github.com/personvern/personvern/templates"
)

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

// TestNewTemplateExamples: the starter notice gives a law that can be a
// basis for processing as its example, not forvaltningsloven § 11 (the
// duty to guide), and writes "for eksempel" / "til dømes" in full
// (nb9x 17).
func TestNewTemplateExamples(t *testing.T) {
	// forvaltningsloven § 11 permits no automated decision either: no
	// finding or field description gives it as an example.
	for _, name := range []string{"lang/findings.nb.yaml", "lang/findings.nn.yaml", "lang/schema.nb.yaml", "lang/schema.nn.yaml"} {
		b, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"forvaltningsloven § 11", "forvaltningslova § 11"} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s has %q", name, bad)
			}
		}
	}
	for _, name := range []string{"new.yaml", "new.nb.yaml", "new.nn.yaml"} {
		b, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for _, bad := range []string{"forvaltningsloven § 11", "forvaltningslova § 11", "f.eks.", "t.d."} {
			if strings.Contains(s, bad) {
				t.Errorf("%s has %q", name, bad)
			}
		}
		if !strings.Contains(s, "sosialtjenesteloven § 29") || !strings.Contains(s, "sosialtenestelova § 29") {
			t.Errorf("%s: no sosialtjenesteloven § 29 example in both languages", name)
		}
	}
}

// TestInitDevWarningOnlyWhenWritten: the warning that a development build
// makes the CI install @latest is about the CI files, so a second init,
// which writes nothing, does not give it (nb9x 18).
func TestInitDevWarningOnlyWhenWritten(t *testing.T) {
	if releaseVersion() != "" {
		t.Skip("a release build gives no warning")
	}
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"init", dir, "--lang", "nb"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("first init: %d %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "utviklingsversjon") {
		t.Errorf("first init: no warning: %s", stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"init", dir, "--lang", "nb"}, nil, &stdout, &stderr); code != exitTrouble {
		t.Fatalf("second init: %d", code)
	}
	if strings.Contains(stderr.String(), "utviklingsversjon") {
		t.Errorf("second init warns though it writes nothing: %s", stderr.String())
	}
}

// TestNewWithoutName: new with no name says what to write, not that it
// "takes one argument" (nn9x 12).
func TestNewWithoutName(t *testing.T) {
	var stdout, stderr bytes.Buffer
	run([]string{"new", "--lang", "nn"}, nil, &stdout, &stderr)
	if want := "personvern: skriv kva erklæringa skal heite, til dømes: personvern new barnehage"; !strings.Contains(stderr.String(), want) {
		t.Errorf("got %q, want %q", stderr.String(), want)
	}
}
