package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/templates"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The help pages (personvern --help, personvern help validate) are said in
// the language of the other messages: the texts of the commands and flags
// are keys of templates/lang/help.*.yaml, and the help and usage functions
// below write what cobra's default templates write, with cobra's headings
// translated. TestHelpCatalogues walks the command tree so that no text
// goes without a translation; TestHelpEnglish keeps the English pages
// cobra's own.

// helpCatalogue is the catalogue of the help texts, read only for help.
const helpCatalogue = "help"

// setHelp makes root's help and usage pages speak the message language of
// the command line args.
func setHelp(root *cobra.Command, args []string) {
	root.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
		writeHelp(cmd.OutOrStdout(), helpMessages(cmd, args), cmd)
	})
	root.SetUsageFunc(func(cmd *cobra.Command) error {
		writeUsage(cmd.OutOrStderr(), helpMessages(cmd, args), cmd)
		return nil
	})
	// personvern help TOPIC for a topic there is not: cobra's own help
	// command says so in English; this one in the help's language.
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() != "help" {
			continue
		}
		run := c.Run
		c.Run = func(c *cobra.Command, topic []string) {
			if cmd, _, err := c.Root().Find(topic); cmd == nil || err != nil {
				fmt.Fprintln(c.OutOrStderr(), helpSay(helpMessages(c, args), "Unknown help topic %s", helpTopic(topic)))
				writeUsage(c.OutOrStderr(), helpMessages(c.Root(), args), c.Root())
				return
			}
			run(c, topic)
		}
	}
}

// helpTopic is the topic asked for as cobra writes it: [`nothing`].
type helpTopic []string

func (h helpTopic) String() string { return fmt.Sprintf("%#q", []string(h)) }

func (h helpTopic) Localize(*i18n.Messages) string { return strconv.Quote(strings.Join(h, " ")) }

// helpMessages is the language of cmd's help: as messagesFor says it,
// and for personvern help CMD, whose CMD has not parsed the flags, the
// --lang of the command line. A bad language gives English, as the
// messages of cobra's errors do.
func helpMessages(cmd *cobra.Command, args []string) *i18n.Messages {
	flag := ""
	if f := cmd.Flags().Lookup("lang"); f != nil && f.Changed {
		flag = f.Value.String()
	} else {
		flag = langArg(args)
	}
	m, err := messagesIn(flag)
	if err != nil {
		return nil
	}
	if err := m.Add(templates.FS, helpCatalogue); err != nil {
		return nil
	}
	return m
}

// helpSay is a heading or phrase of the help pages in m's language. Its
// format is a key of templates/lang/help.*.yaml (TestHelpCatalogues).
func helpSay(m *i18n.Messages, format string, args ...any) string {
	return m.Sprintf(format, args...)
}

// helpText is a command's or flag's text in m's language.
func helpText(m *i18n.Messages, s string) string { return m.Phrase(s) }

// writeHelp is cobra's default help page: the long text (or the short
// one), then the usage.
func writeHelp(w io.Writer, m *i18n.Messages, c *cobra.Command) {
	text := c.Long
	if text == "" {
		text = c.Short
	}
	if text = strings.TrimRightFunc(helpText(m, text), isSpace); text != "" {
		fmt.Fprintln(w, text)
		fmt.Fprintln(w)
	}
	if c.Runnable() || c.HasSubCommands() {
		writeUsage(w, m, c)
	}
}

