package publish

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// writeKeeping builds files into dir as an incremental build does: the
// files in changed (and the marker) are written, every other is kept
// from the last site, with the tree record.
func writeKeeping(dir string, files map[string][]byte, changed map[string]bool) (*DirSink, error) {
	s, err := NewDirSink(dir, Options{Layout: layout, Record: true})
	if err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if s.old != nil && !changed[p] && strings.Count(p, "/") == 2 { // a notice's file
			err = s.Keep(p)
		} else {
			err = s.Put(p, files[p])
		}
		if err != nil {
			s.Abort()
			return nil, err
		}
	}
	return s, s.Commit()
}

// ageTree makes the tree record of dir one of a build that began ten
// seconds after it did: its folders are older than that build, and
// trusted (see cache.Stat.Trust).
func ageTree(t *testing.T, dir string) {
	t.Helper()
	tr := loadTree(dir)
	if tr == nil {
		t.Fatal("no tree record")
	}
	tr.Stamp += int64(10 * time.Second)
	if err := saveTree(dir, tr); err != nil {
		t.Fatal(err)
	}
}

// TestTreeRecord: a build that trusts the folders of the site and its
// spare by the tree record, instead of reading them, publishes what a
// full build does, and whatever was changed in either since the last
// build is seen: a folder changed is read again.
func TestTreeRecord(t *testing.T) {
	ids := []string{"a", "b", "c"}
	tests := []struct {
		name    string
		tamper  func(t *testing.T, out, spare string)
		wantErr error
		// want, when set, is the content of a file after the build
		file, want string
	}{
		{name: "nothing changed"},
		{name: "a file added to a notice's folder of the site", tamper: func(t *testing.T, out, spare string) {
			write(t, filepath.Join(out, "nb", "a", "notes.txt"), "mine")
		}, wantErr: ErrForeign},
		{name: "a link in a notice's folder of the site", tamper: func(t *testing.T, out, spare string) {
			if err := os.Symlink("/etc/passwd", filepath.Join(out, "nb", "a", "leak.html")); err != nil {
				t.Fatal(err)
			}
		}, wantErr: ErrUnsafeOutput},
		{name: "a file planted in a notice's folder of the spare", tamper: func(t *testing.T, out, spare string) {
			write(t, filepath.Join(spare, "nb", "a", "planted.html"), "planted")
		}},
		{name: "a link in a notice's folder of the spare", tamper: func(t *testing.T, out, spare string) {
			if err := os.Symlink("/etc/passwd", filepath.Join(spare, "nb", "a", "leak.html")); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "a file of the spare replaced", tamper: func(t *testing.T, out, spare string) {
			p := filepath.Join(spare, "nb", "a", "index.md")
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			write(t, p, "stale")
		}},
		{name: "a file of the spare's language folder replaced", tamper: func(t *testing.T, out, spare string) {
			if err := os.RemoveAll(filepath.Join(spare, "nb", "a")); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(spare, "nb", "a", "index.md"), "stale")
		}},
		{name: "a file of the site replaced by hand", tamper: func(t *testing.T, out, spare string) {
			p := filepath.Join(out, "nb", "b", "index.md")
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			write(t, p, "by hand")
		}, file: "nb/b/index.md", want: "by hand"}, // kept as the site has it, as without the record
		{name: "the marker rewritten", tamper: func(t *testing.T, out, spare string) {
			b, _ := os.ReadFile(filepath.Join(out, Marker))
			write(t, filepath.Join(out, Marker), strings.Replace(string(b), "nb/a/index.md\n", "", 1))
		}, wantErr: ErrForeign},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("PERSONVERN_CACHE", t.TempDir())
			out := filepath.Join(t.TempDir(), "site")
			files := testSite(ids, 100)
			for i := 0; i < 3; i++ { // the third has a spare, and a record of both
				if _, err := writeKeeping(out, files, nil); err != nil {
					t.Fatal(err)
				}
			}
			ageTree(t, out)
			spare := findSpare(out)
			if spare == "" {
				t.Fatal("no spare")
			}
			if tt.tamper != nil {
				tt.tamper(t, out, spare)
			}
			next := testSite(ids, 100)
			next["nb/c/index.md"] = []byte("edited\n")
			s, err := writeKeeping(out, next, map[string]bool{"nb/c/index.md": true})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.tamper == nil && (!s.live.trusted["nb/a"] || !s.spareT.trusted["nb/a"]) {
				t.Error("an unchanged folder was not trusted")
			}
			if tt.file != "" {
				if b, _ := os.ReadFile(filepath.Join(out, tt.file)); string(b) != tt.want {
					t.Fatalf("%s is %q, want %q", tt.file, b, tt.want)
				}
				next[tt.file] = []byte(tt.want)
			}
			if got, want := treeSum(t, out), full(t, next); got != want {
				t.Fatalf("site %s, a full build %s", got, want)
			}
			// And the build after, from the record this one left.
			ageTree(t, out)
			next["nb/a/index.md"] = []byte("edited too\n")
			if _, err := writeKeeping(out, next, map[string]bool{"nb/a/index.md": true}); err != nil {
				t.Fatal(err)
			}
			if got, want := treeSum(t, out), full(t, next); got != want {
				t.Fatalf("the build after: site %s, a full build %s", got, want)
			}
		})
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
