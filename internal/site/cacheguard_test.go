package site

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/internal/validate"
)

// The cache can make a build faster, never give another result: whatever
// the cache file holds, a build with it is byte for byte a build without,
// or it refuses cleanly. These tests damage or falsify the cache of a small
// site and compare.

// cacheSite builds a site of the given example notices into out, saving its
// cache, and returns the notices folder, out, the options and the files of
// a full build without any cache: what every build must give.
func cacheSite(t testing.TB, names ...string) (notices, out string, opt Options, want map[string][]byte) {
	t.Helper()
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	dir := t.TempDir()
	notices = filepath.Join(dir, "notices")
	if err := os.Mkdir(notices, 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour) // trusted by their time stamps
	for _, f := range names {
		b, err := os.ReadFile(filepath.Join("../../notices", f))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(notices, f)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		_ = os.Chtimes(p, old, old)
	}
	out = filepath.Join(dir, "site")
	opt = options(t, "")
	opt.NoHistory = true
	files, _ := notice.Find([]string{notices})
	res, err := Build(files, opt)
	if err != nil || res.Errors > 0 {
		t.Fatal(err, res.Findings)
	}
	if err := publishTo(out, res.Files, false); err != nil {
		t.Fatal(err)
	}
	if err := SaveCache(out, res.Cache); err != nil {
		t.Fatal(err)
	}
	want = maps.Clone(res.Files)
	want[findingsFile] = findingsText(res.Findings)
	return notices, out, opt, want
}

// findingsFile holds, in the files of a build, what it printed: a cache
// that kept a notice's findings must keep them as they are.
const findingsFile = "(findings)"

func findingsText(fs []validate.Finding) []byte {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return []byte(b.String())
}

// copySink takes the files of a build into memory, and a kept file from
// the last build in dir: the site an incremental build would leave, without
// touching dir.
type copySink struct {
	dir   string
	mu    sync.Mutex
	files map[string][]byte
}

func (s *copySink) Put(p string, b []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[p] = bytes.Clone(b)
	return nil
}

func (s *copySink) Keep(p string) error {
	b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(p)))
	if err != nil {
		return err
	}
	return s.Put(p, b)
}

// rebuild builds notices with whatever cache of out there is, as personvern
// build does, and returns the site it would publish; a panic is an error.
func rebuild(notices, out string, opt Options) (files map[string][]byte, reused int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	list, _ := notice.Find([]string{notices})
	sink := &copySink{dir: out, files: map[string][]byte{}}
	if c := LoadCache(out); c.Matches(opt) {
		opt.Cache = c
	}
	opt.Sink = sink
	res, err := Build(list, opt)
	if err != nil {
		return nil, 0, err
	}
	if res.Errors > 0 {
		return nil, 0, fmt.Errorf("findings: %v", res.Findings)
	}
	sink.files[findingsFile] = findingsText(res.Findings)
	return sink.files, res.Reused, nil
}

// sameSite says how got differs from want, or "" when they are the same.
func sameSite(got, want map[string][]byte) string {
	var diffs []string
	for p, b := range want {
		if g, ok := got[p]; !ok {
			diffs = append(diffs, "missing "+p)
		} else if !bytes.Equal(g, b) {
			diffs = append(diffs, "differs "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, "extra "+p)
		}
	}
	slices.Sort(diffs)
	return strings.Join(diffs, ", ")
}

// cleanRefusal accepts a build that fails with an error telling what to
// do, never a panic or an error from deep inside.
func cleanRefusal(err error) bool {
	return err != nil && strings.Contains(err.Error(), "--no-cache") && !strings.Contains(err.Error(), "panic")
}

