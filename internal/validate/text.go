package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/personvern/personvern/internal/i18n"
)

// Text is a message kept as its English format and arguments, so that the
// text writer can say it in the reader's language while JSON and SARIF
// keep the English. Every format given to tr, add, addKey and addAt is a
// key of templates/lang/findings.*.yaml (TestFindingCatalogues).
type Text struct {
	Format string
	Args   []any
}

// tr is a message part in English, translated where it is shown.
func tr(format string, args ...any) Text { return Text{format, args} }

// String is the English text.
func (t Text) String() string {
	if t.Format == "" {
		return ""
	}
	return fmt.Sprintf(t.Format, t.Args...)
}

// Localize is the text in m's language.
func (t Text) Localize(m *i18n.Messages) string {
	if t.Format == "" {
		return ""
	}
	return m.Sprintf(t.Format, t.Args...)
}

// In is the finding's message in m's language (English when m is nil, or
// when the finding came from the cache or another package without its
// Text).
func (f Finding) In(m *i18n.Messages) string {
	switch {
	case m == nil:
		return f.Message
	case f.text != nil:
		return f.text.Localize(m)
	}
	if f.said != nil {
		for _, s := range f.said.by {
			if s.Lang == m.Lang {
				return s.Text
			}
		}
	}
	return f.Message
}

// Translatable reports whether the finding can be said in another
// language: one from outside this package has only its English Message.
func (f Finding) Translatable() bool { return f.text != nil || f.said != nil }

// SaidIn is the finding's message in each language of ms, for a cache
// to keep; nil when it has its English Message only.
func (f Finding) SaidIn(ms []*i18n.Messages) []Saying {
	if !f.Translatable() {
		return nil
	}
	said := make([]Saying, len(ms))
	for i, m := range ms {
		said[i] = Saying{m.Lang, f.In(m)}
	}
	return said
}

// WithSaid is f as a cache kept it, with its message in other languages
// (SaidIn).
func (f Finding) WithSaid(said []Saying) Finding {
	f.text, f.said = nil, &sayings{said}
	return f
}

// StringIn is String in m's language.
func (f Finding) StringIn(m *i18n.Messages) string {
	if m == nil {
		return f.String()
	}
	sev := tr("warning")
	if f.Severity == Error {
		sev = tr("error")
	}
	s := fmt.Sprintf("%s:%d:%d: %s: ", f.File, f.Line, f.Col, sev.Localize(m))
	if f.Path != "" {
		s += f.Path + ": "
	}
	return s + WithCitation(m, f.In(m), citeIn(m, f.Article))
}

// lawCitations are the articles of findings that cite a law by name, not
// an article code of the regulation; findings.*.yaml says each in its
// language, for Messages.Cite writes such a citation as it is, and
// "(ekomloven § 3-15; GDPR art. 4(11) and 7)" ended nynorsk findings
// (nn8x 6). Machine formats keep the English.
var lawCitations = []string{cookieLaw}

// citeIn is the citation of article in m's language: " (…)".
func citeIn(m *i18n.Messages, article string) string {
	if m != nil && slices.Contains(lawCitations, article) {
		return " (" + m.Phrase(article) + ")"
	}
	return m.Cite(article)
}

// orList joins xs with "or", in the reader's language.
func orList(xs []string) Text {
	switch len(xs) {
	case 0:
		return Text{}
	case 1:
		return tr("%s", xs[0])
	}
	return tr("%s or %s", strings.Join(xs[:len(xs)-1], ", "), xs[len(xs)-1])
}

// articleRef is an article code inside a message: "7(3)" in English,
// "artikkel 7 nr. 3" in Norwegian.
type articleRef string

func (a articleRef) String() string                   { return string(a) }
func (a articleRef) Localize(m *i18n.Messages) string { return m.Article(string(a)) }

// basisRef is a legal basis as the subject of a message: its code in
// English ("9(2)(g)"), the article in Norwegian with the code in brackets
// ("artikkel 9 nr. 2 bokstav g (9(2)(g))"), not the code as a word.
type basisRef string

