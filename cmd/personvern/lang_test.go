package main

import (
	"bytes"
	"maps"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/i18n/msgcheck"
	"github.com/personvern/personvern/templates"
)

// TestCLICatalogues: every message the CLI says (trouble, failure, say
// and the words it gives them) has a translation in cli.nb.yaml and
// cli.nn.yaml with the same verbs, and the catalogues hold nothing else.
func TestCLICatalogues(t *testing.T) {
	formats, problems, err := msgcheck.Formats(".", map[string]int{"trouble": 0, "failure": 1, "say": 1, "word": 0, "num": 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(formats) < 20 {
		t.Fatalf("found only %d formats; the extraction is broken", len(formats))
	}
	// The publisher's refusals and warnings reach the user through the
	// CLI, in the user's language (review nb8x 16).
	pub, pubProblems, err := msgcheck.Formats(filepath.Join("..", "..", "internal", "publish"), map[string]int{"msgf": 0, "errorf": 1, "refuse": 0})
	if err != nil {
		t.Fatal(err)
	}
	if len(pub) < 15 {
		t.Fatalf("found only %d formats in internal/publish; the extraction is broken", len(pub))
	}
	maps.Copy(formats, pub)
	for _, k := range []string{"a symbolic link", "a named pipe", "a socket", "a device", "a folder", "not a regular file"} {
		formats[k] = "safefs.Kind"
	}
	problems = append(problems, pubProblems...)
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

// TestStarterLanguages: the starter notice is the same notice whatever the
// language of its comments, and every comment of new.yaml has its
// translation (as many comment lines or more, none left in English).
var placeholder = regexp.MustCompile(`"FYLL INN: [^"]*"`)

func TestStarterLanguages(t *testing.T) {
	parse := func(lang string) (any, string) {
		src, err := starterNotice("x", lang, "new")
		if err != nil {
			t.Fatal(err)
		}
		src = bytes.ReplaceAll(src, []byte(time.Now().Format("2006-01-02")), []byte("DATE"))
		// A placeholder is said in the comments' language ("juridisk
		// navn på virksomheten", "det juridiske namnet på verksemda"):
		// the notice is the same with every placeholder as one.
		same := placeholder.ReplaceAll(src, []byte(`"FYLL INN"`))
		var v any
		if err := yaml.Unmarshal(same, &v); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		return v, string(src)
	}
	en, enSrc := parse("en")
	for _, lang := range []string{"nb", "nn"} {
		v, src := parse(lang)
		if !reflect.DeepEqual(v, en) {
			t.Errorf("new.%s.yaml is another notice than new.yaml", lang)
		}
		for _, english := range []string{" the ", " you ", " of ", " and ", "Replace", "Uncomment"} {
			for _, line := range strings.Split(src, "\n") {
				if c := strings.TrimSpace(line); strings.HasPrefix(c, "#") && strings.Contains(c, english) && strings.Contains(enSrc, line) {
					t.Errorf("new.%s.yaml: comment still English: %s", lang, line)
				}
			}
		}
	}
}