// TestCacheByteFlips damages each byte of a cache file in turn: every
// build with it publishes exactly the site a build without a cache does.
func TestCacheByteFlips(t *testing.T) {
	notices, out, opt, want := cacheSite(t, "joblearn.yaml", "kvalifiseringsprogrammet.yaml")
	name := filepath.Join(os.Getenv("PERSONVERN_CACHE"), cacheName(out))
	good, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if got, reused, err := rebuild(notices, out, opt); err != nil || reused != 2 || sameSite(got, want) != "" {
		t.Fatalf("undamaged cache: %d reused, %v, %s", reused, err, sameSite(got, want))
	}
	step := 1
	if testing.Short() {
		step = 7 // a sample; every byte without -short
	}
	start := time.Now()
	failed := 0
	for i := 0; i < len(good) && failed < 10; i += step {
		bad := bytes.Clone(good)
		bad[i] ^= 0xff
		if err := os.WriteFile(name, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		got, _, err := rebuild(notices, out, opt)
		switch {
		case err != nil && !cleanRefusal(err):
			t.Errorf("byte %d of %d flipped: %v", i, len(good), err)
			failed++
		case err == nil && sameSite(got, want) != "":
			t.Errorf("byte %d of %d flipped: the site is not a full build's: %s", i, len(good), sameSite(got, want))
			failed++
		}
	}
	t.Logf("%d bytes, every %d. flipped, in %v", len(good), step, time.Since(start).Round(time.Millisecond))
}

// TestCacheByteFlipsOnDisk is a sample of TestCacheByteFlips through the
// whole incremental build, which updates the output folder in place.
func TestCacheByteFlipsOnDisk(t *testing.T) {
	notices, out, opt, _ := cacheSite(t, "joblearn.yaml", "kvalifiseringsprogrammet.yaml")
	want := full(t, notices, opt)
	name := filepath.Join(os.Getenv("PERSONVERN_CACHE"), cacheName(out))
	size := 0
	if b, err := os.ReadFile(name); err == nil {
		size = len(b)
	}
	for k := 0; k < 12; k++ {
		i := k * size / 12
		// Each build saves a new cache; flip the same place of it.
		good, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		good[i%len(good)] ^= 0xff
		if err := os.WriteFile(name, good, 0o600); err != nil {
			t.Fatal(err)
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("byte %d flipped: panic: %v", i, r)
				}
			}()
			incremental(t, notices, out, opt)
		}()
		if got := treeSum(t, out); got != want {
			t.Errorf("byte %d flipped: the site is %s, a full build %s", i, got, want)
		}
	}
}

