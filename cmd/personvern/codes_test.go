package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/internal/vocab"
	"github.com/personvern/personvern/templates"
	"github.com/spf13/cobra"
)

// TestCodes: personvern codes lists every code of the vocabulary with its
// meaning from the catalogue, in each language, and each kind alone.
func TestCodes(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		c, err := i18n.Load(templates.FS, lang)
		if err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		if code := run([]string{"codes", "--lang", lang}, nil, &out, &errOut); code != 0 {
			t.Fatalf("codes --lang %s: exit %d: %s", lang, code, errOut.String())
		}
		want := map[string]string{}
		for _, x := range vocab.Categories {
			want[x.Code] = c.T("category." + x.Code)
		}
		for _, x := range vocab.Bases {
			want[x.Code] = c.T("basis." + x.Code)
		}
		for _, x := range vocab.Rights {
			want[x.Code] = c.T("right." + x.Code)
		}
		for _, x := range vocab.Safeguards {
			want[x.Code] = c.T("safeguard." + x.Code)
		}
		for _, x := range vocab.PartyKinds {
			want[x.Code] = c.T("kind." + x.Code)
		}
		for code, meaning := range want {
			if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(code) + ` +` + regexp.QuoteMeta(meaning)).MatchString(out.String()) {
				t.Errorf("%s: no line for %s with %q", lang, code, meaning)
			}
		}
	}
	for _, kind := range append(codeKindNames(), "category", "basis") {
		var out, errOut bytes.Buffer
		if code := run([]string{"codes", kind}, nil, &out, &errOut); code != 0 || out.Len() == 0 {
			t.Errorf("codes %s: exit %d: %s", kind, code, errOut.String())
		}
		if strings.Contains(out.String(), "\n\n") {
			t.Errorf("codes %s lists more than one kind", kind)
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"codes", "colours"}, nil, &out, &errOut); code != exitTrouble || !strings.Contains(errOut.String(), "categories, bases") {
		t.Errorf("unknown kind: exit %d: %s", code, errOut.String())
	}
}

// TestStarterNamesCodes: every `personvern codes KIND` the starter notice
// points to is a kind codes knows.
func TestStarterNamesCodes(t *testing.T) {
	src, err := templates.FS.ReadFile("new.yaml")
	if err != nil {
		t.Fatal(err)
	}
	refs := regexp.MustCompile("`personvern codes ([a-z]+)`").FindAllStringSubmatch(string(src), -1)
	if len(refs) < 5 {
		t.Fatalf("the starter notice points to codes %d times", len(refs))
	}
	for _, m := range refs {
		var out, errOut bytes.Buffer
		if code := run([]string{"codes", m[1]}, nil, &out, &errOut); code != 0 {
			t.Errorf("new.yaml names `personvern codes %s`: exit %d: %s", m[1], code, errOut.String())
		}
	}
}

// TestHelpExamplesExist: every notice a command's help example names is
// one of the examples (testdata/notices keeps their copy), so a newcomer
// who copies the line gets a result, not "no such file".
func TestHelpExamplesExist(t *testing.T) {
	fileRE := regexp.MustCompile(`(?:[A-Za-z0-9~^._-]+:)?([A-Za-z0-9_./-]+\.ya?ml)\b`)
	n := 0
	for _, cmd := range newRoot().Commands() {
		for _, m := range fileRE.FindAllStringSubmatch(cmd.Example, -1) {
			n++
			p := m[1]
			if !strings.HasPrefix(p, "notices/") {
				t.Errorf("%s: example names %s, not a notice of notices/", cmd.Name(), m[0])
				continue
			}
			if _, err := os.Stat(filepath.Join(testtool.Corpus(), strings.TrimPrefix(p, "notices/"))); err != nil {
				t.Errorf("%s: example names %s, which is not an example notice", cmd.Name(), m[0])
			}
		}
	}
	if n < 5 {
		t.Errorf("only %d files in the examples", n)
	}
}

// langCase is one run of a command that writes in a page language: with
// PERSONVERN_LANG=env and args, its output has want.
type langCase struct {
	env  string
	args []string
	want string
}

// followsMessageLanguage runs the command newCmd makes with args and each
// case's, and checks its output.
func followsMessageLanguage(t *testing.T, newCmd func() *cobra.Command, args []string, cases []langCase) {
	t.Helper()
	for _, tc := range cases {
		t.Setenv("PERSONVERN_LANG", tc.env)
		var out bytes.Buffer
		cmd := newCmd()
		cmd.SetOut(&out)
		cmd.SetErr(&bytes.Buffer{})
		cmd.SetArgs(append(slices.Clone(args), tc.args...))
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tc.want) {
			t.Errorf("PERSONVERN_LANG=%s %v: lacks %q:\n%s", tc.env, tc.args, tc.want, out.String())
		}
	}
}

// TestCodesFollowMessageLanguage: without --lang, codes says the meanings
// in the user's language when a page can be in it; a nynorsk editor with
// PERSONVERN_LANG=nn got bokmål meanings to copy into a nynorsk page.
func TestCodesFollowMessageLanguage(t *testing.T) {
	followsMessageLanguage(t, newCodesCmd, []string{"categories"}, []langCase{
		{"nn", nil, "identitetsopplysningar"},
		{"nb", nil, "identitetsopplysninger"},
		{"en", nil, "identitetsopplysninger"}, // no English page: bokmål
	})
}

// TestDiffFollowsMessageLanguage: without --lang, diff reports in the
// user's language when a report can be in it, else bokmål (review nn 26);
// --lang still decides.
func TestDiffFollowsMessageLanguage(t *testing.T) {
	notice := filepath.Join(testtool.Corpus(), "joblearn.yaml")
	followsMessageLanguage(t, newDiffCmd, []string{notice, notice}, []langCase{
		{"nn", nil, "ENDRINGAR I PERSONVERNERKLÆRINGA"},
		{"nb", nil, "ENDRINGER I PERSONVERNERKLÆRINGEN"},
		{"en", nil, "ENDRINGER I PERSONVERNERKLÆRINGEN"}, // no English report: bokmål
		{"nn", []string{"--lang", "nb"}, "ENDRINGER I PERSONVERNERKLÆRINGEN"},
	})
}

// TestRenderFollowsMessageLanguage: without --lang, render writes the page
// in the message language, as diff and codes do (review nn6 6).
func TestRenderFollowsMessageLanguage(t *testing.T) {
	followsMessageLanguage(t, newRenderCmd, []string{filepath.Join(testtool.Corpus(), "joblearn.yaml"), "--format", "summary"}, []langCase{
		{"nn", nil, "slik tek vi vare"},
		{"nb", nil, "slik tar vi vare"},
		{"en", nil, "slik tar vi vare"},
		{"nn", []string{"--lang", "nb"}, "slik tar vi vare"},
	})
}
