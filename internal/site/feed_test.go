package site

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/personvern/personvern/internal/testtool"
)

// atom is what RFC 4287 requires of a feed and its entries, read back
// with encoding/xml in the Atom namespace.
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Author  []struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Link struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

// parseAtom checks one feed for the elements Atom requires: feed id,
// title, updated (RFC 3339), an author, a self link; each entry's id
// (unique), title, updated and author, and a link to its page.
func parseAtom(t *testing.T, name string, b []byte) atom {
	t.Helper()
	var f atom
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: not Atom: %v", name, err)
	}
	if f.ID == "" || f.Title == "" || len(f.Author) == 0 || f.Author[0].Name == "" {
		t.Errorf("%s: feed lacks id, title or author: %+v", name, f)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		t.Errorf("%s: feed updated %q: %v", name, f.Updated, err)
	}
	self := false
	for _, l := range f.Links {
		self = self || l.Rel == "self" && l.Href != ""
	}
	if !self {
		t.Errorf("%s: no self link", name)
	}
	ids := map[string]bool{}
	for _, e := range f.Entries {
		if e.ID == "" || e.Title == "" || len(e.Author) == 0 || e.Author[0].Name == "" || e.Link.Href == "" || e.Content.Body == "" {
			t.Errorf("%s: entry lacks id, title, author, link or content: %+v", name, e)
		}
		if ids[e.ID] {
			t.Errorf("%s: entry id %s twice", name, e.ID)
		}
		ids[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("%s: entry updated %q: %v", name, e.Updated, err)
		}
	}
	return f
}

// TestFeeds: a feed per language and per notice, valid Atom, whose
// entries are the published versions with their material and notable
// changes, dated by the notice's updated; every page announces them.
func TestFeeds(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	res, _ := historyBuild(t, "https://personvern.example.no/")
	for _, name := range []string{"nb/feed.xml", "nb/joblearn/feed.xml"} {
		f := parseAtom(t, name, res.Files[name])
		if len(f.Entries) != 2 {
			t.Fatalf("%s: %d entries, want 2 (versions 2.0 and 1.0)", name, len(f.Entries))
		}
		newest, first := f.Entries[0], f.Entries[1]
		if newest.Updated != "2024-03-01T00:00:00Z" || first.Updated != "2023-09-01T00:00:00Z" || f.Updated != newest.Updated {
			t.Errorf("%s: dates %s, %s, feed %s: want the notice's updated", name, newest.Updated, first.Updated, f.Updated)
		}
		if newest.ID != "https://personvern.example.no/nb/joblearn/versjon/2.0/" {
			t.Errorf("%s: id %s", name, newest.ID)
		}
		if first.Link.Href != "https://personvern.example.no/nb/joblearn/versjon/1.0/index.html" {
			t.Errorf("%s: version 1.0 links %s, not its own page", name, first.Link.Href)
		}
		if !strings.Contains(newest.Content.Body, "Vesentlig endring:") || !strings.Contains(newest.Content.Body, "26 uker") ||
			!strings.Contains(newest.Content.Body, "versjon/1.0/endringer/index.html") {
			t.Errorf("%s: newest entry lacks its material change or the link to it: %s", name, newest.Content.Body)
		}
		if strings.Contains(newest.Content.Body, "version-not-raised") {
			t.Errorf("%s: an upkeep rule in the feed", name)
		}
		if !strings.Contains(first.Content.Body, "Første publiserte versjon.") {
			t.Errorf("%s: first version: %s", name, first.Content.Body)
		}
	}
	parseAtom(t, "nn/feed.xml", res.Files["nn/feed.xml"])
	for _, page := range []string{"index.html", "nb/index.html", "nb/joblearn/index.html", "nb/joblearn/versjon/1.0/index.html", "nb/joblearn/versjon/1.0/endringer/index.html"} {
		if !strings.Contains(string(res.Files[page]), `<link rel="alternate" type="application/atom+xml"`) {
			t.Errorf("%s does not announce a feed", page)
		}
		if !strings.Contains(string(res.Files[page]), `<link rel="canonical" href="https://personvern.example.no/`) {
			t.Errorf("%s has no canonical address", page)
		}
	}
	again, _ := historyBuild(t, "https://personvern.example.no/")
	if again == nil {
		t.Fatal("no second build")
	}
	for _, name := range []string{"nb/feed.xml", "nn/joblearn/feed.xml"} {
		if !bytes.Equal(again.Files[name], res.Files[name]) {
			t.Errorf("%s differs from one build to the next", name)
		}
	}
}

// historyBuild builds testdata's JobLearn notice from a git repository of
// two versions, 1.0 and 2.0 (which keeps data longer: a material change),
// so that the site has an earlier version's page, its diff page and feeds.
func historyBuild(t *testing.T, base string) (*Result, Options) {
	t.Helper()
	dir := t.TempDir()
	git := testtool.Git(t, dir)
	src, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "joblearn.yaml")
	git("init", "-q", "-b", "main")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", ".")
	git("commit", "-q", "-m", "v1")
	v2 := bytes.Replace(src, []byte(`version: "1.0"`), []byte(`version: "2.0"`), 1)
	v2 = bytes.Replace(v2, []byte("updated: 2023-09-01"), []byte("updated: 2024-03-01"), 1)
	v2 = bytes.Replace(v2, []byte("period: P12W"), []byte("period: P26W"), 1)
	if err := os.WriteFile(file, v2, 0o644); err != nil {
		t.Fatal(err)
	}
	git("commit", "-q", "-am", "v2")
	opt := options(t, "")
	opt.Config.BaseURL = base
	opt.Config.Owner = Owner{Name: "JobLearn AS", URL: "https://www.joblearn.no/", Contact: "personvern@joblearn.no", Accessibility: "https://uustatus.no/nb/erklaringer/publisert/0000"}
	res, err := Build([]string{file}, opt)
	if err != nil || res.Errors > 0 {
		t.Fatal(err, res.Findings)
	}
	return res, opt
}
