package publish

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"time"

	"github.com/personvern/personvern/internal/cache"
)

// A tree record is what a build that swapped a site in knows of the two
// folders it leaves, the site and its spare (the site before): the Stat
// of each of their folders after the swap, and the files in which the
// spare may differ from the site. A folder's Stat changes whenever an
// entry in it is made, removed or renamed, so a folder whose Stat is
// unchanged, and that was last changed well before that build began
// (cache.Stat.Trust, the rule git calls racy), holds what that build
// knew it to hold: the next build neither reads it nor compares its
// files one by one, and the work of keeping 100,000 files of unchanged
// notices is a Stat per folder (see Options.Record).
type treeRecord struct {
	Stamp  int64  // when the build that wrote it began, before its checks
	Marker string // cache.Key of the site's marker: another list of files, no trust
	Live   map[string]cache.Stat
	Spare  map[string]cache.Stat
	// Diff are the files in which the spare may differ from the site:
	// those the build wrote, and those of the site before that it left out.
	Diff map[string]bool
}

const treeKind = "personvern tree record"

func treeName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	return cache.Name("tree", cache.Key([]byte(abs)))
}

// loadTree reads the tree record of dir and removes it: a build that
// changes the folders and is killed leaves none behind to be trusted.
func loadTree(dir string) *treeRecord {
	if cache.Dir() == "" {
		return nil
	}
	t := &treeRecord{Live: map[string]cache.Stat{}, Spare: map[string]cache.Stat{}, Diff: map[string]bool{}}
	ok := cache.Load(treeName(dir), func(r *cache.Reader) error {
		d, err := r.Next()
		if err != nil {
			return err
		}
		if d.String() != treeKind {
			return errors.New("not a tree record")
		}
		t.Stamp, t.Marker = d.Int(), d.String()
		if err := d.Err(); err != nil {
			return err
		}
		for {
			// Every record counts: a file of Diff lost would make a file
			// that differs be taken for the same. It ends with a count.
			d, err := r.Next()
			if err != nil {
				return errors.New("tree record damaged or cut short")
			}
			kind := d.Uint()
			if kind == 3 {
				n := d.Uint()
				if d.Err() != nil || n != uint64(len(t.Live)+len(t.Spare)+len(t.Diff)) {
					return errors.New("bad tree record")
				}
				if _, err := r.Next(); err != io.EOF {
					return errors.New("tree record: more after its end")
				}
				return nil
			}
			p := d.String()
			var st cache.Stat
			if kind != 2 {
				st = d.Stat()
			}
			if d.Err() != nil || !filepath.IsLocal(filepath.FromSlash(p)) {
				return errors.New("bad tree record")
			}
			switch kind {
			case 0:
				t.Live[p] = st
			case 1:
				t.Spare[p] = st
			case 2:
				t.Diff[p] = true
			default:
				return errors.New("bad tree record")
			}
		}
	})
	removeTree(dir)
	if !ok {
		return nil
	}
	return t
}

func saveTree(dir string, t *treeRecord) error {
	return cache.Save(treeName(dir), func(w *cache.Writer) error {
		var e cache.Enc
		e.String(treeKind)
		e.Int(t.Stamp)
		e.String(t.Marker)
		if err := w.Write(&e); err != nil {
			return err
		}
		for kind, m := range []map[string]cache.Stat{t.Live, t.Spare} {
			for _, p := range sortedKeys(m) {
				e.Reset()
				e.Uint(uint64(kind))
				e.String(p)
				e.Stat(m[p])
				if err := w.Write(&e); err != nil {
					return err
				}
			}
		}
		for _, p := range sortedKeys(t.Diff) {
			e.Reset()
			e.Uint(2)
			e.String(p)
			if err := w.Write(&e); err != nil {
				return err
			}
		}
		e.Reset()
		e.Uint(3)
		e.Uint(uint64(len(t.Live) + len(t.Spare) + len(t.Diff)))
		return w.Write(&e)
	})
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// folderTree is what a walk of a site folder found: every folder in it
// (slash paths, "." the top) and those it trusted by the record.
type folderTree struct {
	dirs    map[string]bool
	trusted map[string]bool
}

// walkTrusted walks root, never following a link, calling visit for each
// entry of every folder it reads. A folder that rec holds with its Stat
// unchanged and old enough (trusted) is not read: its files are what
// they were, and only its folders in rec are walked. The top is always
// read.
func walkTrusted(root string, rec map[string]cache.Stat, stamp int64, visit func(rel string, d fs.DirEntry) error) (*folderTree, error) {
	tree := &folderTree{dirs: map[string]bool{}, trusted: map[string]bool{}}
	children := map[string][]string{}
	for p := range rec {
		children[path.Dir(p)] = append(children[path.Dir(p)], p)
	}
	var walk func(rel string) error
	walk = func(rel string) error {
		tree.dirs[rel] = true
		full := filepath.Join(root, filepath.FromSlash(rel))
		if want, ok := rec[rel]; ok && rel != "." {
			if now, err := cache.LstatFile(full); err == nil && want.Trust(now, stamp) {
				tree.trusted[rel] = true
				for _, c := range children[rel] {
					if err := walk(c); err != nil {
						return err
					}
				}
				return nil
			}
		}
		entries, err := os.ReadDir(full)
		if err != nil {
			return err
		}
		for _, e := range entries {
			p := path.Join(rel, e.Name())
			if err := visit(p, e); err != nil {
				return err
			}
			if e.IsDir() {
				if err := walk(p); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return tree, walk(".")
}

// statDirs returns the Stats of the folders dirs of root (but the top).
func statDirs(root string, dirs map[string]bool) map[string]cache.Stat {
	out := make(map[string]cache.Stat, len(dirs))
	for p := range dirs {
		if p == "." {
			continue
		}
		if st, err := cache.LstatFile(filepath.Join(root, filepath.FromSlash(p))); err == nil {
			out[p] = st
		}
	}
	return out
}

// removeTree removes the tree record of dir.
func removeTree(dir string) {
	if d := cache.Dir(); d != "" {
		_ = os.Remove(filepath.Join(d, treeName(dir)))
	}
}

// AgeTreeRecord moves the stamp of dir's tree record d later, as if the
// build that wrote it had begun d after it did: for benchmarks of the
// build that follows, which would otherwise wait two seconds to trust it.
func AgeTreeRecord(dir string, d time.Duration) error {
	t := loadTree(dir)
	if t == nil {
		return errors.New("no tree record of " + dir)
	}
	t.Stamp += int64(d)
	return saveTree(dir, t)
}