// writeUsage is cobra's default usage (defaultUsageFunc), translated.
// personvern's commands have no groups; a command in one is listed with
// the others.
func writeUsage(w io.Writer, m *i18n.Messages, c *cobra.Command) {
	fmt.Fprint(w, helpSay(m, "Usage:"))
	if c.Runnable() {
		use := strings.Replace(c.UseLine(), "[flags]", word("[flags]").Localize(m), 1)
		fmt.Fprintf(w, "\n  %s", strings.Replace(use, " [command]", helpSay(m, " [command]"), 1))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n  %s", helpSay(m, "%s [command]", c.CommandPath()))
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(w, "\n\n%s\n  %s", helpSay(m, "Aliases:"), c.NameAndAliases())
	}
	if c.HasExample() {
		fmt.Fprintf(w, "\n\n%s\n%s", helpSay(m, "Examples:"), helpText(m, c.Example))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n\n%s", helpSay(m, "Available Commands:"))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(w, "\n  %-*s %s", sub.NamePadding(), sub.Name(), helpText(m, sub.Short))
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(w, "\n\n%s\n%s", helpSay(m, "Flags:"), strings.TrimRightFunc(flagUsages(m, c, c.LocalFlags()), isSpace))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(w, "\n\n%s\n%s", helpSay(m, "Global Flags:"), strings.TrimRightFunc(flagUsages(m, c, c.InheritedFlags()), isSpace))
	}
	if c.HasHelpSubCommands() {
		fmt.Fprintf(w, "\n\n%s", helpSay(m, "Additional help topics:"))
		for _, sub := range c.Commands() {
			if sub.IsAdditionalHelpTopicCommand() {
				fmt.Fprintf(w, "\n  %-*s %s", sub.CommandPathPadding(), sub.CommandPath(), helpText(m, sub.Short))
			}
		}
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n\n%s", helpSay(m, "Use \"%s [command] --help\" for more information about a command.", c.CommandPath()))
	}
	fmt.Fprintln(w)
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// flagUsages is pflag's FlagUsages of fs, in m's language: the name of
// the kind of value, the usage and the default are translated, and the
// columns are counted in characters, not bytes.
func flagUsages(m *i18n.Messages, c *cobra.Command, fs *pflag.FlagSet) string {
	var lines []string
	maxlen := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		line := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			line = "  -" + f.Shorthand + ", --" + f.Name
		}
		varname, usage := pflag.UnquoteUsage(f)
		if varname != "" {
			line += " " + helpText(m, varname)
		}
		if f.NoOptDefVal != "" {
			switch f.Value.Type() {
			case "string":
				line += fmt.Sprintf("[=\"%s\"]", f.NoOptDefVal)
			case "bool":
				if f.NoOptDefVal != "true" {
					line += fmt.Sprintf("[=%s]", f.NoOptDefVal)
				}
			case "count":
				if f.NoOptDefVal != "+1" {
					line += fmt.Sprintf("[=%s]", f.NoOptDefVal)
				}
			default:
				line += fmt.Sprintf("[=%s]", f.NoOptDefVal)
			}
		}
		line += "\x00"
		if n := utf8.RuneCountInString(line); n > maxlen {
			maxlen = n
		}
		line += flagUsage(m, c, f, usage)
		if !defaultIsZero(f) {
			if f.Value.Type() == "string" {
				line += " " + helpSay(m, "(default %s)", quoted(f.DefValue))
			} else {
				line += " " + helpSay(m, "(default %s)", f.DefValue)
			}
		}
		if f.Deprecated != "" {
			line += fmt.Sprintf(" (DEPRECATED: %s)", f.Deprecated)
		}
		lines = append(lines, line)
	})
	var b strings.Builder
	for _, line := range lines {
		name, usage, _ := strings.Cut(line, "\x00")
		spacing := strings.Repeat(" ", maxlen-utf8.RuneCountInString(name))
		fmt.Fprintln(&b, name, spacing, strings.ReplaceAll(usage, "\n", "\n"+strings.Repeat(" ", maxlen+2)))
	}
	return b.String()
}

// flagUsage is the usage of flag f of c in m's language. cobra's own
// --help and --version name the command they are of.
func flagUsage(m *i18n.Messages, c *cobra.Command, f *pflag.Flag, usage string) string {
	if f.Annotations[cobra.FlagSetByCobraAnnotation] != nil {
		name := c.DisplayName()
		if f.Name == "version" {
			name = c.Root().DisplayName()
		}
		switch usage {
		case "help for " + name:
			return helpSay(m, "help for %s", name)
		case "version for " + name:
			return helpSay(m, "version for %s", name)
		}
	}
	return helpText(m, usage)
}

// defaultIsZero is pflag's test for a default not worth printing.
func defaultIsZero(f *pflag.Flag) bool {
	switch f.Value.Type() {
	case "bool":
		return f.DefValue == "false" || f.DefValue == ""
	case "duration":
		return f.DefValue == "0" || f.DefValue == "0s"
	case "string":
		return f.DefValue == ""
	case "stringSlice", "stringArray", "intSlice":
		return f.DefValue == "[]"
	}
	switch f.DefValue {
	case "false", "<nil>", "", "0":
		return true
	}
	return false
}

// quoted is a default value in quotation marks, as it is typed: "text"
// in every language (findings and help quote what the editor types with
// straight quotes; nb12 8, nn12 6).
type quoted string

func (q quoted) String() string                   { return strconv.Quote(string(q)) }
func (q quoted) Localize(m *i18n.Messages) string { return strconv.Quote(string(q)) }
