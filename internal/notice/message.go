package notice

import (
	"fmt"
	"regexp"
	"strings"
)

// Msg is a loader message kept as its English format and arguments, so
// that a caller speaking the reader's language can say it: the format is
// a key of templates/lang/loader.*.yaml (TestLoaderCatalogues), and
// i18n.Messages.Sprintf translates a Msg given as an argument. An
// argument may be a Msg itself.
type Msg struct {
	Format string
	Args   []any
}

func msg(format string, args ...any) Msg { return Msg{format, args} }

// String is the English text.
func (m Msg) String() string { return fmt.Sprintf(m.Format, m.Args...) }

// Translate is the text in the language of sprintf, which translates a
// format and formats it.
func (m Msg) Translate(sprintf func(format string, args ...any) string) string {
	return sprintf(m.Format, m.Args...)
}

// errAt is an *Error at line:col whose message is kept for translation.
func errAt(path string, line, col int, format string, args ...any) *Error {
	t := msg(format, args...)
	return &Error{Path: path, Line: line, Col: col, Msg: t.String(), Text: t}
}

// Translate is the error in the language of sprintf: its position, then
// its message translated (or the English one, for an error made without
// a Msg).
func (e *Error) Translate(sprintf func(format string, args ...any) string) string {
	text := e.Msg
	if e.Text.Format != "" {
		text = e.Text.Translate(sprintf)
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, text)
	}
	return fmt.Sprintf("%s: %s", e.Path, text)
}

// Message is the error's message alone, without its position, for a
// finding that gives the position itself.
func (e *Error) Message() Msg {
	if e.Text.Format != "" {
		return e.Text
	}
	return msg("%s", e.Msg)
}

// yaml.v3's scanner and parser errors are fixed English phrases, free of
// file text. Each common one is said to an editor as what to do.
var (
	unclosedFlowRE = regexp.MustCompile(`^did not find expected ',' or '[}\]]'$`)
	indentRE       = regexp.MustCompile(`^(did not find expected key|did not find expected '-' indicator|block sequence entries are not allowed in this context|did not find expected node content)$`)
)

// yamlProblem is the message for yaml.v3's phrase at a line whose text is
// lineText (looked at, never quoted: it may hold what a hostile file
// wants printed).
func yamlProblem(phrase, lineText string) Msg {
	switch {
	case strings.Contains(phrase, "tab character") || (phrase == "found character that cannot start any token" && strings.Contains(lineText, "\t")):
		return msg("malformed YAML: a tab indents this line; indent with spaces, not tabs")
	case phrase == "found character that cannot start any token" && lineText == unknownLine:
		return msg("malformed YAML: a tab, or a character that cannot start a value (@, `, %%); indent with spaces, not tabs, and put quotation marks around such a value")
	case phrase == "found character that cannot start any token":
		return msg("malformed YAML: a value cannot start with this character (@, `, %% and | or > out of place); put quotation marks around the value")
	case phrase == "mapping values are not allowed in this context":
		return msg("malformed YAML: a colon and a space inside a value start a new key; put quotation marks around the value (title: \"Personvern: slik gjør vi det\")")
	case phrase == "found unexpected end of stream":
		return msg("malformed YAML: a quotation mark opened here is never closed; add the closing quotation mark at the end of the value")
	case unclosedFlowRE.MatchString(phrase):
		return msg("malformed YAML: a { or [ opened here is not closed, or its items are not separated by commas; close it on the same value")
	case indentRE.MatchString(phrase):
		return msg("malformed YAML: the indentation does not match the lines above; indent keys of the same mapping, and the dashes of the same list, by the same number of spaces")
	case phrase == "could not find expected ':'":
		return msg("malformed YAML: a key without a colon; write key: value, or put quotation marks around a text that runs over several lines")
	case phrase == "found unknown escape character":
		return msg("malformed YAML: a backslash in a value in double quotation marks starts an escape; write \\\\ for a backslash, or use single quotation marks")
	case strings.HasPrefix(phrase, "unknown anchor"):
		return msg("malformed YAML: an alias (*name) refers to no anchor; write the value out")
	case phraseRE.MatchString(phrase):
		return msg("malformed YAML: %s; compare this line with the ones above", phrase)
	}
	return msg("malformed YAML; compare this line with the ones above")
}

// unknownLine stands for the text of a line yamlProblem is not shown.
const unknownLine = "\x00"

// lineOf is line n (from 1) of src, "" when there is none.
func lineOf(src []byte, n int) string {
	lines := strings.SplitN(string(src), "\n", n+1)
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

func withErr(e *Error, cause error) *Error {
	e.Err = cause
	return e
}
