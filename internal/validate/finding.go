// Package validate checks a loaded notice against the JSON Schema and
// against the rules the schema cannot say, and reports findings that point
// at a file, line and column.
package validate

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
)

// Severity of a finding: errors fail the CI gate, warnings do not.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalText makes severities "error" and "warning" in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Finding is one problem in one notice.
type Finding struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"column"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path"`
	Rule     string   `json:"rule"`
	Article  string   `json:"article,omitempty"`
	Message  string   `json:"message"`
	// text is Message as format and arguments, for saying it in another
	// language; JSON keeps the English.
	text *Text
	// said is Message in the other languages, by code, for a finding a
	// cache kept: it has no text, but was said in every language when it
	// was found.
	said *sayings
}

// sayings are a message in other languages, by code; behind a pointer,
// so findings stay comparable.
type sayings struct{ by []Saying }

// Saying is a message in one language.
type Saying struct{ Lang, Text string }

// String formats the finding like a compiler message:
// file:line:col: severity: path: message (GDPR art. X).
func (f Finding) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s: ", f.File, f.Line, f.Col, f.Severity)
	if f.Path != "" {
		s += f.Path + ": "
	}
	return s + f.MessageWithArticle()
}

// MessageWithArticle is the message followed by the article it comes from.
// An article code ("13(2)(c)") is the GDPR's; a citation that starts with
// a law's name ("ekomloven § 3-15; GDPR art. 7") is written as it is.
func (f Finding) MessageWithArticle() string {
	if f.Article == "" {
		return f.Message
	}
	return WithCitation(nil, f.Message, (*i18n.Messages)(nil).Cite(f.Article))
}

// WithCitation appends cite, " (…)" as Messages.Cite writes it, to msg,
// in m's language. After a message that ends with an aside, a list of
// codes with their meanings ("archive (arkivere)") or a guess with its
// meaning ("mente du "delete" (slette)?"), the citation is a sentence of
// its own ("… archive (arkivere). Se personvernforordningen artikkel …"),
// so that two parentheses never stand in a row (language review rv6nb 7,
// and older: TestRenderedFindingsNoStackedParentheses).
//
// In Norwegian every finding ends as a sentence does, with a full stop
// after the citation or after the message (nb9x 10: "… bokstav d" and
// "… bokmål (nb:) og nynorsk (nn:). Se … artikkel 12 nr. 1" had none).
// English keeps the compiler style, which machine formats also read.
func WithCitation(m *i18n.Messages, msg, cite string) string {
	if m == nil {
		return withCitation(m, msg, cite)
	}
	if cite != "" && strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, ").") {
		msg = strings.TrimSuffix(msg, ".")
	}
	s := withCitation(m, msg, cite)
	if s != "" && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}

func withCitation(m *i18n.Messages, msg, cite string) string {
	inner, ok := strings.CutPrefix(cite, " (")
	// A question ("mente du "contact"?") takes the citation as a sentence
	// of its own, not "? (…)." (nn12 4).
	question := strings.HasSuffix(msg, "?") && m != nil && m.Lang != "en"
	if !ok || !strings.HasSuffix(msg, ")") && !strings.HasSuffix(msg, ")?") && !question {
		return msg + cite
	}
	see := tr("See %s", strings.TrimSuffix(inner, ")")).Localize(m)
	if strings.HasSuffix(msg, "?") {
		return msg + " " + see
	}
	return msg + ". " + see
}

// Sort orders findings by file, line, column, then message, so that output
// is the same from run to run.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Message < b.Message
	})
}

// Count returns the number of errors and warnings.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// LoadFinding reports a notice file that could not be read or parsed as a
// finding of its own, at the position the loader gives when it has one, so
// that every file is reported in one run.
func LoadFinding(file string, err error) Finding {
	f := Finding{File: file, Severity: Error, Rule: "load", Message: err.Error()}
	var le *notice.Error
	if errors.As(err, &le) {
		f.Line, f.Col, f.Message = le.Line, le.Col, le.Msg
		t := tr("%s", le.Message())
		f.text = &t
	}
	return f
}
