package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/personvern/personvern/internal/notice"
	"gopkg.in/yaml.v3"
)

// MessageFiles are the catalogues of the tool's own messages, beside the
// page catalogues: lang/<name>.<lang>.yaml. The English format string is
// the key, as in gettext, so the English text stays in the code where the
// check that emits it is, and a catalogue test can find every one.
var MessageFiles = []string{"findings", "schema", "cli", "loader"}

// MessageLangs are the languages the tool speaks; en is the code's own.
var MessageLangs = []string{"en", "nb", "nn"}

// Messages translates the tool's messages (findings, CLI errors) into one
// language. A nil *Messages, or one for en, writes the English text.
type Messages struct {
	Lang string
	cat  *Catalog
	fmts map[string]string
}

// Localizer is a message part that is itself translated: a phrase or a
// nested message given as an argument of another.
type Localizer interface {
	Localize(m *Messages) string
}

// Translatable is a message part from a package below i18n (the loader's
// notice.Msg and *notice.Error): it says itself with the Sprintf it is
// given, which translates its format.
type Translatable interface {
	Translate(sprintf func(format string, args ...any) string) string
}

// LoadMessages reads the message catalogues of lang from fsys, and the
// page catalogue for citing articles. en needs no catalogue.
func LoadMessages(fsys fs.FS, lang string) (*Messages, error) {
	if lang == "en" || lang == "" {
		return nil, nil
	}
	cat, err := Load(fsys, lang)
	if err != nil {
		return nil, err
	}
	m := &Messages{Lang: lang, cat: cat, fmts: map[string]string{}}
	for _, name := range MessageFiles {
		if err := m.Add(fsys, name); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Add reads one more message catalogue, lang/<name>.<lang>.yaml, into m:
// one only some runs need (the help pages), so the others do not read
// it. A nil m (English) needs none.
func (m *Messages) Add(fsys fs.FS, name string) error {
	if m == nil {
		return nil
	}
	file := path.Join("lang", name+"."+m.Lang+".yaml")
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("no message catalogue for language %q: %w", m.Lang, err)
	}
	var msgs map[string]string
	if err := yaml.Unmarshal(b, &msgs); err != nil {
		return notice.InputYAMLError(file, err, "a catalogue maps each English message to its translation")
	}
	for k, v := range msgs {
		if old, dup := m.fmts[k]; dup && old != v {
			return fmt.Errorf("%s: %q is also in another message catalogue, translated otherwise", file, k)
		}
		m.fmts[k] = v
	}
	return nil
}

// Keys returns the English formats the catalogues translate.
func (m *Messages) Keys() map[string]string { return m.fmts }

// Sprintf formats the translation of the English format with args; an
// argument that is a Localizer is translated too. Without a translation
// the English text is written, so a missing entry is never lost text
// (the catalogue test rules missing entries out).
func (m *Messages) Sprintf(format string, args ...any) string {
	if m == nil {
		return fmt.Sprintf(format, args...)
	}
	if t, ok := m.fmts[format]; ok {
		format = t
	}
	out := make([]any, len(args))
	for i, a := range args {
		if l, ok := a.(Localizer); ok {
			out[i] = l.Localize(m)
		} else if t, ok := a.(Translatable); ok {
			out[i] = t.Translate(m.Sprintf)
		} else {
			out[i] = a
		}
	}
	return fmt.Sprintf(format, out...)
}

// Cite writes a finding's article: "(GDPR art. 13(2)(c))" in English,
// "(personvernforordningen artikkel 13 nr. 2 bokstav c)" in bokmål. A
// citation that starts with a law's name ("ekomloven § 3-15; GDPR art. 7")
// is written as it is.
func (m *Messages) Cite(article string) string {
	if article == "" {
		return ""
	}
	if c := article[0]; c < '0' || c > '9' {
		return " (" + article + ")"
	}
	if m == nil {
		return " (GDPR art. " + article + ")"
	}
	return " (" + m.cat.Cite(article, true) + ")"
}

// MessageLang chooses the language of the tool's messages: the flag when
// set, else PERSONVERN_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG in
// POSIX order: the first one set decides), else en. Norwegian locales
// nb_NO and no_NO give nb, nn_NO gives nn; any other locale gives en.
func MessageLang(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		if l := messageLang(flag); l != "" {
			return l, nil
		}
		return "", fmt.Errorf("unknown language %q; use one of %s", flag, strings.Join(MessageLangs, ", "))
	}
	if v := getenv("PERSONVERN_LANG"); v != "" {
		if l := messageLang(v); l != "" {
			return l, nil
		}
		return "", fmt.Errorf("PERSONVERN_LANG=%q: use one of %s", v, strings.Join(MessageLangs, ", "))
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if l := messageLang(v); l != "" {
				return l, nil
			}
			return "en", nil
		}
	}
	return "en", nil
}

// messageLang reads a language code or a locale name (nb_NO.UTF-8,
// nn_NO@euro, no); "" when it is neither en, nb nor nn.
func messageLang(s string) string {
	s = strings.ToLower(s)
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "nb", "no":
		return "nb"
	case "nn":
		return "nn"
	case "en", "c", "posix":
		return "en"
	}
	return ""
}

// Article writes an article code the short Norwegian way ("artikkel 7
// nr. 3"), or as it is in English.
func (m *Messages) Article(code string) string {
	if m == nil {
		return code
	}
	return m.cat.Cite(code, false)
}

// Meaning is what a code means in plain words, from the page catalogue's
// labels for legal bases, categories, kinds of source, safeguards, rights
// and countries; "" when none has it or in English.
func (m *Messages) Meaning(code string) string {
	if m == nil {
		return ""
	}
	for _, k := range []string{"basis." + code, "category." + code, "kind." + code, "safeguard." + code, "right." + code + ".short", "country." + code} {
		if s, ok := m.cat.msgs[k]; ok {
			return s
		}
	}
	return ""
}

// Label is the page catalogue's text for key: what pages call a field,
// for a message that names a field the message catalogues do not
// describe. ok is false without one (and always in English).
func (m *Messages) Label(key string) (string, bool) {
	if m == nil || !m.cat.Has(key) {
		return "", false
	}
	return m.cat.T(key), true
}

// Phrase is the translation of a phrase without verbs, or the phrase.
func (m *Messages) Phrase(s string) string {
	if m == nil {
		return s
	}
	if t, ok := m.fmts[s]; ok {
		return t
	}
	return s
}

// Language names a language in words ("bokmål", "nynorsk"), or gives the
// code in English or when the catalogue has no name for it.
func (m *Messages) Language(code string) string {
	if m == nil {
		return code
	}
	return m.cat.TOr("language."+code, code)
}

// List joins items in the messages' language ("A, B og C"), or with
// commas and "and" in English.
func (m *Messages) List(items []string) string {
	if m == nil {
		if len(items) < 2 {
			return strings.Join(items, "")
		}
		return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
	}
	return m.cat.List(items)
}
