package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/personvern/personvern/internal/i18n/msgcheck"
	"github.com/personvern/personvern/templates"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"gopkg.in/yaml.v3"
)

// commandTree is every command under root, root first, with cobra's help
// command and its --help and --version flags in place, as a help page
// shows them.
func commandTree(root *cobra.Command) []*cobra.Command {
	root.InitDefaultHelpCmd()
	root.InitDefaultVersionFlag()
	var out []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		out = append(out, c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return out
}

// helpTexts are the texts of the help pages that the help catalogues
// translate: every command's Short, Long and Example, every flag's usage
// and the name of its kind of value, and the headings helpSay gives, each
// with where it is.
func helpTexts(t *testing.T) map[string]string {
	texts, problems, err := msgcheck.Formats(".", map[string]int{"helpSay": 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	for _, c := range commandTree(newRoot()) {
		where := c.CommandPath()
		for what, s := range map[string]string{"Short": c.Short, "Long": c.Long, "Example": c.Example} {
			if s != "" {
				texts[s] = where + " " + what
			}
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Hidden || f.Annotations[cobra.FlagSetByCobraAnnotation] != nil {
				return // cobra's --help and --version: helpSay's formats
			}
			varname, usage := pflag.UnquoteUsage(f)
			texts[usage] = where + " --" + f.Name
			if varname != "" {
				texts[varname] = where + " --" + f.Name + " (kind of value)"
			}
		})
	}
	return texts
}

// TestHelpCatalogues: every text of every help page has its bokmål and
// nynorsk in help.nb.yaml and help.nn.yaml, which hold nothing else, and
// the catalogues load beside the others (no key translated otherwise
// there).
func TestHelpCatalogues(t *testing.T) {
	texts := helpTexts(t)
	if len(texts) < 60 {
		t.Fatalf("found only %d texts; the walk is broken", len(texts))
	}
	for _, p := range msgcheck.Check(templates.FS, helpCatalogue, texts) {
		t.Error(p)
	}
	for _, lang := range []string{"nb", "nn"} {
		m := helpMessages(newRoot(), []string{"--lang", lang})
		if m == nil || m.Lang != lang {
			t.Errorf("--lang %s: the help catalogue does not load", lang)
		}
	}
}

// TestHelpEnglish: in English every help page is the one cobra's default
// templates write, so translating them changed nothing there.
func TestHelpEnglish(t *testing.T) {
	ours, theirs := commandTree(newRoot()), commandTree(newRoot())
	for i, c := range ours {
		var want, got bytes.Buffer
		theirs[i].SetOut(&want)
		if err := theirs[i].Help(); err != nil {
			t.Fatal(err)
		}
		writeHelp(&got, nil, c)
		if got.String() != want.String() {
			t.Errorf("%s --help:\n%s\nwant (cobra's)\n%s", c.CommandPath(), got.String(), want.String())
		}
	}
}

// TestHelpNorwegian: in bokmål and nynorsk no help page keeps cobra's
// English headings, and every command's page is in the language asked.
func TestHelpNorwegian(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		root := newRoot()
		for _, c := range commandTree(root) {
			var b bytes.Buffer
			writeHelp(&b, helpMessages(c, []string{"--lang", lang}), c)
			page := b.String()
			for _, english := range []string{"Usage:", "Flags:", "Examples:", "Available Commands:", "Global Flags:", "for more information", "(default ", " string ", "help for "} {
				if strings.Contains(page, english) {
					t.Errorf("%s: %s --help still says %q:\n%s", lang, c.CommandPath(), english, page)
				}
			}
		}
	}
}

// TestHelpLanguage: the help page follows --lang, PERSONVERN_LANG and the
// locale as the other messages do; build's --languages nb,nn names
// languages to publish, not the language of the help, and its --lang is
// the help's language as everywhere (nn8x 1).
func TestHelpLanguage(t *testing.T) {
	for _, c := range []struct {
		args []string
		env  []string
		want string
	}{
		{[]string{"validate", "--help"}, nil, "Usage:"},
		{[]string{"validate", "--help"}, []string{"PERSONVERN_LANG", "nn"}, "Bruk:"},
		{[]string{"validate", "--help", "--lang", "nb"}, []string{"PERSONVERN_LANG", "nn"}, "Bruk:"},
		{[]string{"help", "validate", "--lang", "nn"}, nil, "Val:"},
		{[]string{"validate", "--help"}, []string{"LANG", "nb_NO.UTF-8"}, "Valg:"},
		{[]string{"render", "--lang", "nn", "--help"}, nil, "Val:"},
		{[]string{"build", "--languages", "nb,nn", "--help"}, nil, "Usage:"},
		{[]string{"build", "--languages", "nb,nn", "--help"}, []string{"PERSONVERN_LANG", "nn"}, "Val:"},
		{[]string{"build", "--lang", "nn", "--help"}, nil, "Val:"},
		{[]string{"--help"}, []string{"PERSONVERN_LANG", "nb"}, "Kommandoer:"},
		{[]string{"validate", "--help"}, []string{"PERSONVERN_LANG", "de"}, "Usage:"},
	} {
		for _, k := range []string{"PERSONVERN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
			t.Setenv(k, "")
		}
		if c.env != nil {
			t.Setenv(c.env[0], c.env[1])
		}
		var out, errs bytes.Buffer
		if code := run(c.args, nil, &out, &errs); code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs.String())
		}
		if !strings.Contains(out.String(), c.want) {
			t.Errorf("%v %v: want %q in\n%s", c.env, c.args, c.want, out.String())
		}
	}
}

// TestHelpLineWidth: a help paragraph is wrapped as the English one is,
// no line past 80 characters, so a translation edited later is wrapped
// again (review nn6 7).
func TestHelpLineWidth(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		b, err := templates.FS.ReadFile("lang/help." + lang + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := yaml.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for _, v := range m {
			if !strings.Contains(v, "\n") {
				continue
			}
			for _, l := range strings.Split(v, "\n") {
				// An example command is one line, as it is typed.
				if n := utf8.RuneCountInString(l); n > 80 && !strings.HasPrefix(l, "  personvern ") {
					t.Errorf("help.%s.yaml: a line of %d characters: %q", lang, n, l)
				}
			}
		}
	}
}
