package main

import (
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/i18n/msgcheck"
	"github.com/personvern/personvern/templates"
)

// TestCLICatalogues: every message the CLI says (trouble, failure, say
// and the words it gives them) has a translation in cli.nb.yaml and
// cli.nn.yaml with the same verbs, and the catalogues hold nothing else.
func TestCLICatalogues(t *testing.T) {
	formats, problems, err := msgcheck.Formats(".", map[string]int{"trouble": 0, "failure": 1, "say": 1, "word": 0})
	if err != nil {
		t.Fatal(err)
	}
	if len(formats) < 20 {
		t.Fatalf("found only %d formats; the extraction is broken", len(formats))
	}
	problems = append(problems, msgcheck.Check(templates.FS, "cli", formats)...)
	for _, p := range problems {
		t.Error(p)
	}
}

func TestMessageLang(t *testing.T) {
	for _, c := range []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"", nil, "en"},
		{"nn", map[string]string{"PERSONVERN_LANG": "nb"}, "nn"},
		{"", map[string]string{"PERSONVERN_LANG": "nb", "LANG": "nn_NO.UTF-8"}, "nb"},
		{"", map[string]string{"LANG": "nn_NO.UTF-8"}, "nn"},
		{"", map[string]string{"LANG": "no_NO.UTF-8"}, "nb"},
		{"", map[string]string{"LANG": "nb_NO"}, "nb"},
		{"", map[string]string{"LC_ALL": "C", "LANG": "nb_NO.UTF-8"}, "en"},
		{"", map[string]string{"LC_MESSAGES": "nn_NO", "LANG": "en_GB.UTF-8"}, "nn"},
		{"", map[string]string{"LANG": "de_DE.UTF-8"}, "en"},
	} {
		got, err := i18n.MessageLang(c.flag, func(k string) string { return c.env[k] })
		if err != nil || got != c.want {
			t.Errorf("MessageLang(%q, %v) = %q, %v; want %q", c.flag, c.env, got, err, c.want)
		}
	}
	if _, err := i18n.MessageLang("", func(k string) string { return map[string]string{"PERSONVERN_LANG": "de"}[k] }); err == nil {
		t.Error("PERSONVERN_LANG=de: want an error")
	}
}
