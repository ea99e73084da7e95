package testtool

// Helpers the fuzz tests of several packages share.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
)

// WithDeadline runs fn and fails, with every goroutine's stack, when it
// takes longer than a notice ever should; a panic fails with its stack.
func WithDeadline(t *testing.T, fn func()) {
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

// HostileNotice is a notice with payload in every field a person can
// write text in, and script links where a URL is expected.
func HostileNotice(payload string) string {
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

// LineCount is the number of lines as yaml.v3 counts them: CR, LF, CRLF,
// NEL, LS and PS all end a line. It is an upper bound for any position,
// but for the end of a file without a final newline, one line further.
func LineCount(src []byte) int {
	s := string(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))
	n := 1 + strings.Count(s, "\n") + strings.Count(s, "\r") - strings.Count(s, "\r\n")
	return n + strings.Count(s, "\u0085") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
}

// NoticeSeeds is the seed corpus of every fuzz test that reads notices,
// so that each starts from the same real inputs: the fixed notices
// (testdata/notices), validate's test notices and transcriptions of
// published ones, the calling package's own testdata/seeds, shapes every
// loader must survive (nothing, a list, an alias loop, an empty mapping,
// the first notice with a byte-order mark and with CRLF and CR line
// ends), then extra.
func NoticeSeeds(extra ...[]byte) [][]byte {
	var out [][]byte
	seen := map[string]bool{}
	root := Root()
	for _, pattern := range []string{
		filepath.Join(root, "testdata", "notices", "*.yaml"),
		filepath.Join(root, "internal", "validate", "testdata", "*.yaml"),
		filepath.Join(root, "internal", "validate", "testdata", "seeds", "*.yaml"),
		filepath.Join("testdata", "seeds", "*.yaml"),
	} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			abs, err := filepath.Abs(file)
			if err != nil || seen[abs] {
				continue
			}
			seen[abs] = true
			b, err := os.ReadFile(file)
			if err != nil {
				continue // a seed less, not a failure
			}
			out = append(out, b)
		}
	}
	first := []byte("id: x\nversion: \"1\"\ntitle: {nb: Tittel, nn: Tittel}\n")
	if len(out) > 0 {
		first = out[0]
	}
	out = append(out,
		[]byte(""),
		[]byte("- a"),
		[]byte("a: &x [*x]"),
		[]byte("{}"),
		append([]byte("\xef\xbb\xbf"), first...),
		bytes.ReplaceAll(first, []byte("\n"), []byte("\r\n")),
		bytes.ReplaceAll(first, []byte("\n"), []byte("\r")),
	)
	return append(out, extra...)
}
