package validate_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/personvern/personvern/internal/validate"
)

// fuzzValidator is compiled once: compiling the schema per input would
// measure the compiler, not the notice.
var fuzzValidator = func() *validate.Validator {
	v, err := validate.New()
	if err != nil {
		panic(err)
	}
	return v
}()

// FuzzValidate: every notice that parses can be validated without a
// panic; every finding points at a file, line and column and says
// something; every output format can be written, and is well-formed.
//
//	go test ./internal/validate -run '^$' -fuzz '^FuzzValidate$' -fuzztime 60s -parallel 2
func FuzzValidate(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := notice.Parse("f.yaml", data)
		if err != nil {
			return
		}
		testtool.WithDeadline(t, func() {
			fs := fuzzValidator.Validate(doc)
			lines := testtool.LineCount(data)
			for _, fd := range fs {
				if fd.File == "" {
					t.Errorf("finding without a file: %#v", fd)
				}
				if fd.Line < 1 || fd.Col < 1 {
					t.Errorf("finding at %d:%d, want >= 1:1: %s", fd.Line, fd.Col, fd)
				}
				if fd.Line > lines+1 {
					t.Errorf("finding at line %d of a %d-line file: %s", fd.Line, lines, fd)
				}
				if strings.TrimSpace(fd.Message) == "" {
					t.Errorf("finding without a message: %#v", fd)
				}
				if fd.Severity != validate.Error && fd.Severity != validate.Warning {
					t.Errorf("finding with severity %d: %#v", fd.Severity, fd)
				}
			}
			for _, format := range validate.Formats {
				var buf bytes.Buffer
				opt := validate.WriteOptions{
					Format:  format,
					Context: true,
					Source:  func(_ string, line int) string { return doc.Line(line) },
					Files:   []string{"f.yaml", "other.yaml"},
				}
				if err := validate.Write(&buf, fs, opt); err != nil {
					t.Fatalf("Write(%s): %v", format, err)
				}
				checkReport(t, format, buf.Bytes(), fs)
			}
		})
	})
}

// checkReport checks that machine-read formats stay machine-readable with
// whatever text the findings quote from the notice.
func checkReport(t *testing.T, format string, out []byte, fs []validate.Finding) {
	t.Helper()
	switch format {
	case "json", "sarif":
		if !json.Valid(out) {
			t.Errorf("%s output is not valid JSON:\n%s", format, out)
		}
	case "junit":
		d := xml.NewDecoder(bytes.NewReader(out))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("junit output is not well-formed XML: %v\n%s", err, out)
				break
			}
		}
	case "github":
		// One workflow command per finding: a newline in a message must not
		// start a second (injected) command.
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(fs) == 0 {
			lines = nil
		}
		if len(lines) != len(fs) {
			t.Errorf("github output has %d lines for %d findings:\n%s", len(lines), len(fs), out)
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, "::error file=") && !strings.HasPrefix(l, "::warning file=") {
				t.Errorf("github output line is not a workflow command: %q", l)
			}
		}
	}
}

// fuzzSeeds are the real notices and transcriptions in the repository,
// and notices with markup and script links in every text field.
func fuzzSeeds() [][]byte {
	return testtool.NoticeSeeds(
		[]byte("id: &x a\nversion: *x\ntitle: {nb: *x, nn: *x}\nlanguages: [*x, *x]\n"),
		[]byte("a: "+strings.Repeat("[", 5000)+strings.Repeat("]", 5000)+"\n"),
		[]byte("id: x\nrights: {"+strings.Repeat("a: {", 90)+"b: c"+strings.Repeat("}", 91)+"\n"),
		[]byte("id: \xff\n"),
		[]byte("id: \"a\\nb\"\ncontroller: {name: \"x\\n::error file=y::injected\", email: \"a%0Ab\", url: \"\\r\\n::warning::x\"}\n"),
		[]byte("id: x\nversion: [1, 0]\nupdated: 2024-02-30\nlanguages: [nb, nb, xx, \"\"]\ntitle: 42\ncontroller: []\npurposes: {}\ncategories: [1, [2], {id: {}}]\nrights: {x: 1}\n"),
		[]byte("id: x\nupdated: 2024-05-01T10:00:00Z\nretention: [{id: r, period: P99999999999999999999Y, categories: [a], then: x}]\n"),
		[]byte(testtool.HostileNotice(`<script>alert(1)</script>`)),
		[]byte(testtool.HostileNotice("\"\n::error file=x::injected")),
		[]byte(testtool.HostileNotice("]]></failure><script>alert(1)</script>\x00")),
		[]byte(testtool.HostileNotice(`[klikk](javascript:alert(1))`)),
	)
}
