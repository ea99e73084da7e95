package history

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// costs is what reading the history of every notice in a folder asked
// of git and parsed.
type costs struct{ processes, byPath, byID, parsed int64 }

// historyOf builds a repository of n copies of joblearn.yaml, each
// committed at version 1.0; a second commit raises copy 0 to 2.0 and
// rewords copy 1 within 1.0. With withDefaults, a personvern.yaml beside
// them sets version and updated for the copies that do not (copy n-1),
// raised from 1.0 to 2.0 in the second commit. It reads the versions of
// every copy, as a build does, and returns them and what that cost.
func historyOf(t *testing.T, n int, withDefaults bool) (map[int][]*notice.Notice, costs) {
	t.Helper()
	dir, git, src := repo(t)
	write := func(name string, b []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyOf := func(i int) []byte {
		b := bytes.Replace(src, []byte("id: joblearn\n"), []byte(fmt.Sprintf("id: joblearn-%d\n", i)), 1)
		if withDefaults && i == n-1 {
			b = bytes.Replace(b, []byte("version: \"1.0\"\n"), nil, 1)
			b = bytes.Replace(b, []byte("updated: 2023-09-01 # not in the published notice\n"), nil, 1)
		}
		return b
	}
	config := func(v, updated string) []byte {
		return []byte("defaults:\n  version: \"" + v + "\"\n  updated: " + updated + "\n")
	}
	for i := range n {
		write(fmt.Sprintf("joblearn-%d.yaml", i), copyOf(i))
	}
	if withDefaults {
		write("personvern.yaml", config("1.0", "2023-09-01"))
	}
	git("add", ".")
	git("commit", "-q", "-m", "v1")
	v2 := bytes.Replace(copyOf(0), []byte(`version: "1.0"`), []byte(`version: "2.0"`), 1)
	v2 = bytes.Replace(v2, []byte("updated: 2023-09-01"), []byte("updated: 2024-03-01"), 1)
	write("joblearn-0.yaml", v2)
	write("joblearn-1.yaml", bytes.Replace(copyOf(1), []byte("JobLearn sikrer"), []byte("JobLearn beskytter"), 1))
	if withDefaults {
		write("personvern.yaml", config("2.0", "2024-03-01"))
	}
	git("commit", "-q", "-am", "v2")

	var l notice.Loader
	if withDefaults {
		cfg := filepath.Join(dir, "personvern.yaml")
		b, err := os.ReadFile(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if l.Defaults, err = notice.ConfigDefaults(cfg, b); err != nil {
			t.Fatal(err)
		}
	}
	h := New(l)
	defer h.Close()
	got := map[int][]*notice.Notice{}
	for i := range n {
		file := filepath.Join(dir, fmt.Sprintf("joblearn-%d.yaml", i))
		cur, err := l.Read(file)
		if err != nil {
			t.Fatal(err)
		}
		d, err := l.Parse(file, cur)
		if err != nil {
			t.Fatal(err)
		}
		got[i] = h.Versions(file, d)
	}
	return got, costs{h.count.processes.Load(), h.count.byPath.Load(), h.count.byID.Load(), h.count.parsed.Load()}
}

// TestHistoryCost: reading the history of a folder starts the same git
// processes and names objects by path as often (once per commit, for the
// configuration it held) whether the folder holds 4 notices or 40; old
// versions are read by blob id, and a blob that is the working copy,
// parsed with the defaults it is parsed with now, is neither read nor
// parsed again. A blob that is the working copy but was published with
// other defaults is another version, and is read.
func TestHistoryCost(t *testing.T) {
	for _, withDefaults := range []bool{false, true} {
		t.Run(fmt.Sprintf("defaults=%v", withDefaults), func(t *testing.T) {
			small, cs := historyOf(t, 4, withDefaults)
			large, cl := historyOf(t, 40, withDefaults)
			for name, got := range map[string]map[int][]*notice.Notice{"4": small, "40": large} {
				if v := got[0]; len(v) != 1 || v[0].Version != "1.0" {
					t.Errorf("%s notices: versions of the raised copy: %v", name, v)
				}
				last := len(got) - 1
				for i, v := range got {
					if withDefaults && i == last {
						if len(v) != 1 || v[0].Version != "1.0" {
							t.Errorf("%s notices: versions of the copy whose version is a default: %v", name, v)
						}
					} else if i != 0 && len(v) != 0 {
						t.Errorf("%s notices: copy %d has versions %v", name, i, v)
					}
				}
			}
			// rev-parse, log, cat-file
			if cs.processes != 3 || cl.processes != 3 {
				t.Errorf("git processes: %d for 4 notices, %d for 40; want 3", cs.processes, cl.processes)
			}
			// One look-up per commit for its personvern.yaml, none without.
			wantPath := int64(0)
			if withDefaults {
				wantPath = 2
			}
			if cs.byPath != wantPath || cl.byPath != wantPath {
				t.Errorf("look-ups by path: %d for 4 notices, %d for 40; want %d", cs.byPath, cl.byPath, wantPath)
			}
			// Read and parsed: the first blob of copy 0 and of copy 1, and
			// with defaults the first blob of the last copy (its working
			// copy, but published with the defaults of version 1.0).
			want := int64(2)
			if withDefaults {
				want = 3
			}
			for _, c := range []costs{cs, cl} {
				if c.byID != want || c.parsed != want {
					t.Errorf("blobs read %d, parsed %d; want %d of each", c.byID, c.parsed, want)
				}
			}
		})
	}
}
