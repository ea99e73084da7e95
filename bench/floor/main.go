// Command floor does, as fast as this machine allows, the part of a
// personvern run that no code of personvern's can make faster, so that
// bench/run can print personvern's times as ratios to it, measured in the
// same run:
//
//	go run ./bench/floor yaml DIR        # parse every .yaml file of DIR with yaml.v3 into nodes, on every core
//	go run ./bench/floor write SRC DST   # write every file of SRC again under DST (a new folder), on every core
//
// yaml reads each file and decodes it into a yaml.Node (with positions, as
// personvern does), nothing else. write reads each file of SRC (from the
// page cache: SRC was just written) and writes it into the same place
// under DST, making the folders on the way: the files a build writes,
// without making them.
package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

func main() {
	var err error
	switch {
	case len(os.Args) == 3 && os.Args[1] == "yaml":
		err = parseAll(os.Args[2])
	case len(os.Args) == 4 && os.Args[1] == "write":
		err = writeAll(os.Args[2], os.Args[3])
	default:
		err = fmt.Errorf("usage: floor yaml DIR | floor write SRC DST")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

// each runs do on every name, on every core; it returns the first error.
func each(names []string, do func(string) error) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range next {
				if err := do(n); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, n := range names {
		next <- n
	}
	close(next)
	wg.Wait()
	return first
}

func parseAll(dir string) error {
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("no .yaml files in %s", dir)
	}
	return each(names, func(name string) error {
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		dec := yaml.NewDecoder(bytes.NewReader(src))
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil && err != io.EOF {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	})
}

func writeAll(src, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("%s exists: the floor is writing into a new folder", dst)
	}
	var files []string
	dirs := map[string]bool{}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			files = append(files, rel)
			dirs[filepath.Dir(rel)] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	// The folders first, as a build makes them before it writes in them.
	var ds []string
	for d := range dirs {
		ds = append(ds, d)
	}
	if err := each(ds, func(d string) error { return os.MkdirAll(filepath.Join(dst, d), 0o755) }); err != nil {
		return err
	}
	return each(files, func(rel string) error {
		b, err := os.ReadFile(filepath.Join(src, rel))
		if err != nil {
			return err
		}
		if strings.Contains(rel, "..") && !filepath.IsLocal(rel) {
			return fmt.Errorf("%s: not under %s", rel, src)
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}
