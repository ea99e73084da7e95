package check

import (
	"os"
	"testing"
	"time"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/internal/validate"
)

// BenchmarkWarmValidate is a validate run over many notices with the
// record of the run before and nothing changed since: what CI that keeps
// the cache pays on a push that changed no notice (a Stat per file, the
// findings from the record).
//
//	go test ./internal/check -run '^$' -bench WarmValidate
//	PERSONVERN_BENCH_NOTICES=10000 go test ./internal/check -run '^$' -bench WarmValidate
func BenchmarkWarmValidate(b *testing.B) {
	b.Setenv("PERSONVERN_CACHE", b.TempDir())
	dir := b.TempDir()
	n := testtool.NoticeCopies(b, dir, "kvalifiseringsprogrammet", 1000)
	files, err := notice.Find([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	for _, f := range files {
		_ = os.Chtimes(f, old, old)
	}
	v, err := validate.New()
	if err != nil {
		b.Fatal(err)
	}
	opt := Options{Validator: v, Cache: true, Translatable: true}
	Files(files, opt) // the cold run
	// The files were changed as that run began: make it a run of ten
	// seconds later, so that their Stats are trusted (cache.Stat.Trust).
	rec := load(files, notice.Loader{})
	rec.Stamp += int64(10 * time.Second)
	for _, f := range files {
		rec.Notices = append(rec.Notices, rec.byFile[f])
	}
	rec.save(files, notice.Loader{})
	b.ReportAllocs()
	for b.Loop() {
		res := Files(files, opt)
		if res.Reused != n {
			b.Fatalf("%d of %d from the cache", res.Reused, n)
		}
	}
}
