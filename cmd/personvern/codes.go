package main

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/vocab"
	"github.com/personvern/personvern/templates"
	"github.com/spf13/cobra"
)

// codeKind is one list of the vocabulary: where a notice uses it (field,
// with a hint in words, translated), and the catalogue keys of its
// meanings.
type codeKind struct {
	name, field string
	hint        word
	prefix      string
	codes       func() []codeEntry
}

// codeEntry is a code, with a note in words (translated) or an article.
type codeEntry struct {
	code    string
	note    word
	article string
}

func terms(ts []vocab.Term) []codeEntry {
	out := make([]codeEntry, len(ts))
	for i, t := range ts {
		out[i] = codeEntry{code: t.Code}
	}
	return out
}

var codeKinds = []codeKind{
	{"categories", "categories[].id", word("or a custom id with a label"), "category.", func() []codeEntry {
		var out []codeEntry
		for _, c := range vocab.Categories {
			e := codeEntry{code: c.Code}
			switch {
			case c.Special:
				e.note = word("special category, art. 9: needs a 9(2) basis")
			case c.Criminal:
				e.note = word("art. 10: needs a law that allows the processing (criminal_law)")
			}
			out = append(out, e)
		}
		return out
	}},
	{"bases", "purposes[].legal_basis[].article", "", "basis.", func() []codeEntry {
		var out []codeEntry
		for _, b := range vocab.Bases {
			out = append(out, codeEntry{code: b.Code})
		}
		return out
	}},
	{"rights", "rights", word("a key each"), "right.", func() []codeEntry {
		var out []codeEntry
		for _, r := range vocab.Rights {
			out = append(out, codeEntry{code: r.Code, article: r.Article})
		}
		return out
	}},
	{"kinds", "sources[].kind", word("and recipients[].kind"), "kind.", func() []codeEntry {
		out := terms(vocab.PartyKinds)
		out[0].note = word("sources only")
		return out
	}},
	{"safeguards", "transfers[].safeguard", "", "safeguard.", func() []codeEntry { return terms(vocab.Safeguards) }},
	{"provision", "provision.requirement", "", "provision.", func() []codeEntry {
		return terms([]vocab.Term{{Code: "statutory"}, {Code: "contractual"}, {Code: "contract_prerequisite"}, {Code: "voluntary"}})
	}},
	{"then", "retention[].then", "", "retention.then.", func() []codeEntry {
		return terms([]vocab.Term{{Code: "delete"}, {Code: "anonymise"}, {Code: "delete_or_anonymise"}, {Code: "archive"}})
	}},
	{"cookie-kinds", "cookies[].kind", word("cookie when left out"), "cookies.kind.", func() []codeEntry {
		return terms([]vocab.Term{{Code: "cookie"}, {Code: "local_storage"}, {Code: "session_storage"}, {Code: "pixel"}})
	}},
	{"cookie-party", "cookies[].party", "", "cookies.party.", func() []codeEntry {
		return terms([]vocab.Term{{Code: "first"}, {Code: "third"}})
	}},
}

func codeKindNames() []string {
	var names []string
	for _, k := range codeKinds {
		names = append(names, k.name)
	}
	return names
}

func newCodesCmd() *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "codes [KIND]",
		Short: "List the codes a notice may use, with their Norwegian meaning",
		Long: `List the vocabulary: the codes a notice writes where the law has a fixed
list, each with the meaning personvern writes on the page, in the language
of --lang (see below). KIND is one of ` + strings.Join(codeKindNames(), ", ") + `; without it, all.`,
		Example: `  personvern codes
  personvern codes categories
  personvern codes bases --lang nn`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: codeKindNames(),
		RunE: func(cmd *cobra.Command, args []string) error {
			// A nynorsk editor copies nynorsk meanings.
			lang = pageLang(cmd, lang, i18n.Available(templates.FS))
			if lang == "" { // --lang ""
				lang = "nb"
			}
			if !slices.Contains(i18n.Available(templates.FS), lang) {
				return trouble("--lang %q: use one of %s", lang, strings.Join(i18n.Available(templates.FS), ", "))
			}
			c, err := i18n.Load(templates.FS, lang)
			if err != nil {
				return trouble("%v", err)
			}
			// The notes and hints are in the language of the meanings,
			// so that each line is in one language.
			m, err := i18n.LoadMessages(templates.FS, lang)
			if err != nil {
				return trouble("%v", err)
			}
			kinds := codeKinds
			if len(args) == 1 {
				want := strings.ToLower(args[0])
				kinds = nil
				for _, k := range codeKinds {
					// categories or category, bases or basis, ...
					if k.name == want || strings.TrimSuffix(k.name, "s") == want || strings.TrimSuffix(k.prefix, ".") == want {
						kinds = append(kinds, k)
					}
				}
				if kinds == nil {
					return trouble("no codes of kind %q; the kinds are %s", args[0], strings.Join(codeKindNames(), ", "))
				}
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 8, 2, ' ', 0)
			for i, k := range kinds {
				if i > 0 {
					fmt.Fprintln(w)
				}
				if k.hint != "" {
					fmt.Fprintf(w, "%s: %s %s\n", k.name, k.field, hint(k.hint).Localize(m))
				} else {
					fmt.Fprintf(w, "%s: %s\n", k.name, k.field)
				}
				for _, e := range k.codes() {
					meaning := c.T(k.prefix + e.code)
					if ex := k.prefix + e.code + ".examples"; c.Has(ex) {
						meaning += " (" + c.T(ex) + ")"
					}
					if e.note != "" {
						meaning += " [" + e.note.Localize(m) + "]"
					} else if e.article != "" {
						meaning += " [" + c.Cite(e.article, false) + "]"
					}
					fmt.Fprintf(w, "  %s\t%s\n", e.code, meaning)
				}
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "language of the meanings: nb or nn (default: $PERSONVERN_LANG or the locale when it is nb or nn, else nb)")
	return cmd
}

// hint is a kind's hint after its field: "(or a custom id with a label)",
// and for kinds, "and recipients[].kind" without brackets.
func hint(h word) i18n.Localizer {
	if strings.HasPrefix(string(h), "and ") {
		return h
	}
	return bracketed{h}
}

type bracketed struct{ w word }

func (b bracketed) Localize(m *i18n.Messages) string { return "(" + b.w.Localize(m) + ")" }
