package validate_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/personvern/personvern/internal/notice"
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
		withDeadline(t, func() {
			fs := fuzzValidator.Validate(doc)
			lines := lineCount(data)
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

// lineCount is the number of lines as yaml.v3 counts them: CR, LF, CRLF,
// NEL, LS and PS all end a line. It is an upper bound for any position,
// but for the end of a file without a final newline, one line further.
func lineCount(src []byte) int {
	s := string(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))
	n := 1 + strings.Count(s, "\n") + strings.Count(s, "\r") - strings.Count(s, "\r\n")
	return n + strings.Count(s, "\u0085") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
}

// withDeadline runs fn and fails, with every goroutine's stack, when it
// takes longer than a notice ever should; a panic fails with its stack.
func withDeadline(t *testing.T, fn func()) {
	t.Helper()
	const limit = 10 * time.Second
	done := make(chan string, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Sprintf("panic: %v\n%s", r, debug.Stack())
				return
			}
			done <- ""
		}()
		fn()
	}()
	select {
	case msg := <-done:
		if msg != "" {
			t.Fatal(msg)
		}
	case <-time.After(limit):
		buf := make([]byte, 1<<20)
		t.Fatalf("still running after %v (a hang or a blow-up):\n%s", limit, buf[:runtime.Stack(buf, true)])
	}
}

// fuzzSeeds are the real notices and transcriptions in the repository,
// and notices with markup and script links in every text field.
func fuzzSeeds() [][]byte {
	var out [][]byte
	var first []byte
	for _, pattern := range []string{
		"../../notices/*.yaml",
		"testdata/*.yaml",
		"testdata/seeds/*.yaml",
	} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				continue // skip what is missing or unreadable
			}
			if first == nil {
				first = b
			}
			out = append(out, b)
		}
	}
	if first == nil {
		first = []byte("id: x\nversion: \"1\"\ntitle: {nb: Tittel, nn: Tittel}\n")
	}
	out = append(out,
		[]byte(""),
		[]byte("- a"),
		[]byte("a: &x [*x]"),
		[]byte("id: &x a\nversion: *x\ntitle: {nb: *x, nn: *x}\nlanguages: [*x, *x]\n"),
		[]byte("a: "+strings.Repeat("[", 5000)+strings.Repeat("]", 5000)+"\n"),
		[]byte("id: x\nrights: {"+strings.Repeat("a: {", 90)+"b: c"+strings.Repeat("}", 91)+"\n"),
		[]byte("id: \xff\n"),
		[]byte("{}"),
		[]byte("id: \"a\\nb\"\ncontroller: {name: \"x\\n::error file=y::injected\", email: \"a%0Ab\", url: \"\\r\\n::warning::x\"}\n"),
		[]byte("id: x\nversion: [1, 0]\nupdated: 2024-02-30\nlanguages: [nb, nb, xx, \"\"]\ntitle: 42\ncontroller: []\npurposes: {}\ncategories: [1, [2], {id: {}}]\nrights: {x: 1}\n"),
		[]byte("id: x\nupdated: 2024-05-01T10:00:00Z\nretention: [{id: r, period: P99999999999999999999Y, categories: [a], then: x}]\n"),
		append([]byte("\xef\xbb\xbf"), first...),
		bytes.ReplaceAll(first, []byte("\n"), []byte("\r\n")),
		bytes.ReplaceAll(first, []byte("\n"), []byte("\r")),
		[]byte(hostileNotice(`<script>alert(1)</script>`)),
		[]byte(hostileNotice("\"\n::error file=x::injected")),
		[]byte(hostileNotice("]]></failure><script>alert(1)</script>\x00")),
		[]byte(hostileNotice(`[klikk](javascript:alert(1))`)),
	)
	return out
}

// hostileNotice is a notice with payload in every field a person can
// write text in, and script links where a URL is expected.
func hostileNotice(payload string) string {
	q := strconv.Quote(payload)
	tx := "{nb: " + q + ", nn: " + q + "}"
	return strings.NewReplacer("$Q", q, "$T", tx).Replace(`id: hostile
version: $Q
updated: $Q
languages: [nb, nn]
title: $T
introduction: $T
controller:
  name: $Q
  org_number: $Q
  kind: $Q
  unit: $T
  address: $Q
  email: $Q
  phone: $Q
  url: "javascript:alert(1)"
  contact_person: $Q
joint_controllers:
  - name: $Q
    org_number: $Q
    responsibilities: $T
    email: $Q
    phone: $Q
    url: " JaVaScRiPt:alert(1)"
dpo: {name: $Q, email: $Q, phone: $Q, address: $Q}
categories:
  - id: $Q
    label: $T
    description: $T
    special: true
  - id: contact
  - id: health
purposes:
  - id: $Q
    replaces: $Q
    name: $T
    description: $T
    categories: [$Q, contact, health]
    legal_basis:
      - article: $Q
        national_law: $T
        interests: $T
        note: $T
      - article: "6(1)(a)"
      - article: "6(1)(f)"
        interests: $T
      - article: "9(2)(a)"
sources:
  - id: $Q
    kind: $Q
    name: $Q
    description: $T
    categories: [$Q]
    public: true
  - {id: you, kind: data_subject}
provision: {requirement: $Q, consequences: $T}
recipients:
  - id: $Q
    replaces: $Q
    kind: $Q
    name: $Q
    description: $T
    categories: [$Q]
    purposes: [$Q]
  - {id: p, kind: processor, name: $Q}
transfers:
  - id: $Q
    country: $Q
    recipient: $Q
    safeguard: $Q
    derogation: $Q
    copy: $T
  - {id: us, country: US, safeguard: scc, copy: $T}
retention:
  - id: $Q
    categories: [$Q, contact]
    period: $Q
    from: $T
    criteria: $T
    then: $Q
    law: $T
  - {id: p, categories: [health], period: P5Y, then: delete}
rights:
  $Q: {limits: $T, how: $T}
  access: {limits: $T, how: $T}
  withdraw_consent: {how: $T}
  human_review: {}
  objection: {limits: $T}
automated_decisions:
  - id: $Q
    replaces: $Q
    description: $T
    logic: $T
    significance: $T
    profiling: true
    purposes: [$Q]
complaint: $Q
security: $T
`)
}
