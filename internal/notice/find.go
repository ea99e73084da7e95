package notice

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ConfigName is the optional site configuration at a notices folder's root;
// it is not a notice.
const ConfigName = "personvern.yaml"

// IsNoticeFile reports whether name looks like a notice file.
func IsNoticeFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return (ext == ".yaml" || ext == ".yml") && filepath.Base(name) != ConfigName
}

// Find expands files and folders into the sorted list of notice files they
// hold. Folders are searched recursively for *.yaml and *.yml, skipping
// hidden entries and the site configuration. A named file is taken as it
// is, whatever its extension.
func Find(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, unwrapPathErr(err))
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		root, err := filepath.EvalSymlinks(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, unwrapPathErr(err))
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %v", path, unwrapPathErr(err))
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !IsNoticeFile(name) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// A link may point anywhere; reading /etc/shadow or another
				// project's files because a link was committed is not ok.
				target, err := filepath.EvalSymlinks(path)
				if err != nil {
					return fmt.Errorf("%s: a link to nothing (%v); remove it", path, unwrapPathErr(err))
				}
				if rel, err := filepath.Rel(root, target); err != nil || !filepath.IsLocal(rel) {
					return fmt.Errorf("%s: a link to %s, outside %s; personvern reads only files inside the folders you name, so copy the notice in instead", path, target, p)
				}
				if info, err := os.Stat(target); err != nil || !info.Mode().IsRegular() {
					return fmt.Errorf("%s: a link to something that is not a file; remove it", path)
				}
			} else if !d.Type().IsRegular() {
				return fmt.Errorf("%s: not a regular file (a pipe or device?); remove it", path)
			}
			found = append(found, path)
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return out, nil
}
