package validate

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/personvern/personvern/internal/i18n"
)

// Formats lists the output formats Write accepts.
var Formats = []string{"text", "json", "github", "sarif", "junit"}

// Source gives the text of a line of a file, for showing findings in
// context; it may return "" when the line is unknown.
type Source func(file string, line int) string

// WriteOptions control Write.
type WriteOptions struct {
	Format string
	// Context shows the source line and a caret under each finding in text
	// format, as compilers do on a terminal.
	Context bool
	Source  Source
	// Files are all the files checked, so that junit can list the clean ones.
	Files []string
	// Messages says the findings of the text format in the reader's
	// language; nil is English. The machine formats (json, sarif, github,
	// junit) stay English whatever it is, so that tools and CI logs read
	// the same everywhere.
	Messages *i18n.Messages
}

// Write writes findings in the chosen format.
func Write(w io.Writer, fs []Finding, opt WriteOptions) error {
	switch opt.Format {
	case "", "text":
		return writeText(w, fs, opt)
	case "json":
		return writeJSON(w, fs)
	case "github":
		return writeGitHub(w, fs)
	case "sarif":
		return writeSARIF(w, fs)
	case "junit":
		return writeJUnit(w, fs, opt.Files)
	}
	return fmt.Errorf("unknown format %q; use one of %s", opt.Format, strings.Join(Formats, ", "))
}

func writeText(w io.Writer, fs []Finding, opt WriteOptions) error {
	for _, f := range fs {
		if _, err := fmt.Fprintln(w, f.StringIn(opt.Messages)); err != nil {
			return err
		}
		if opt.Context && opt.Source != nil && f.Line > 0 {
			line := opt.Source(f.File, f.Line)
			if line == "" {
				continue
			}
			fmt.Fprintf(w, "    %s\n    %s^\n", strings.ReplaceAll(line, "\t", " "), caretPad(line, f.Col))
		}
	}
	return nil
}

// caretPad returns the spaces that put a caret under column col (1-based,
// counted in characters as yaml.v3 counts them).
func caretPad(line string, col int) string {
	n := col - 1
	if c := utf8.RuneCountInString(line); n > c {
		n = c
	}
	if n < 0 {
		n = 0
	}
	return strings.Repeat(" ", n)
}

func writeJSON(w io.Writer, fs []Finding) error {
	if fs == nil {
		fs = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(fs)
}

// GitHub workflow commands: data escapes %, CR, LF; properties also : and ,.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func writeGitHub(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		cmd := "warning"
		if f.Severity == Error {
			cmd = "error"
		}
		title := "personvern"
		if f.Rule != "" {
			title += " " + f.Rule
		}
		msg := f.MessageWithArticle()
		if f.Path != "" {
			msg = f.Path + ": " + msg
		}
		if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", cmd, ghProp(f.File), f.Line, f.Col, ghProp(title), ghData(msg)); err != nil {
			return err
		}
	}
	return nil
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// RuleSummaries describes every rule id a finding can carry, for SARIF.
func RuleSummaries() []struct{ ID, Summary string } {
	out := []struct{ ID, Summary string }{
		{"load", "the file can be read and parsed as one YAML mapping"},
		{"schema", "the notice matches schema/notice.schema.json"},
	}
	for _, r := range Rules {
		out = append(out, struct{ ID, Summary string }{r.ID, r.Summary})
	}
	return out
}

func writeSARIF(w io.Writer, fs []Finding) error {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "personvern", InformationURI: "https://github.com/personvern/personvern"}}, Results: []sarifResult{}}
	for _, r := range RuleSummaries() {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: r.ID, ShortDescription: sarifMessage{r.Summary}})
	}
	for _, f := range fs {
		level := "warning"
		if f.Severity == Error {
			level = "error"
		}
		msg := f.MessageWithArticle()
		if f.Path != "" {
			msg = f.Path + ": " + msg
		}
		line, col := max(f.Line, 1), max(f.Col, 1)
		run.Results = append(run.Results, sarifResult{
			RuleID: f.Rule, Level: level, Message: sarifMessage{msg},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: strings.ReplaceAll(f.File, "\\", "/")},
				Region:           sarifRegion{StartLine: line, StartColumn: col},
			}}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit writes one test case per file: it fails when the file has
// errors, listing every finding; warnings go to system-out.
func writeJUnit(w io.Writer, fs []Finding, files []string) error {
	byFile := map[string][]Finding{}
	order := append([]string(nil), files...)
	seen := map[string]bool{}
	for _, f := range files {
		seen[f] = true
	}
	for _, f := range fs {
		if !seen[f.File] {
			seen[f.File] = true
			order = append(order, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	suite := junitSuite{Name: "personvern validate"}
	for _, file := range order {
		c := junitCase{Name: file, Classname: "personvern.validate"}
		var errs, warns []string
		for _, f := range byFile[file] {
			if f.Severity == Error {
				errs = append(errs, f.String())
			} else {
				warns = append(warns, f.String())
			}
		}
		if len(errs) > 0 {
			c.Failure = &junitFailure{Message: fmt.Sprintf("%d %s", len(errs), plural(len(errs), "error", "errors")), Type: "personvern", Text: strings.Join(append(errs, warns...), "\n")}
			suite.Failures++
		} else if len(warns) > 0 {
			c.SystemOut = strings.Join(warns, "\n")
		}
		suite.Cases = append(suite.Cases, c)
		suite.Tests++
	}
	out := junitSuites{Name: "personvern", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
