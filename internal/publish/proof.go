package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/personvern/personvern/internal/cache"
)

// A build makes a temporary folder beside its output and, on most
// systems, swaps it in. A build that is killed leaves that folder behind,
// and the next build removes it. It must remove only what a build of this
// machine made: a folder of the same name can come from a commit (a
// hostile pull request can plant one beside site/) or be the user's own.
// So each temporary folder is recorded, when it is made, in personvern's
// state folder, which is outside every repository: its absolute path,
// device and inode. Only a folder that matches its record is removed.

// stateDir is where the records are kept: the cache folder, or, when the
// cache is off, the user's cache folder all the same (these records are
// not a cache: without them a killed build's leftovers stay).
func stateDir() string {
	d := cache.Dir()
	if d == "" {
		if u, err := os.UserCacheDir(); err == nil {
			d = filepath.Join(u, "personvern")
		}
	}
	if d == "" {
		return ""
	}
	return filepath.Join(d, "temp")
}

// writeState writes a state file through a new file renamed over it, so
// that a link planted under its name is replaced, never written through.
func writeState(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".new-*")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// stateFile names the state file of kind for the folder path, by a hash
// of its absolute path.
func stateFile(kind, path string) (string, error) {
	dir := stateDir()
	if dir == "" {
		return "", fmt.Errorf("no folder for personvern's state")
	}
	// Resolved, so that one folder reached by two paths (a linked parent)
	// has one record.
	abs, err := resolve(path)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, kind+cache.Key([]byte(abs))[:40]), nil
}

// recordName is the record of the temporary folder path.
func recordName(path string) (string, error) { return stateFile("", path) }

// recordTemp notes that this build made the folder path: that path may
// hold the folder that is now at any of ids.
func recordTemp(path string, ids ...string) error {
	name, err := recordName(path)
	if err != nil {
		return err
	}
	var id string
	for _, p := range ids {
		s, err := identity(p)
		if err != nil {
			return err
		}
		id += s
	}
	return writeState(name, []byte(id))
}

// forgetTemp drops the record of a folder that is gone.
func forgetTemp(path string) {
	if name, err := recordName(path); err == nil {
		_ = os.Remove(name)
	}
}

// provenTemp reports whether path is a folder that a build on this machine
// made and recorded, and that has not been replaced since.
func provenTemp(path string) bool {
	name, err := recordName(path)
	if err != nil {
		return false
	}
	want, err := os.ReadFile(name)
	if err != nil {
		return false
	}
	info, err := os.Lstat(path)
	if err != nil || !info.IsDir() {
		return false
	}
	got, err := identity(path)
	if err != nil {
		return false
	}
	for _, line := range strings.SplitAfter(string(want), "\n") {
		if line == got {
			return true
		}
	}
	return false
}

// After a build the folder that was the site, now beside it, is kept as
// the spare: the next build updates it into the new site and swaps it in,
// which costs as much as the changes, not as the site. The state folder
// names the spare of each output while it is exactly the site a build
// swapped out; the name is taken away before the spare is changed, so a
// build killed while changing it leaves no spare, only a leftover.

// spareName is the state file that names the spare of the output dir.
func spareName(dir string) (string, error) { return stateFile("spare-", dir) }

// saveSpare names spare, a recorded temporary folder beside dir, as the
// spare of dir.
func saveSpare(dir, spare string) error {
	name, err := spareName(dir)
	if err != nil {
		return err
	}
	abs, err := resolve(spare)
	if err != nil {
		return err
	}
	id, err := identity(spare)
	if err != nil {
		return err
	}
	return writeState(name, []byte(abs+"\n"+id))
}

// findSpare returns the spare of dir, or "" when it has none that is
// still what the state folder says.
func findSpare(dir string) string {
	name, err := spareName(dir)
	if err != nil {
		return ""
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return ""
	}
	path, id, _ := strings.Cut(string(b), "\n")
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	absParent, err := resolve(parent)
	if err != nil || filepath.Dir(path) != absParent {
		return ""
	}
	if ok, aside := tempName(base, filepath.Base(path)); !ok || aside || !provenTemp(path) {
		return ""
	}
	if now, err := identity(path); err != nil || now != id {
		return ""
	}
	return filepath.Join(parent, filepath.Base(path))
}

// dropSpare forgets the spare of dir; the folder itself stays recorded, a
// leftover for the next build to remove.
func dropSpare(dir string) {
	if name, err := spareName(dir); err == nil {
		_ = os.Remove(name)
	}
}

// Unrecorded reports whether a temporary folder beside a site has no
// record of the build that made it: a build killed between creating and
// recording it leaves one, which no later build can prove it made and so
// never removes (its warning tells the user to).
func Unrecorded(path string) bool {
	name, err := recordName(path)
	if err != nil {
		return false
	}
	_, err = os.Stat(name)
	return errors.Is(err, fs.ErrNotExist)
}

// Leftovers lists the temporary folders beside the output dir that the
// next build into dir removes: those of a build that was killed or is
// still writing. The spare, which a good build leaves on purpose, is not
// one of them.
func Leftovers(dir string) ([]string, error) {
	all, err := filepath.Glob(filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-*"))
	spare := findSpare(dir)
	var left []string
	for _, p := range all {
		if p != spare {
			left = append(left, p)
		}
	}
	return left, err
}
