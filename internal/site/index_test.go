package site

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/publish"
	"github.com/personvern/personvern/internal/render"
)

// memIndex collects index pages written by writeIndex.
type memIndex map[string]*bytes.Buffer

func (m memIndex) create(p string) (io.WriteCloser, error) {
	if _, dup := m[p]; dup {
		return nil, fmt.Errorf("%s written twice", p)
	}
	b := &bytes.Buffer{}
	m[p] = b
	return nopCloser{b}, nil
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// indexItems renders n entries as a build does, the i-th titled title(i)
// under group(i) (and the controller "Eksempel kommune").
func indexItems(t *testing.T, r *render.Renderer, lang string, n int, title, group func(int) string) []*IndexItem {
	t.Helper()
	items := make([]*IndexItem, n)
	for i := range n {
		ie := render.IndexEntry{ID: fmt.Sprintf("tjeneste-%05d", i), Title: title(i), URL: fmt.Sprintf("tjeneste-%05d/index.html", i),
			Controller: "Eksempel kommune", Updated: "1. mars 2024", UpdatedISO: "2024-03-01"}
		var b strings.Builder
		if err := r.RenderIndexEntry(&b, lang, ie); err != nil {
			t.Fatal(err)
		}
		items[i] = &IndexItem{Key: sortKey(ie.Title), Group: indexGroupName(group(i)), Controller: ie.Controller, HTML: b.String()}
	}
	return items
}

// writeIndexes lays out and writes the index of items as buildIndexes does.
func writeIndexes(t *testing.T, opt Options, lang string, items []*IndexItem, limit int, baseURL string) memIndex {
	t.Helper()
	c, err := opt.Renderer.Catalog(lang)
	if err != nil {
		t.Fatal(err)
	}
	base := render.IndexPage{Lang: lang, Title: "Personvern i Eksempel kommune", Languages: []string{"nb", "nn"},
		Feeds: []render.FeedLink{{Title: "Nytt", Href: feedFile}}, Site: siteInfo(opt.Config)}
	out := memIndex{}
	for _, f := range indexFiles(lang, items, base, baseURL, limit, c) {
		if err := writeIndex(f, opt.Renderer, out.create); err != nil {
			t.Fatal(err)
		}
		for _, it := range f.items {
			if it.Off < 0 || it.Len != len(it.HTML) || out[f.path].String()[it.Off:it.Off+it.Len] != it.HTML {
				t.Fatalf("%s: the entry %q is not where the writer noted it", f.path, it.HTML)
			}
		}
	}
	return out
}

var (
	entryID   = regexp.MustCompile(`<li id="n-(tjeneste-\d+)">`)
	headingRe = regexp.MustCompile(`<h2 id="(g-[a-z0-9-]+)">([^<]*)</h2>`)
	hrefRe    = regexp.MustCompile(`href="([^"#]+)"`)
)

// checkIndex checks that the pages list every one of n notices exactly
// once, that each is under 1 MB and a file a build publishes, and that the
// front page links every other page; it returns the pages' sizes.
func checkIndex(t *testing.T, pages memIndex, lang string, n int) (largest int) {
	t.Helper()
	seen := map[string]string{}
	for p, b := range pages {
		if !Publishes(p) || !indexPageOK(p) {
			t.Errorf("%s is not an index page a build publishes", p)
		}
		if b.Len() >= 1<<20 {
			t.Errorf("%s is %d bytes, want under 1 MB", p, b.Len())
		}
		largest = max(largest, b.Len())
		for _, m := range entryID.FindAllStringSubmatch(b.String(), -1) {
			if prev, dup := seen[m[1]]; dup {
				t.Errorf("%s is listed on %s and %s", m[1], prev, p)
			}
			seen[m[1]] = p
		}
	}
	if len(seen) != n {
		t.Errorf("the index lists %d notices, want %d", len(seen), n)
	}
	front := pages[lang+"/index.html"]
	if front == nil {
		t.Fatalf("no %s/index.html", lang)
	}
	linked := map[string]bool{}
	for _, m := range hrefRe.FindAllStringSubmatch(front.String(), -1) {
		linked[lang+"/"+m[1]] = true
	}
	for p := range pages {
		if p != lang+"/index.html" && !linked[p] {
			t.Errorf("the front page does not link %s", p)
		}
	}
	return largest
}

// TestIndexGroups: the index lists titles under their index_group, groups
// and titles in Norwegian order (æ, ø, å after z), the notices without a
// group under "Andre" at the end, and a list of the groups first.
func TestIndexGroups(t *testing.T) {
	opt := options(t, "")
	groups := []string{"Åpenhet", "Zebra", "Ørsta", "Arbeid", "Ærlighet", "", " Arbeid\n"} // the same group, as the index shows it
	titles := []string{"Å", "Z", "Ø", "Bå", "Æ", "Uten gruppe", "Ba"}
	for _, lang := range []string{"nb", "nn"} {
		items := indexItems(t, opt.Renderer, lang, len(groups), func(i int) string { return titles[i] }, func(i int) string { return groups[i] })
		pages := writeIndexes(t, opt, lang, items, DefaultIndexLimit, "")
		if len(pages) != 1 {
			t.Fatalf("%d pages for 7 notices, want 1", len(pages))
		}
		checkIndex(t, pages, lang, len(groups))
		page := pages[lang+"/index.html"].String()
		var got []string
		for _, m := range headingRe.FindAllStringSubmatch(page, -1) {
			got = append(got, m[2])
		}
		want := []string{"Arbeid", "Zebra", "Ærlighet", "Ørsta", "Åpenhet", "Andre"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: headings %q, want %q", lang, got, want)
		}
		// Under Arbeid, "Ba" (6) before "Bå" (3).
		if i, j := strings.Index(page, "n-tjeneste-00006"), strings.Index(page, "n-tjeneste-00003"); i < 0 || j < 0 || i > j {
			t.Errorf("%s: Ba is not listed before Bå under Arbeid", lang)
		}
		if !strings.Contains(page, "<a href=\"#g-arbeid\">Arbeid</a> <span class=\"meta\">(2\u00a0erklæring") {
			t.Errorf("%s: the contents do not link the group Arbeid:\n%s", lang, page)
		}
	}
	// Without any index_group, the controllers are the headings, as before.
	items := indexItems(t, opt.Renderer, "nb", 3, func(i int) string { return fmt.Sprint("T", i) }, func(int) string { return "" })
	page := writeIndexes(t, opt, "nb", items, DefaultIndexLimit, "")["nb/index.html"].String()
	if m := headingRe.FindAllStringSubmatch(page, -1); len(m) != 1 || m[0][2] != "Eksempel kommune" {
		t.Errorf("without groups the headings are %q, want the controller", m)
	}
}

// TestIndexSplit: above the limit the index is a front page that links a
// page per group, and a group of more than the limit runs to more pages.
func TestIndexSplit(t *testing.T) {
	opt := options(t, "")
	groups := []string{"Helse og omsorg", "Oppvekst og utdanning", "Kultur", ""}
	items := indexItems(t, opt.Renderer, "nb", 25, func(i int) string { return fmt.Sprintf("Tjeneste %02d", i) }, func(i int) string {
		if i < 12 {
			return groups[0] // 12, and 4 more below: four pages of 5
		}
		return groups[i%len(groups)]
	})
	pages := writeIndexes(t, opt, "nb", items, 5, "https://personvern.example.no/")
	checkIndex(t, pages, "nb", 25)
	for _, p := range []string{"nb/gruppe-helse-og-omsorg.html", "nb/gruppe-helse-og-omsorg.2.html", "nb/gruppe-helse-og-omsorg.3.html", "nb/gruppe-helse-og-omsorg.4.html",
		"nb/gruppe-oppvekst-og-utdanning.html", "nb/gruppe-kultur.html", "nb/gruppe-andre.html"} {
		if pages[p] == nil {
			t.Errorf("no page %s; pages: %v", p, keys(pages))
		}
	}
	second := pages["nb/gruppe-helse-og-omsorg.2.html"].String()
	for _, want := range []string{
		`<h1>Helse og omsorg</h1>`, `Side 2 av 4`, `rel="prev"`, `href="gruppe-helse-og-omsorg.html"`, `href="gruppe-helse-og-omsorg.3.html"`,
		`<link rel="canonical" href="https://personvern.example.no/nb/gruppe-helse-og-omsorg.2.html">`,
		`<li><a href="index.html">Personvern i Eksempel kommune</a></li>`,
	} {
		if !strings.Contains(second, want) {
			t.Errorf("page 2 of Helse og omsorg lacks %s:\n%s", want, second)
		}
	}
	if front := pages["nb/index.html"].String(); strings.Contains(front, `<li id="n-`) || !strings.Contains(front, "(16\u00a0erklæringer)") {
		t.Errorf("the front page of a split index lists notices or lacks the counts:\n%s", front)
	}

	// Without groups, by first letter; æ, ø, å after z, digits first.
	titles := []string{"Åpen barnehage", "Zoo", "Ørsta", "Ærlig", "1-2-3", "«Sitat»", "Arbeid", "Éclair"}
	items = indexItems(t, opt.Renderer, "nn", len(titles), func(i int) string { return titles[i] }, func(int) string { return "" })
	pages = writeIndexes(t, opt, "nn", items, 2, "")
	checkIndex(t, pages, "nn", len(titles))
	front := pages["nn/index.html"].String()
	var order []string
	for _, m := range regexp.MustCompile(`<a href="bokstav-([a-z0-9-]+)\.html">([^<]*)</a>`).FindAllStringSubmatch(front, -1) {
		order = append(order, m[1]+"="+m[2])
	}
	if got, want := strings.Join(order, " "), "0-9=0–9 a=A e=E z=Z ae=Æ oe=Ø aa=Å andre=Andre"; got != want {
		t.Errorf("letters %s, want %s", got, want)
	}
}

func keys(m memIndex) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestIndexPageNames: a group's name becomes a file name only as a slug
// of a-z, digits and hyphens; names that are paths, very long, of other
// scripts or the same once folded get pages of their own, in the
// language's folder.
func TestIndexPageNames(t *testing.T) {
	hostile := []string{"../x", "/etc", "a/b", "..", ".", `C:\Windows`, "x%2F..%2Fy", strings.Repeat("lang ", 60),
		"Ærø og Åsane", "Привет", "中文", "\u202egnp.exe", "a/b", "A B", "a-b", "Helse", "helse", "HELSE!", "", "gruppe", "andre.2"}
	got := slugs(hostile, "gruppe")
	seen := map[string]bool{}
	for i, s := range got {
		if !pageSlugOK(s) || seen[s] || len(s) > maxSlug+8 {
			t.Errorf("%q: slug %q is not a safe name of its own", hostile[i], s)
		}
		seen[s] = true
		for _, prefix := range []string{groupPagePrefix, letterPagePrefix} {
			name := prefix + s + ".html"
			if !indexPartFile(name) || !Publishes("nb/"+name) || filepath.Base(name) != name || strings.Contains(name, "..") {
				t.Errorf("%q: %s is not a file name of the language's folder", hostile[i], name)
			}
		}
	}
	if got[8] != "aero-og-asane" {
		t.Errorf("Ærø og Åsane: %q, want aero-og-asane", got[8])
	}
	for _, bad := range []string{"gruppe-.html", "gruppe-../x.html", "gruppe-a/b.html", "gruppe-a.1.html", "gruppe-a.02.html", "gruppe-A.html",
		"gruppe-a--b.html", "gruppe-a.html.html", "side-a.html", "gruppe-" + strings.Repeat("a", 80) + ".html", "bokstav-æ.html"} {
		if indexPartFile(bad) || Publishes("nb/"+bad) {
			t.Errorf("%s is taken for an index page", bad)
		}
	}
	// Built: the pages land in the language's folder and nowhere else.
	opt := options(t, "")
	items := indexItems(t, opt.Renderer, "nb", len(hostile), func(i int) string { return fmt.Sprint("T", i) }, func(i int) string { return hostile[i] })
	pages := writeIndexes(t, opt, "nb", items, 1, "")
	checkIndex(t, pages, "nb", len(hostile))
	for p := range pages {
		if filepath.Dir(p) != "nb" {
			t.Errorf("index page %s outside nb/", p)
		}
	}
}

// TestLargeIndexPages: at 10,000 notices every index page is under 1 MB,
// whether the notices have 40 groups (one of them of 3,000), one group,
// none (split by letter: all 10,000 titles start with T), or a group each
// (more than the front page lists: split by letter).
func TestLargeIndexPages(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 10,000 index entries four times")
	}
	const n = 10000
	opt := options(t, "")
	title := func(i int) string { return fmt.Sprintf("Tjeneste nummer %05d for innbyggere i kommunen", i) }
	for _, tc := range []struct {
		name  string
		group func(int) string
	}{
		{"40 groups", func(i int) string {
			if i < 3000 {
				return "Helse, omsorg og velferd"
			}
			return fmt.Sprintf("Tjenesteområde %02d", i%39)
		}},
		{"one group", func(int) string { return "Oppvekst og utdanning" }},
		{"no groups", func(int) string { return "" }},
		{"a group each", func(i int) string { return fmt.Sprintf("Enhet %05d", i) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items := indexItems(t, opt.Renderer, "nb", n, title, tc.group)
			pages := writeIndexes(t, opt, "nb", items, DefaultIndexLimit, "https://personvern.example.no/")
			largest := checkIndex(t, pages, "nb", n)
			t.Logf("%s: %d pages, the largest %d bytes, the front page %d bytes", tc.name, len(pages), largest, pages["nb/index.html"].Len())
		})
	}
}

