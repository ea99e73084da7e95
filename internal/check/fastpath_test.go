package check

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/validate"
)

// The fast path of a warm run: a file whose Stat is trusted is neither
// read nor parsed, and a run that trusted every file leaves the record
// as it was. These tests prove it never hides a finding.

func fastSetup(t *testing.T) (files []string, run func() *Result, record string) {
	t.Helper()
	cacheDir := t.TempDir()
	t.Setenv("PERSONVERN_CACHE", cacheDir)
	dir := t.TempDir()
	for _, id := range []string{"a", "b", "c"} {
		f := filepath.Join(dir, id+".yaml")
		writeAged(t, f, []byte("id: "+id+"\ncontroller: {name: Eksempel AS, kind: private, email: post@example.no}\n"+body))
		files = append(files, f)
	}
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	run = func() *Result {
		t.Helper()
		return Files(files, Options{Validator: v, Cache: true})
	}
	return files, run, filepath.Join(cacheDir, cacheName(files, notice.Loader{}))
}

func findings(r *Result) string {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

// TestWarmRunKeepsRecord: a run that trusted every file does not write
// the record again; one after an edit does, and sees the edit.
func TestWarmRunKeepsRecord(t *testing.T) {
	files, run, record := fastSetup(t)
	if r := run(); r.Reused != 0 || len(r.Findings) != 0 {
		t.Fatalf("first run: %d reused, findings %s", r.Reused, findings(r))
	}
	// The files were changed (their change time) just now, as the
	// record's run began: a run now hashes them (see cache.Stat.Trust).
	if r := run(); r.Reused != len(files) {
		t.Fatalf("second run reused %d of %d", r.Reused, len(files))
	}
	laterRecord(t, files)
	old := time.Now().Add(-time.Minute)
	if err := os.Chtimes(record, old, old); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	if r := run(); r.Reused != len(files) || len(r.Findings) != 0 {
		t.Fatalf("warm run: %d reused, findings %s", r.Reused, findings(r))
	}
	info, err := os.Stat(record)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(record)
	if !info.ModTime().Equal(old) || !bytes.Equal(before, after) {
		t.Error("a run that changed nothing wrote the record again")
	}
	// An error, same size: the record is written again and the error found.
	src, _ := os.ReadFile(files[1])
	bad := bytes.Replace(src, []byte("period: P1Y"), []byte("period: 1YP"), 1)
	if err := os.WriteFile(files[1], bad, 0o644); err != nil {
		t.Fatal(err)
	}
	r := run()
	if r.Reused != len(files)-1 || !strings.Contains(findings(r), "b.yaml") {
		t.Fatalf("after an edit: %d reused, findings %s", r.Reused, findings(r))
	}
	if info, err := os.Stat(record); err != nil || info.ModTime().Equal(old) {
		t.Error("the run after an edit kept the old record")
	}
	if r := run(); !strings.Contains(findings(r), "b.yaml") {
		t.Fatalf("the run after: findings %s", findings(r))
	}
}

// TestEditKeepingSizeAndTime: an edit that keeps the file's size, time
// stamp and inode (an editor writing in place, then the time set back,
// as a checkout or a copy with kept times does) is seen: its change time
// moved. So is the same edit made during the run before (racy: its
// time stamps are no older than that run).
func TestEditKeepingSizeAndTime(t *testing.T) {
	for _, when := range []string{"long after", "just after"} {
		t.Run(when, func(t *testing.T) {
			files, run, _ := fastSetup(t)
			if when == "just after" {
				// Files written as the run begins, edited at once after it.
				for _, f := range files {
					src, _ := os.ReadFile(f)
					if err := os.WriteFile(f, src, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			run()
			if when == "long after" {
				laterRecord(t, files)
			}
			run()
			info, err := os.Stat(files[2])
			if err != nil {
				t.Fatal(err)
			}
			src, _ := os.ReadFile(files[2])
			bad := bytes.Replace(src, []byte("period: P1Y"), []byte("period: 1YP"), 1)
			f, err := os.OpenFile(files[2], os.O_WRONLY, 0) // in place: the same inode
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.Write(bad); err != nil {
				t.Fatal(err)
			}
			f.Close()
			if err := os.Chtimes(files[2], info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
			now, _ := os.Stat(files[2])
			if now.Size() != info.Size() || !now.ModTime().Equal(info.ModTime()) || !os.SameFile(now, info) {
				t.Fatal("the edit did not keep size, time and inode")
			}
			if r := run(); !strings.Contains(findings(r), "c.yaml") {
				t.Fatalf("an edit keeping size and time was not seen: findings %q", findings(r))
			}
		})
	}
}

// laterRecord makes the record one of a run that began ten seconds after
// it did, as if the files had been changed long before that run: the
// next run trusts their Stats without reading them.
func laterRecord(t *testing.T, files []string) {
	t.Helper()
	rec := load(files, notice.Loader{})
	if len(rec.byFile) != len(files) {
		t.Fatalf("the record has %d of %d files", len(rec.byFile), len(files))
	}
	rec.Stamp += int64(10 * time.Second)
	for _, f := range files {
		rec.Notices = append(rec.Notices, rec.byFile[f])
	}
	rec.save(files, notice.Loader{})
}
