package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"

	"github.com/personvern/personvern/internal/cache"
	"github.com/personvern/personvern/internal/safefs"
)

// ErrUnsafeOutput is wrapped by every refusal of CheckOutput: an output
// folder that a build must not replace, with --clean or without, because
// replacing it would lose files that are not a site.
var ErrUnsafeOutput = errors.New("refusing this output folder")

// CheckOutput refuses dir as the output of a build when replacing it
// could lose a user's data: when it is, holds or lies inside an input
// (the notices, the configuration, the defaults, the templates), holds a
// .git, is the home folder or one that holds it, the folder the user is
// in or one that holds it, or a top-level folder of the system. A build
// replaces its output as a whole, so each of these would be a deletion.
func CheckOutput(dir string, inputs []string) error {
	out, err := resolve(dir)
	if err != nil {
		return err
	}
	refuse := func(rule, hint string) error {
		return fmt.Errorf("%w: %s %s; a build replaces its output folder with everything in it. %s", ErrUnsafeOutput, dir, rule, hint)
	}
	const pick = "Choose a folder of its own for the site, e.g. -o site or -o public."
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return refuse("is a symbolic link", "Give the folder it points to, or a folder of its own, with -o.")
	}
	if out == filepath.Dir(out) || filepath.Dir(filepath.Dir(out)) == filepath.Dir(out) {
		return refuse("is the root folder or a top-level folder of the system", pick)
	}
	for _, home := range homes() {
		if h, err := resolve(home); err == nil && within(h, out) {
			return refuse(holds("a home folder", h, out), pick)
		}
	}
	if parent := filepath.Dir(out); parent == "/home" || parent == "/Users" {
		return refuse("is a home folder (it is in "+parent+")", pick)
	}
	if wd, err := os.Getwd(); err == nil {
		if w, err := resolve(wd); err == nil && within(w, out) {
			return refuse(holds("the folder you are in", w, out), pick)
		}
	}
	for _, in := range inputs {
		if in == "" {
			continue
		}
		p, err := resolve(in)
		if err != nil {
			continue
		}
		if within(p, out) {
			return refuse(holds("the input "+in, p, out), pick)
		}
		if within(out, p) {
			return fmt.Errorf("%w: %s is inside the input %s; personvern never writes into its inputs. %s", ErrUnsafeOutput, dir, in, pick)
		}
		for _, d := range []string{cache.Dir(), stateDir()} {
			if c, err := resolve(d); d != "" && err == nil && within(c, p) {
				return fmt.Errorf("%w: personvern's cache folder %s is inside the input %s, and personvern never writes into its inputs; set PERSONVERN_CACHE to a folder outside it", ErrUnsafeOutput, d, in)
			}
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		return refuse("holds a .git (it is a repository)", pick)
	}
	for p := out; ; p = filepath.Dir(p) {
		if filepath.Base(p) == ".git" || isGitDir(p) {
			return refuse("is or lies inside a git repository's own folder ("+p+")", pick)
		}
		if p == filepath.Dir(p) {
			break
		}
	}
	for _, d := range []string{cache.Dir(), stateDir()} {
		if d == "" {
			continue
		}
		if p, err := resolve(d); err == nil && (within(p, out) || within(out, p)) {
			return refuse(holds("personvern's cache folder", p, out)+" (PERSONVERN_CACHE)", "Keep the cache outside the site, and the site outside the cache.")
		}
	}
	return nil
}

// isGitDir reports whether p is the folder git keeps a repository in (a
// .git, or a bare repository): it has HEAD, objects and refs.
func isGitDir(p string) bool {
	for _, n := range []string{"HEAD", "objects", "refs"} {
		if _, err := os.Lstat(filepath.Join(p, n)); err != nil {
			return false
		}
	}
	return true
}

// homes are the home folders a build must never replace: $HOME's, the
// account's own (when $HOME is unset or another's), and under sudo the
// invoking user's.
func homes() []string {
	var out []string
	if h, err := os.UserHomeDir(); err == nil {
		out = append(out, h)
	}
	if u, err := user.Current(); err == nil && u.HomeDir != "" {
		out = append(out, u.HomeDir)
	}
	if name := os.Getenv("SUDO_USER"); name != "" {
		if u, err := user.Lookup(name); err == nil && u.HomeDir != "" {
			out = append(out, u.HomeDir)
		}
	}
	return out
}

// holds words the rule that out is, or holds, what.
func holds(what, path, out string) string {
	if path == out {
		return "is " + what
	}
	return "holds " + what
}

// within reports whether p is dir or lies under it.
func within(p, dir string) bool {
	if p == dir {
		return true
	}
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}

// resolve makes p absolute with every link in it resolved, also when its
// last parts do not exist yet.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; cur = filepath.Dir(cur) {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			for i := len(rest) - 1; i >= 0; i-- {
				r = filepath.Join(r, rest[i])
			}
			return r, nil
		}
		if cur == filepath.Dir(cur) {
			return abs, nil
		}
		rest = append(rest, filepath.Base(cur))
	}
}

// unsafeEntry is the refusal for what a site folder may never hold: a
// link or a special file (never followed, never replaced blindly), or a
// .git (a repository, never a site).
func unsafeEntry(dir, rel string, d fs.DirEntry) error {
	if d.Name() == ".git" {
		return fmt.Errorf("%w: %s holds a repository at %s; a site never does. Choose a folder of its own for the site with -o", ErrUnsafeOutput, dir, Printable(rel))
	}
	if t := d.Type(); !t.IsDir() && !t.IsRegular() {
		return fmt.Errorf("%w: %s in the output is %s; personvern never follows or replaces those. Remove it, or build into another folder with -o", ErrUnsafeOutput, Printable(filepath.Join(dir, rel)), safefs.Kind(t))
	}
	return nil
}

// Printable is a file name as it may be printed: quoted, with its control
// characters escaped, when it has any, so that a name planted in a site
// ("a\n::error::...", terminal escapes) cannot forge a line of CI output.
func Printable(name string) string {
	for _, r := range name {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029 || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return strconv.Quote(name)
		}
	}
	return name
}