// TestBuildSplitIndex: a build above the limit writes the pages of the
// split index, records them in the site's list of files, and an
// incremental build keeps the entries of unchanged notices from them.
func TestBuildSplitIndex(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	src, err := os.ReadFile("../../testdata/notices/joblearn.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for i, g := range []string{"Helse og omsorg", "Helse og omsorg", "Kultur", "", "../../etc"} {
		b := bytes.Replace(src, []byte("id: joblearn"), []byte(fmt.Sprintf("id: tjeneste-%d", i)), 1)
		if g != "" {
			b = bytes.Replace(b, []byte("\ntitle:"), []byte(fmt.Sprintf("\nindex_group: {nb: %q, nn: %q}\ntitle:", g, g)), 1)
		}
		f := filepath.Join(dir, fmt.Sprintf("tjeneste-%d.yaml", i))
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	opt := options(t, "")
	opt.NoHistory = true
	opt.IndexLimit = 2
	res, err := Build(files, opt)
	if err != nil || res.Errors > 0 {
		t.Fatal(err, res.Findings)
	}
	for _, lang := range []string{"nb", "nn"} {
		for _, p := range []string{"gruppe-helse-og-omsorg.html", "gruppe-kultur.html", "gruppe-etc.html", "gruppe-andre.html"} {
			if res.Files[lang+"/"+p] == nil {
				t.Errorf("no %s/%s; files: %v", lang, p, res.Paths())
			}
		}
		if !strings.Contains(string(res.Files[publish.Marker]), lang+"/gruppe-kultur.html\n") {
			t.Errorf("the list of files lacks %s/gruppe-kultur.html", lang)
		}
	}
	for p := range res.Files {
		if !Publishes(p) && p != publish.Marker {
			t.Errorf("the build made %s, which Publishes does not know", p)
		}
	}
	// Kept from the cache: every entry is copied from the page it was on.
	opt.Cache = res.Cache
	opt.Cache.files = res.Files
	sink := &memSink{files: map[string][]byte{}, last: res.Files}
	opt.Sink = sink
	again, err := Build(files, opt)
	if err != nil || again.Errors > 0 {
		t.Fatal(err, again.Findings)
	}
	if again.Reused != len(files) {
		t.Errorf("%d of %d notices kept", again.Reused, len(files))
	}
	for p, b := range res.Files {
		if indexPageOK(p) && !bytes.Equal(sink.files[p], b) {
			t.Errorf("%s differs after an incremental build", p)
		}
	}
}

// TestIncrementalSplitIndex: incremental builds of a split index on disk
// keep the entries of unchanged notices from the pages they were on, and
// each gives the site a full build gives, also when a notice moves to
// another group or the index stops being split.
func TestIncrementalSplitIndex(t *testing.T) {
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	dir := t.TempDir()
	notices := corpusNotices(t, dir, "joblearn.yaml", "kvalifiseringsprogrammet.yaml", "vinn-hallingdal.yaml", "inn-trondheim.yaml")
	group := func(file, g string) {
		p := filepath.Join(notices, file)
		b, _ := os.ReadFile(p)
		if i := bytes.Index(b, []byte("\nindex_group:")); i >= 0 {
			b = b[:i+1]
		}
		if g != "" {
			b = append(b, fmt.Sprintf("index_group: {nb: %q, nn: %q}\n", g, g)...)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "site")
	opt := options(t, "")
	opt.NoHistory = true
	opt.IndexLimit = 2
	steps := []struct {
		name   string
		change func()
		reused int
		page   string // a page the site must have
	}{
		{"first build, by letter", func() {}, 0, "nb/bokstav-p.html"},
		{"nothing changed", func() {}, 4, "nb/bokstav-p.html"},
		{"grouped", func() { group("joblearn.yaml", "Arbeid"); group("inn-trondheim.yaml", "Arbeid") }, 2, "nb/gruppe-arbeid.html"},
		{"another group", func() { group("joblearn.yaml", "Kurs og opplæring") }, 3, "nb/gruppe-kurs-og-opplaering.html"},
		{"not split", func() { opt.IndexLimit = 10 }, 4, "nb/index.html"},
		{"split again", func() { opt.IndexLimit = 1 }, 4, "nn/gruppe-andre.2.html"},
	}
	for _, s := range steps {
		s.change()
		res := incremental(t, notices, out, opt)
		if res.Reused != s.reused {
			t.Errorf("%s: %d notices reused, want %d", s.name, res.Reused, s.reused)
		}
		if _, err := os.Stat(filepath.Join(out, s.page)); err != nil {
			t.Errorf("%s: %v", s.name, err)
		}
		if got, want := treeSum(t, out), full(t, notices, opt); got != want {
			t.Errorf("%s: incremental site is %s, a full build %s", s.name, got, want)
		}
	}
}