// TestCacheLies falsifies a cache the way damage could, with records whose
// checksums are right: each build still publishes a full build's site.
func TestCacheLies(t *testing.T) {
	const a, b = "joblearn.yaml", "kvalifiseringsprogrammet.yaml"
	lies := []struct {
		name string
		lie  func(t *testing.T, c *BuildCache, notices string)
	}{
		{"index entries swapped", func(t *testing.T, c *BuildCache, notices string) {
			na, nb := c.Notices[filepath.Join(notices, a)], c.Notices[filepath.Join(notices, b)]
			na.Index[0].Off, nb.Index[0].Off = nb.Index[0].Off, na.Index[0].Off
			na.Index[0].Len, nb.Index[0].Len = nb.Index[0].Len, na.Index[0].Len
		}},
		{"whole index items swapped", func(t *testing.T, c *BuildCache, notices string) {
			na, nb := c.Notices[filepath.Join(notices, a)], c.Notices[filepath.Join(notices, b)]
			na.Index, nb.Index = nb.Index, na.Index
		}},
		{"negative length", func(t *testing.T, c *BuildCache, notices string) {
			c.Notices[filepath.Join(notices, a)].Index[0].Len = -5
		}},
		{"offset and length overflow", func(t *testing.T, c *BuildCache, notices string) {
			it := &c.Notices[filepath.Join(notices, a)].Index[0]
			it.Off, it.Len = 1<<62, 1<<62
		}},
		{"entry past the end of the page", func(t *testing.T, c *BuildCache, notices string) {
			it := &c.Notices[filepath.Join(notices, a)].Index[1]
			it.Off += 1 << 20
		}},
		{"another notice's id", func(t *testing.T, c *BuildCache, notices string) {
			na, nb := c.Notices[filepath.Join(notices, a)], c.Notices[filepath.Join(notices, b)]
			na.ID = nb.ID
		}},
		{"another notice's id and entries", func(t *testing.T, c *BuildCache, notices string) {
			na, nb := c.Notices[filepath.Join(notices, a)], c.Notices[filepath.Join(notices, b)]
			na.ID, na.Index = nb.ID, slices.Clone(nb.Index)
		}},
		{"id that is a path", func(t *testing.T, c *BuildCache, notices string) {
			c.Notices[filepath.Join(notices, a)].ID = "../../x"
		}},
		{"language not built", func(t *testing.T, c *BuildCache, notices string) {
			c.Notices[filepath.Join(notices, a)].Langs[1] = "en"
		}},
		{"language twice", func(t *testing.T, c *BuildCache, notices string) {
			n := c.Notices[filepath.Join(notices, a)]
			n.Langs[1] = n.Langs[0]
		}},
		{"fewer entries than languages", func(t *testing.T, c *BuildCache, notices string) {
			n := c.Notices[filepath.Join(notices, a)]
			n.Index = n.Index[:1]
		}},
		{"an error kept as a finding", func(t *testing.T, c *BuildCache, notices string) {
			n := c.Notices[filepath.Join(notices, a)]
			n.Findings = append(slices.Clone(n.Findings), validate.Finding{File: filepath.Join(notices, a), Line: 1, Col: 1, Severity: validate.Error, Rule: "x", Message: "x"})
		}},
		{"a finding about another file", func(t *testing.T, c *BuildCache, notices string) {
			n := c.Notices[filepath.Join(notices, a)]
			n.Findings = append(slices.Clone(n.Findings), validate.Finding{File: "/etc/passwd", Line: 1, Col: 1, Severity: validate.Warning, Rule: "x", Message: "x"})
		}},
		{"a version page outside the notice", func(t *testing.T, c *BuildCache, notices string) {
			c.Notices[filepath.Join(notices, a)].Extra = []string{"nb/joblearn/versjon/../../../x/index.html"}
		}},
		{"another notice's version page", func(t *testing.T, c *BuildCache, notices string) {
			c.Notices[filepath.Join(notices, a)].Extra = []string{"nb/kvalifiseringsprogrammet/versjon/1.0/index.html"}
		}},
		{"a version page the last build did not make", func(t *testing.T, c *BuildCache, notices string) {
			c.Notices[filepath.Join(notices, a)].Extra = []string{"nb/joblearn/versjon/9.0/index.html"}
		}},
		// The feeds are trusted by their Stats as a build ten seconds
		// later would (see cache.Stat.Trust), and the record lies.
		{"feed keys of another date, the feeds trusted", func(t *testing.T, c *BuildCache, notices string) {
			c.Stamp += int64(10 * time.Second)
			n := c.Notices[filepath.Join(notices, a)]
			n.Feed = slices.Clone(n.Feed)
			n.Feed[0].Updated = "1999-01-01T00:00:00Z"
		}},
		{"feed keys of another version, the feeds trusted", func(t *testing.T, c *BuildCache, notices string) {
			c.Stamp += int64(10 * time.Second)
			n := c.Notices[filepath.Join(notices, a)]
			n.Feed = slices.Clone(n.Feed)
			n.Feed[0].ID += "x"
		}},
		{"feed keys dropped, the feeds trusted", func(t *testing.T, c *BuildCache, notices string) {
			c.Stamp += int64(10 * time.Second)
			c.Notices[filepath.Join(notices, a)].Feed = nil
		}},
		{"a language's feed keys dropped, the feeds trusted", func(t *testing.T, c *BuildCache, notices string) {
			c.Stamp += int64(10 * time.Second)
			n := c.Notices[filepath.Join(notices, a)]
			n.Feed = slices.DeleteFunc(slices.Clone(n.Feed), func(k FeedKey) bool { return k.Lang == n.Langs[1] })
		}},
		{"feed keys twice, the feeds trusted", func(t *testing.T, c *BuildCache, notices string) {
			c.Stamp += int64(10 * time.Second)
			n := c.Notices[filepath.Join(notices, a)]
			n.Feed = append(slices.Clone(n.Feed), n.Feed[0])
		}},
		{"a record under another file's name", func(t *testing.T, c *BuildCache, notices string) {
			c.Notices[filepath.Join(notices, b)] = c.Notices[filepath.Join(notices, a)]
		}},
	}
	for _, l := range lies {
		t.Run(l.name, func(t *testing.T) {
			notices, out, opt, want := cacheSite(t, a, b)
			c := LoadCache(out)
			if !c.Matches(opt) {
				t.Fatal("no cache")
			}
			l.lie(t, c, notices)
			if err := SaveCache(out, c); err != nil {
				t.Fatal(err)
			}
			got, _, err := rebuild(notices, out, opt)
			switch {
			case err != nil && !cleanRefusal(err):
				t.Fatal(err)
			case err == nil && sameSite(got, want) != "":
				t.Fatalf("the site is not a full build's: %s", sameSite(got, want))
			}
		})
	}
}

