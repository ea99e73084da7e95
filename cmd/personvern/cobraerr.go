package main

import (
	"regexp"
	"strings"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/spf13/cobra"
)

// cobra's and pflag's own errors (unknown command, bad flag, wrong
// arguments) are fixed English sentences. Each one the CLI can meet is
// said again in the user's language from its parts; one not listed here
// is printed as cobra wrote it.
var (
	unknownCmdRE  = regexp.MustCompile(`^unknown command "([^"]*)" for "([^"]*)"`)
	unknownFlagRE = regexp.MustCompile(`^unknown flag: (--\S+)$`)
	unknownShRE   = regexp.MustCompile(`^unknown shorthand flag: '(.)' in (-\S+)$`)
	needsArgRE    = regexp.MustCompile(`^flag needs an argument: (?:'(.)' in -\S+|(--\S+))$`)
	invalidArgRE  = regexp.MustCompile(`^invalid argument "([^"]*)" for "([^"]*)" flag: (.*)$`)
	exactArgsRE   = regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`)
	atMostArgsRE  = regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`)
	atLeastArgsRE = regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`)
	suggestRE     = regexp.MustCompile(`(?s)\n\nDid you mean this\?\n(.*)$`)
)

// cobraMessage is cobra's error err, for the command cmd it came from,
// in m's language: the message, then how to use the command.
func cobraMessage(m *i18n.Messages, cmd *cobra.Command, err error) string {
	text := err.Error()
	var suggestions []string
	if s := suggestRE.FindStringSubmatch(text); s != nil {
		text = strings.TrimSuffix(text, s[0])
		for _, l := range strings.Split(strings.TrimSpace(s[1]), "\n") {
			suggestions = append(suggestions, strings.TrimSpace(l))
		}
	}
	var out string
	if r := unknownCmdRE.FindStringSubmatch(text); r != nil {
		out = say(m, "unknown command %q for %q", r[1], r[2])
	} else if r := unknownFlagRE.FindStringSubmatch(text); r != nil {
		out = say(m, "unknown flag: %s", r[1])
	} else if r := unknownShRE.FindStringSubmatch(text); r != nil {
		out = say(m, "unknown flag -%s in %s", r[1], r[2])
	} else if r := needsArgRE.FindStringSubmatch(text); r != nil {
		flag := r[2]
		if r[1] != "" {
			flag = "-" + r[1]
		}
		out = say(m, "the flag %s needs a value", flag)
	} else if r := invalidArgRE.FindStringSubmatch(text); r != nil {
		out = say(m, "%q is not a value for the flag %s: %s", r[1], r[2], flagReason(m, r[3]))
	} else if r := exactArgsRE.FindStringSubmatch(text); r != nil && cmd.Name() == "new" && r[2] == "0" {
		// "personvern new tek eitt argument, men fekk ingen" spoke of
		// arguments; the editor is to name the notice (nn9x 12).
		out = say(m, "write what the notice is to be called, e.g.: personvern new barnehage")
	} else if r := exactArgsRE.FindStringSubmatch(text); r != nil {
		out = say(m, "%s takes %s, but got %s", cmd.CommandPath(), args(r[1]), count(r[2]))
	} else if r := atMostArgsRE.FindStringSubmatch(text); r != nil {
		out = say(m, "%s takes at most %s, but got %s", cmd.CommandPath(), args(r[1]), count(r[2]))
	} else if r := atLeastArgsRE.FindStringSubmatch(text); r != nil {
		out = say(m, "%s takes at least %s, but got %s", cmd.CommandPath(), args(r[1]), count(r[2]))
	} else {
		out = text
	}
	if len(suggestions) > 0 {
		out += "\n" + say(m, "Did you mean %s?", strings.Join(suggestions, ", "))
	}
	if cmd != nil && cmd.Runnable() && cmd.HasParent() {
		out += "\n" + say(m, "Usage: %s", strings.Replace(cmd.UseLine(), "[flags]", word("[flags]").Localize(m), 1))
	}
	return out + "\n" + say(m, "Run '%s --help' for more.", commandPath(cmd))
}

func commandPath(cmd *cobra.Command) string {
	if cmd == nil {
		return "personvern"
	}
	return cmd.CommandPath()
}

// args is "1 argument", "2 arguments", "no arguments", translated.
func args(n string) i18n.Localizer {
	switch n {
	case "0":
		return word("no arguments")
	case "1":
		return word("1 argument")
	}
	return num(n, "%s arguments")
}

// count is how many arguments were given: "none", "1", "3".
func count(n string) i18n.Localizer {
	if n == "0" {
		return word("none")
	}
	return num(n, "%s")
}

// numbered is a number with its noun, translated.
type numbered struct{ n, format string }

// num is n in format, a key of the CLI catalogue.
func num(n, format string) numbered { return numbered{n, format} }

func (x numbered) Localize(m *i18n.Messages) string { return m.Sprintf(x.format, x.n) }

// flagReason is why pflag could not read a flag's value, in m's
// language: its reasons are Go's parse errors ("strconv.ParseBool:
// parsing "x": invalid syntax").
func flagReason(m *i18n.Messages, reason string) string {
	switch {
	case m == nil:
		return reason
	case strings.HasPrefix(reason, "strconv.ParseBool"):
		return say(m, "write true or false")
	case strings.HasPrefix(reason, "strconv.ParseInt"), strings.HasPrefix(reason, "strconv.ParseUint"):
		return say(m, "write a whole number")
	case strings.HasPrefix(reason, "time: "):
		return say(m, "write a duration such as 500ms, 2s or 1m")
	}
	return reason
}
