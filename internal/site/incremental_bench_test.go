package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/publish"
	"github.com/personvern/personvern/internal/testtool"
)

// BenchmarkOneEditBuild is the build after one notice of many was edited,
// into the same folder, with the record of the build before, as
// `personvern build` runs it (a DirSink with the tree record): the time
// an author waits. The records are made older than the files between
// runs, as they are once two seconds have passed (cache.Stat.Trust).
//
//	go test ./internal/site -run '^$' -bench OneEditBuild -benchtime 10x
//	PERSONVERN_BENCH_NOTICES=2000 go test ./internal/site -run '^$' -bench OneEditBuild -benchtime 5x
func BenchmarkOneEditBuild(b *testing.B) {
	b.Setenv("PERSONVERN_CACHE", b.TempDir())
	dir := b.TempDir()
	notices := filepath.Join(dir, "notices")
	if err := os.Mkdir(notices, 0o755); err != nil {
		b.Fatal(err)
	}
	n := testtool.NoticeCopies(b, notices, "joblearn", 200)
	files, err := notice.Find([]string{notices})
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "site")
	opt := options(b, "")
	opt.NoHistory = true
	// The build as personvern build runs it, finding the files each time.
	build := func() *Result {
		res := incremental(b, notices, out, opt)
		if res.Errors > 0 {
			b.Fatal(res.Findings)
		}
		return res
	}
	age := func() { // as if the last build ran ten seconds ago
		old := time.Now().Add(-time.Hour)
		for _, f := range files {
			_ = os.Chtimes(f, old, old)
		}
		c := LoadCache(out)
		c.Stamp += int64(10 * time.Second)
		if err := SaveCache(out, c); err != nil {
			b.Fatal(err)
		}
		ageTreeRecord(b, out)
	}
	src, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	edit := 0
	change := func() {
		edit++
		f := files[0]
		if err := os.WriteFile(f, append(bytes.Clone(src), []byte("# edit "+strconv.Itoa(edit)+"\n")...), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	build() // everything
	change()
	build() // a new folder of links; the site before becomes the spare
	for i := 0; i < 2; i++ {
		age()
		change()
		build() // from now on the spare is as the record says
	}
	for b.Loop() {
		b.StopTimer()
		age()
		change()
		b.StartTimer()
		if res := build(); res.Reused != n-1 {
			b.Fatalf("%d of %d kept", res.Reused, n)
		}
	}
}

// ageTreeRecord shifts the stamp of the publish tree record of out by ten
// seconds.
func ageTreeRecord(b *testing.B, out string) {
	b.Helper()
	if err := publish.AgeTreeRecord(out, 10*time.Second); err != nil {
		b.Fatal(err)
	}
}
