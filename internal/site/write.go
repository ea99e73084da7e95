package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrForeign is returned when the output folder holds files the build did
// not make: personvern never deletes those without --clean.
var ErrForeign = errors.New("output folder holds files personvern did not make")

// foreignFiles lists the files in dir that are not in its marker's list.
// A folder without a marker counts every file as foreign.
func foreignFiles(dir string) ([]string, error) {
	made := map[string]bool{Marker: true}
	if b, err := os.ReadFile(filepath.Join(dir, Marker)); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				made[l] = true
			}
		}
	}
	var foreign []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if rel = filepath.ToSlash(rel); !made[rel] {
			foreign = append(foreign, rel)
		}
		return nil
	})
	sort.Strings(foreign)
	return foreign, err
}

// Write replaces dir with exactly the files, atomically: it writes a new
// folder beside dir and swaps it in only when every file is written, so a
// failed or killed build leaves the previous site as it was. It refuses
// when dir holds files the last build did not make, unless clean.
func Write(dir string, files map[string][]byte, clean bool) error {
	dir = filepath.Clean(dir)
	info, err := os.Stat(dir)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	case exists && !info.IsDir():
		return fmt.Errorf("%s is a file, not a folder; choose another output with -o", dir)
	}
	if exists && !clean {
		foreign, err := foreignFiles(dir)
		if err != nil {
			return err
		}
		if len(foreign) > 0 {
			shown := foreign
			if len(shown) > 5 {
				shown = append(shown[:5:5], fmt.Sprintf("and %d more", len(foreign)-5))
			}
			return fmt.Errorf("%w: %s holds %s; move them away, build into another folder with -o, or pass --clean to replace the folder with all its contents", ErrForeign, dir, strings.Join(shown, ", "))
		}
	}
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // after the swap, this is the old site
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			return fmt.Errorf("refusing to write %q outside the output folder", p)
		}
		full := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return err
		}
	}
	if !exists {
		return os.Rename(tmp, dir)
	}
	return swap(tmp, dir)
}

// removeStale removes temporary folders a killed build left beside dir.
func removeStale(parent, base string) {
	old, _ := filepath.Glob(filepath.Join(parent, "."+base+".tmp-*"))
	for _, o := range old {
		os.RemoveAll(o)
	}
}

// Check compares the site in dir with files and returns what differs:
// files whose content differs or that are missing, and files dir has that
// the build would not make.
func Check(dir string, files map[string][]byte) (stale, extra []string, err error) {
	for p, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil || !bytes.Equal(got, want) {
			stale = append(stale, p)
		}
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			extra = append(extra, filepath.ToSlash(rel))
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	sort.Strings(stale)
	sort.Strings(extra)
	return stale, extra, err
}
