package diff

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/personvern/personvern/internal/notice"
)

// ReadSource reads a notice named as a file, or as REV:PATH from the git
// repository the working directory is in (git show REV:./PATH), so that a
// reviewer can compare against the last published version without
// checking it out. A path that exists as a file is always a file.
func ReadSource(arg string) (name string, src []byte, err error) {
	if _, statErr := os.Stat(arg); statErr == nil {
		b, err := os.ReadFile(arg)
		return arg, b, err
	}
	rev, path, ok := strings.Cut(arg, ":")
	if !ok || rev == "" || path == "" || len(rev) == 1 && filepath.VolumeName(arg) != "" {
		_, err := os.Stat(arg)
		return arg, nil, err
	}
	if !filepath.IsAbs(path) && !strings.HasPrefix(path, "./") {
		path = "./" + path
	}
	cmd := exec.Command("git", "show", rev+":"+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return arg, nil, fmt.Errorf("%s: %s", arg, strings.TrimPrefix(msg, "fatal: "))
	}
	return arg, out, nil
}

// Load reads and parses a notice from a file or REV:PATH.
func Load(arg string) (*notice.Document, error) {
	name, src, err := ReadSource(arg)
	if err != nil {
		return nil, err
	}
	if len(src) > notice.MaxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, notice.MaxFileSize)
	}
	return notice.Parse(name, src)
}
