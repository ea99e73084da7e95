package main

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/templates"
	"github.com/spf13/cobra"
)

// messageLangFlag is the root's --lang, for the commands without a --lang
// of their own; render, diff and codes have one for the language of what
// they write, and it says the language of the messages too. build and
// serve choose the languages they publish with --languages (nn8x 1).
func addLangFlag(root *cobra.Command) {
	root.PersistentFlags().String("lang", "", "language of messages, findings and help: en, nb or nn (default: $PERSONVERN_LANG, else the locale, else en)")
}

// messagesFor is the language the user asked cmd's messages in: its
// --lang when given, else PERSONVERN_LANG, else the locale.
func messagesFor(cmd *cobra.Command) (*i18n.Messages, error) {
	flag := ""
	if cmd != nil {
		if f := cmd.Flags().Lookup("lang"); f != nil && f.Changed {
			flag = f.Value.String()
		}
	}
	return messagesIn(flag)
}

// messagesIn is the messages for a --lang value ("" for none given).
func messagesIn(flag string) (*i18n.Messages, error) {
	lang, err := i18n.MessageLang(flag, os.Getenv)
	if err != nil {
		return nil, trouble("%v", err)
	}
	m, err := i18n.LoadMessages(templates.FS, lang)
	if err != nil {
		return nil, trouble("%v", err)
	}
	return m, nil
}

// messagesLang is the language m speaks.
func messagesLang(m *i18n.Messages) string {
	if m == nil {
		return "en"
	}
	return m.Lang
}

// say is a message of the tool in the user's language. Its format is a
// key of templates/lang/cli.*.yaml (TestCLICatalogues).
func say(m *i18n.Messages, format string, args ...any) string {
	return m.Sprintf(format, args...)
}

// failure is an exit with a message, said in the user's language when it
// is printed.
func failure(code int, format string, args ...any) *exitError {
	return &exitError{code: code, msg: fmt.Sprintf(format, args...), format: format, args: args}
}

// text is the error's message in m's language.
func (e *exitError) text(m *i18n.Messages) string {
	if e.format == "" {
		return systemReasons(m, e.msg)
	}
	return systemReasons(m, m.Sprintf(e.format, e.args...))
}

// systemReasons says the operating system's reasons a file could not be
// read or written ("notices/a.yaml: no such file or directory"), which
// reach a message as the text of an error, in m's language.
//
// The name of the system call ("stat notices/a.yaml: …", "open …") is a
// programmer's word and is left out, and a file that is not there is
// said as a sentence, "finner ikke filen a.yaml" (nb9x 13), English too.
func systemReasons(m *i18n.Messages, s string) string {
	s = missingFileRE.ReplaceAllStringFunc(s, func(x string) string {
		g := missingFileRE.FindStringSubmatch(x)
		pre := g[1]
		if g[2] != "" { // "--config missing.yaml: …"
			pre += strings.TrimSpace(g[2]) + ": "
		}
		return pre + say(m, "cannot find the file %s", g[3])
	})
	s = syscallRE.ReplaceAllString(s, "$1")
	if m == nil {
		return s
	}
	return strings.NewReplacer(
		": no such file or directory", ": "+say(m, "no such file or folder"),
		": permission denied", ": "+say(m, "permission denied"),
		": not a directory", ": "+say(m, "not a folder"),
		": is a directory", ": "+say(m, "is a folder"),
		": file exists", ": "+say(m, "already exists"),
	).Replace(s)
}

var (
	// missingFileRE is a path error for a file that is not there, with
	// or without the system call's name before the path.
	missingFileRE = regexp.MustCompile(`(^|: )(--[a-z-]+ )?(?:(?:lstat|stat|open|readlink) )?(\S+): no such file or directory`)
	// syscallRE is the name of a system call before a path in an error.
	syscallRE = regexp.MustCompile(`\b(?:lstat|stat|open|readlink) (\S+: )`)
)

// word is a word of a message given as its argument (a plural form),
// translated with the message.
type word string

func (w word) String() string                   { return string(w) }
func (w word) Localize(m *i18n.Messages) string { return m.Phrase(string(w)) }

// langArg is the value of --lang in args, for a message written before
// cobra parsed them (a bad flag stops the parsing): "" when none is given.
func langArg(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			return v
		}
		if a == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// pageLang is the language of a page or report: --lang when given, else
// the language the user's messages are in (PERSONVERN_LANG, the locale)
// when a page can be in it, else bokmål. A nynorsk user who set the
// language once gets nynorsk pages and reports (reviews nn 26, nn6 6).
func pageLang(cmd *cobra.Command, lang string, langs []string) string {
	if cmd.Flags().Changed("lang") {
		return lang
	}
	if l, err := i18n.MessageLang("", os.Getenv); err == nil && slices.Contains(langs, l) {
		return l
	}
	return "nb"
}
