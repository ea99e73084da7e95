package notice

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// ReadInput reads a file personvern takes as input: the site
// configuration, a defaults file, a template or catalogue, a notice named
// to diff. It is the check notices get, for files that are not notices:
// the file, after every link is resolved, must lie inside root (the
// folder it was found in or named in; "" means the folder path is in), be
// a regular file, and hold at most MaxFileSize bytes. A committed link to
// /etc/shadow, /dev/zero or a pipe is refused by name before it is read.
// A missing file is an *Error that matches os.ErrNotExist.
func ReadInput(path, root string) ([]byte, error) {
	if root == "" {
		root = filepath.Dir(path)
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, withErr(errAt(path, 0, 0, "cannot read: %v", unwrapPathErr(err)), err)
	}
	top, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, withErr(errAt(path, 0, 0, "cannot read the folder %s: %v", root, unwrapPathErr(err)), err)
	}
	if rel, err := filepath.Rel(top, real); err != nil || !filepath.IsLocal(rel) {
		return nil, errAt(path, 0, 0, "a link to %s, outside %s; personvern reads only files inside the folder they are in, so copy the file in or name it directly", real, root)
	}
	return readBounded(path, real, msg("name a file"), MaxFileSize)
}

// readBounded reads the regular file at real (path in messages) of at
// most max bytes. What is not a regular file is refused without blocking: a
// FIFO opened for reading waits for a writer, and a device never ends.
func readBounded(path, real string, hint Msg, max int) ([]byte, error) {
	fail := func(err error) error {
		return withErr(errAt(path, 0, 0, "cannot read: %v", unwrapPathErr(err)), err)
	}
	notRegular := errAt(path, 0, 0, "not a regular file (a folder, pipe or device?); %s", hint)
	// Look before opening, so that not even the open of a device happens;
	// then check again on the open file, which cannot be swapped.
	if info, err := os.Stat(real); err != nil {
		return nil, fail(err)
	} else if !info.Mode().IsRegular() {
		return nil, notRegular
	}
	f, err := openNonBlocking(real)
	if err != nil {
		return nil, fail(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fail(err)
	}
	if !info.Mode().IsRegular() {
		return nil, notRegular
	}
	if info.Size() > int64(max) {
		return nil, tooLarge(path, max)
	}
	src, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	if err != nil {
		return nil, fail(err)
	}
	if len(src) > max {
		return nil, tooLarge(path, max)
	}
	return src, nil
}

func tooLarge(path string, max int) error {
	return errAt(path, 0, 0, "file is larger than %d bytes; a notice is a few kilobytes, split it or check that this is the right file", max)
}

var (
	inputLineRE = regexp.MustCompile(`line (\d+): (.*)`)
	// A phrase of words alone; anything with quotes, colons, brackets or
	// digits may carry text from the file.
	phraseRE = regexp.MustCompile(`^[a-zA-Z ,()-]+$`)
)

// InputYAMLError reports a YAML error in a file that is not a notice (the
// configuration, defaults, a catalogue) with its position and a generic
// description only. yaml.v3 quotes the offending text ("cannot unmarshal
// !!str `root:$6$...`", "field x not found"): if the file is something a
// pull request linked in, that would print it into the CI log. The line
// number points the author at the place; settings lists what may be
// written there.
func InputYAMLError(path string, err error, settings string) *Error {
	text := strings.TrimPrefix(err.Error(), "yaml: ")
	text = strings.TrimPrefix(text, "unmarshal errors:\n  ")
	line := 1
	if m := inputLineRE.FindStringSubmatch(text); m != nil {
		line, _ = strconv.Atoi(m[1])
		text = m[2]
		// yaml.v3 counts lines from 0 in parser errors (all worded "did not
		// find expected ...") and from 1 elsewhere.
		if strings.HasPrefix(text, "did not find expected") {
			line++
		}
	}
	var desc Msg
	switch {
	case strings.Contains(text, "not found in type"):
		desc = msg("unknown setting")
	case strings.Contains(text, "already set in type"):
		desc = msg("a setting given twice")
	case strings.HasPrefix(text, "cannot unmarshal"):
		desc = msg("a value of the wrong kind (a list, mapping or text where another is expected)")
	default:
		desc = yamlProblem(text, unknownLine)
	}
	if settings != "" {
		// settings is one of the fixed phrases of the callers, which the
		// loader catalogue translates too.
		desc = msg("%s; %s", desc, Msg{Format: settings})
	}
	return &Error{Path: path, Line: line, Col: 1, Msg: desc.String(), Text: desc}
}

// CheckDefaults refuses shared defaults whose keys are not notice fields,
// by position only: a findings message would quote an unknown key, and a
// file given as defaults that is not one (a password file is a valid
// YAML mapping) would be printed line by line.
func CheckDefaults(def *Defaults) error {
	fields := noticeFields()
	for i := 0; i+1 < len(def.Node.Content); i += 2 {
		k := def.Node.Content[i]
		if k.Kind != yaml.ScalarNode || !slices.Contains(fields, k.Value) {
			return errAt(def.Path, k.Line, k.Column, "not a notice field; defaults may set %s", strings.Join(fields, ", "))
		}
	}
	return nil
}

// noticeFields are the top-level keys of a notice, from the struct.
func noticeFields() []string {
	var out []string
	t := reflect.TypeFor[Notice]()
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
