package publish

import (
	"errors"
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
	// Each refusal is one whole sentence of the catalogues, which
	// fragments ("is"/"holds" + what) would not translate into.
	pick := msgf("Choose a folder of its own for the site, e.g. -o site or -o public.")
	refuse := func(format string, args ...any) error {
		return errorf(ErrUnsafeOutput, "refusing the output folder %s: %s; a build replaces its output folder with everything in it. %s", dir, msgf(format, args...), pick)
	}
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return errorf(ErrUnsafeOutput, "refusing the output folder %s: %s; a build replaces its output folder with everything in it. %s", dir, msgf("it is a symbolic link"), msgf("Give the folder it points to, or a folder of its own, with -o."))
	}
	if out == filepath.Dir(out) || filepath.Dir(filepath.Dir(out)) == filepath.Dir(out) {
		return refuse("it is the root folder or a top-level folder of the system")
	}
	for _, home := range homes() {
		if h, err := resolve(home); err == nil && within(h, out) {
			if h == out {
				return refuse("it is a home folder")
			}
			return refuse("it holds a home folder")
		}
	}
	if parent := filepath.Dir(out); parent == "/home" || parent == "/Users" {
		return refuse("it is a home folder (it is in %s)", parent)
	}
	if wd, err := os.Getwd(); err == nil {
		if w, err := resolve(wd); err == nil && within(w, out) {
			if w == out {
				return refuse("it is the folder you are in")
			}
			return refuse("it holds the folder you are in")
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
			if p == out {
				return refuse("it is the input %s", in)
			}
			return refuse("it holds the input %s", in)
		}
		if within(out, p) {
			return errorf(ErrUnsafeOutput, "refusing the output folder %s: it is inside the input %s, and personvern never writes into its inputs. %s", dir, in, pick)
		}
		for _, d := range []string{cache.Dir(), stateDir()} {
			if c, err := resolve(d); d != "" && err == nil && within(c, p) {
				return errorf(ErrUnsafeOutput, "refusing to build: personvern's cache folder %s is inside the input %s, and personvern never writes into its inputs; set PERSONVERN_CACHE to a folder outside it", d, in)
			}
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		return refuse("it holds a .git (it is a repository)")
	}
	for p := out; ; p = filepath.Dir(p) {
		if filepath.Base(p) == ".git" || isGitDir(p) {
			return refuse("it is or lies inside a git repository's own folder (%s)", p)
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
			return errorf(ErrUnsafeOutput, "refusing the output folder %s: %s; a build replaces its output folder with everything in it. %s", dir, msgf("it is, holds or lies inside personvern's cache folder %s (PERSONVERN_CACHE)", p), msgf("Keep the cache outside the site, and the site outside the cache."))
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
		return errorf(ErrUnsafeOutput, "refusing the output folder %s: it holds a repository at %s, and a site never does. Choose a folder of its own for the site with -o", dir, Printable(rel))
	}
	if t := d.Type(); !t.IsDir() && !t.IsRegular() {
		return errorf(ErrUnsafeOutput, "refusing the output folder: %s in it is %s, and personvern never follows or replaces those. Remove it, or build into another folder with -o", Printable(filepath.Join(dir, rel)), kind(safefs.Kind(t)))
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