func (b basisRef) String() string { return string(b) }
func (b basisRef) Localize(m *i18n.Messages) string {
	if a := m.Article(string(b)); a != string(b) {
		return a + " (" + string(b) + ")"
	}
	return string(b)
}

// codeList is the codes a field allows: listed as they are in English,
// with what each means in Norwegian, since an editor picks by meaning and
// types the code. field is the field's key, for codes whose meaning
// depends on it (codeMeaning).
type codeList struct {
	field string
	codes []string
}

func (c codeList) String() string { return strings.Join(c.codes, ", ") }

func (c codeList) Localize(m *i18n.Messages) string {
	parts := make([]string, len(c.codes))
	for i, code := range c.codes {
		parts[i] = code
		if s := codeMeaning(m, c.field, code); s != "" {
			parts[i] += " (" + s + ")"
		}
	}
	return strings.Join(parts, "; ")
}

// codeGuess is the code a finding guesses an author meant: quoted, with
// its meaning in Norwegian, so that the author can tell whether the guess
// is what they meant.
type codeGuess struct{ field, code string }

func (c codeGuess) String() string { return fmt.Sprintf("%q", c.code) }

func (c codeGuess) Localize(m *i18n.Messages) string {
	if s := codeMeaning(m, c.field, c.code); s != "" {
		return fmt.Sprintf("%q (%s)", c.code, s)
	}
	return c.String()
}

// codeMeaning is what code means in field, in m's language: a gloss of
// the findings catalogues (codeGlosses), the page's label for a cookie's
// kind or party, else the page's label for the code (Meaning); "" in
// English.
func codeMeaning(m *i18n.Messages, field, code string) string {
	if m == nil {
		return ""
	}
	if g, ok := codeGlosses[field+"/"+code]; ok {
		return phrase(g).Localize(m)
	}
	if s, ok := m.Label("cookies." + field + "." + code); ok {
		return s
	}
	return m.Meaning(code)
}

// langList is languages inside a message: by code in English ("nb, nn"),
// as JSON and SARIF keep them, and in words in Norwegian ("bokmål og
// nynorsk"), since a reader knows a language by its name.
type langList struct {
	codes []string
	sep   string // the English separator
}

func (l langList) String() string { return strings.Join(l.codes, l.sep) }

func (l langList) Localize(m *i18n.Messages) string {
	if m == nil {
		return l.String()
	}
	names := make([]string, len(l.codes))
	for i, c := range l.codes {
		names[i] = m.Language(c)
	}
	return m.List(names)
}

// rightRef is a right inside a message: its code in English ("access"),
// its name in Norwegian ("til innsyn"), since the reader knows a right by
// its name; the message names the code where it says what to add.
type rightRef string

func (r rightRef) String() string { return string(r) }

func (r rightRef) Localize(m *i18n.Messages) string {
	if s := m.Meaning(string(r)); s != "" {
		return tr("to %s", s).Localize(m)
	}
	return string(r)
}

// langKeys are the languages a text needs, as the keys to write: "nb, nn"
// in English, "bokmål (nb:) og nynorsk (nn:)" in Norwegian.
type langKeys []string

func (l langKeys) String() string { return strings.Join(l, ", ") }

func (l langKeys) Localize(m *i18n.Messages) string {
	if m == nil {
		return l.String()
	}
	names := make([]string, len(l))
	for i, c := range l {
		names[i] = m.Language(c) + " (" + c + ":)"
	}
	return m.List(names)
}

// langChoices are the languages a notice may list: "nb and nn" in
// English, "nb (bokmål) og nn (nynorsk)" in Norwegian.
type langChoices []string

func (l langChoices) String() string { return langList{l, " and "}.String() }

func (l langChoices) Localize(m *i18n.Messages) string {
	if m == nil {
		return l.String()
	}
	names := make([]string, len(l))
	for i, c := range l {
		names[i] = c + " (" + m.Language(c) + ")"
	}
	return m.List(names)
}