// FuzzCacheFile reads any bytes as the cache of a built site: loading it
// never panics or allocates without bound, and a build with what it gives
// is a full build. An input that loads costs a build, so keep minimizing
// short:
//
//	go test ./internal/site -run '^$' -fuzz '^FuzzCacheFile$' -fuzztime 60s -fuzzminimizetime 5x
func FuzzCacheFile(f *testing.F) {
	notices, out, opt, want := cacheSite(f, "kvalifiseringsprogrammet.yaml")
	name := filepath.Join(os.Getenv("PERSONVERN_CACHE"), cacheName(out))
	good, err := os.ReadFile(name)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := os.WriteFile(name, b, 0o600); err != nil {
			t.Fatal(err)
		}
		testtool.WithDeadline(t, func() { loadAndBuild(t, b, notices, out, opt, want) })
	})
}

func loadAndBuild(t *testing.T, b []byte, notices, out string, opt Options, want map[string][]byte) {
	{
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		c := LoadCache(out)
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20+16*uint64(len(b)) {
			t.Fatalf("loading %d bytes allocated %d", len(b), grew)
		}
		if c == nil {
			return
		}
		got, _, err := rebuild(notices, out, opt)
		switch {
		case err != nil && !cleanRefusal(err):
			t.Fatal(err)
		case err == nil && sameSite(got, want) != "":
			t.Fatalf("the site is not a full build's: %s", sameSite(got, want))
		}
	}
}

// TestTrustedFeeds: a kept notice's feeds, unchanged since the build
// before and older than it, are not read, but for the entries that make a
// language's feed, and the site is a full build's.
func TestTrustedFeeds(t *testing.T) {
	notices, out, opt, want := cacheSite(t, "joblearn.yaml", "kvalifiseringsprogrammet.yaml", "vinn-hallingdal.yaml")
	c := LoadCache(out)
	if !c.Matches(opt) {
		t.Fatal("no cache")
	}
	c.Stamp += int64(10 * time.Second) // the feeds are older than the build
	if err := SaveCache(out, c); err != nil {
		t.Fatal(err)
	}
	c = LoadCache(out)
	for f, n := range c.Notices {
		if !n.feedTrusted(c) {
			t.Fatalf("%s: its feeds are not trusted", f)
		}
	}
	got, reused, err := rebuild(notices, out, opt)
	if err != nil {
		t.Fatal(err)
	}
	if reused != 3 {
		t.Fatalf("%d notices kept, want 3", reused)
	}
	if d := sameSite(got, want); d != "" {
		t.Fatalf("the site is not a full build's: %s", d)
	}
	// A feed changed since (its Stat) is read again, not trusted.
	feed := filepath.Join(out, "nb", c.Notices[filepath.Join(notices, "joblearn.yaml")].ID, feedFile)
	b, err := os.ReadFile(feed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(feed, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if c.Notices[filepath.Join(notices, "joblearn.yaml")].feedTrusted(c) {
		t.Error("a feed written again is trusted")
	}
}
