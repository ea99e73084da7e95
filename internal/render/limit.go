package render

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"sync"
	"time"

	"github.com/personvern/personvern/internal/notice"
)

// A template from --templates is code a pull request may write, and Go
// templates can loop for ever ({{range 100000000000}}) or repeat
// themselves ({{template}} calling itself) into gigabytes. Every run is
// bounded. The largest real page is some 25 KB and a notice at the size
// limit (1 MiB) renders to a few MiB, so the limits are far above any
// real page and far below what hurts a CI runner.
var (
	// MaxOutput is the most one template run may write, not counting
	// what it is given ready-made (an index's entries).
	MaxOutput = 16 << 20
	// RunTimeout is how long one template run may take.
	RunTimeout = 10 * time.Second
)

// run executes one template into w within MaxOutput+given bytes and
// RunTimeout. Writes go through to w as the template makes them (a big
// index page streams to disk, and a build notes where each entry lands),
// but none after run has returned: an abandoned run is cut off.
func run(w io.Writer, name string, given int, exec func(io.Writer) error) error {
	lw := &limitWriter{w: w, max: MaxOutput + given}
	type result struct {
		err   error
		panic any
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{panic: p}
			}
		}()
		done <- result{err: exec(lw)}
	}()
	timer := time.NewTimer(RunTimeout)
	defer timer.Stop()
	select {
	case res := <-done:
		if res.panic != nil {
			panic(res.panic)
		}
		if lw.over {
			return fmt.Errorf("template %s wrote more than %d MiB, the most one page may be; look in --templates for a {{range}} or a {{template}} that calls itself and repeats without end", name, (MaxOutput+given)>>20)
		}
		return templateError(res.err)
	case <-timer.C:
		// Go templates cannot be stopped from outside: the run is left
		// behind, cut off from w, and ends at its next write.
		lw.stop()
		return fmt.Errorf("template %s ran longer than %s, the most one page may take; look in --templates for a {{range}} over a huge number or a {{template}} that calls itself", name, RunTimeout)
	}
}

var errLimit = errors.New("template output limit")

type limitWriter struct {
	mu      sync.Mutex
	w       io.Writer
	n, max  int
	over    bool
	stopped bool
}

func (l *limitWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return 0, errLimit
	}
	if l.n+len(p) > l.max {
		l.over = true
		return 0, errLimit
	}
	n, err := l.w.Write(p)
	l.n += n
	return n, err
}

func (l *limitWriter) stop() {
	l.mu.Lock()
	l.stopped = true
	l.mu.Unlock()
}

var (
	// quotedRE matches what Go's template errors quote from the template
	// text: "tokens", `raw strings` and <the command> being executed.
	quotedRE = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|<[^>]*>")
	// templatePosRE splits a template error into its position and the rest.
	templatePosRE = regexp.MustCompile(`^((?:html/)?template: ?[^:\s]+:\d+(?::\d+)?): (.*)$`)
	// phraseRE is a description of words alone, with nothing quoted left.
	phraseRE = regexp.MustCompile(`^[a-zA-Z …,()-]+$`)
)

// templateError keeps a template error's file:line:col and description
// but nothing of the template's text (a token, a field name): the error
// is printed in CI, and the position is what the author needs. A refused
// file (*notice.Error) names only paths and stays as it is.
func templateError(err error) error {
	var ne *notice.Error
	if err == nil || errors.As(err, &ne) {
		return err
	}
	m := templatePosRE.FindStringSubmatch(err.Error())
	if m == nil {
		return errors.New("a template failed; check the templates in --templates against the embedded ones")
	}
	desc := quotedRE.ReplaceAllString(m[2], "…")
	if !phraseRE.MatchString(desc) {
		desc = "cannot run the template here; check the fields and functions it uses against the embedded templates"
	}
	return errors.New(m[1] + ": " + desc)
}
