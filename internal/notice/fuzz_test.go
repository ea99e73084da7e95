package notice_test

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/testtool"
	"gopkg.in/yaml.v3"
)

// FuzzParse: Parse never panics or hangs, whatever the bytes. A failure is
// a *notice.Error with a message and a position inside the file; a success
// is a mapping whose positions can be asked for.
//
//	go test ./internal/notice -run '^$' -fuzz '^FuzzParse$' -fuzztime 60s -parallel 2
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	def := fuzzDefaults()
	f.Fuzz(func(t *testing.T, data []byte) {
		testtool.WithDeadline(t, func() {
			doc, err := notice.Parse("f.yaml", data)
			checkParse(t, data, doc, err)
			// The same with shared defaults, which appends to the root.
			doc, err = notice.Loader{Defaults: def}.Parse("f.yaml", data)
			checkParse(t, data, doc, err)
		})
	})
}

func checkParse(t *testing.T, data []byte, doc *notice.Document, err error) {
	t.Helper()
	if err != nil {
		if doc != nil {
			t.Errorf("Parse returned both a document and an error: %v", err)
		}
		var e *notice.Error
		if !errors.As(err, &e) {
			t.Fatalf("error of type %T, want *notice.Error: %v", err, err)
		}
		if e != err {
			t.Errorf("error %T wraps *notice.Error; want it bare: %v", err, err)
		}
		if e.Path != "f.yaml" {
			t.Errorf("error names %q, want f.yaml: %v", e.Path, e)
		}
		if strings.TrimSpace(e.Msg) == "" {
			t.Errorf("error without a message: %#v", e)
		}
		switch {
		case e.Line == 0 && e.Col != 0:
			t.Errorf("column %d without a line: %v", e.Col, e)
		case e.Line < 0 || (e.Line > 0 && e.Col < 1):
			t.Errorf("bad position %d:%d: %v", e.Line, e.Col, e)
		case e.Line > testtool.LineCount(data)+1:
			// +1: at the end of a file without a final newline, yaml.v3
			// puts the end of the stream on the next line.
			t.Errorf("line %d is past the end of a %d-line file: %v", e.Line, testtool.LineCount(data), e)
		}
		if e.Error() == "" {
			t.Errorf("empty Error() for %#v", e)
		}
		return
	}
	if doc == nil {
		t.Fatal("Parse returned neither a document nor an error")
	}
	// One notice per file: what yaml.v3 itself reads as a second document
	// (or as trouble after the first) must not be dropped silently.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var first, second yaml.Node
	if err := dec.Decode(&first); err == nil {
		switch err := dec.Decode(&second); {
		case err == nil:
			t.Fatalf("Parse accepted a file with a second YAML document (line %d), which it ignores", second.Line)
		case err != io.EOF:
			t.Fatalf("Parse accepted a file whose rest after the first document yaml.v3 rejects (%v), and ignores it", err)
		}
	}
	if doc.Root == nil || doc.Root.Kind != yaml.MappingNode {
		t.Fatalf("Parse succeeded with a root that is not a mapping: %#v", doc.Root)
	}
	if _, ok := doc.Value.(map[string]any); !ok {
		t.Fatalf("Parse succeeded with a JSON view of type %T, want map[string]any", doc.Value)
	}
	for _, p := range fuzzPaths {
		line, col, exact := doc.Pos(p)
		if line < 1 || col < 1 {
			t.Errorf("Pos(%s) = %d:%d (exact %v), want a position >= 1:1", p, line, col, exact)
		}
		line, col, exact = doc.KeyPos(p)
		if line < 1 || col < 1 {
			t.Errorf("KeyPos(%s) = %d:%d (exact %v), want a position >= 1:1", p, line, col, exact)
		}
		_ = doc.Line(line)
		_ = p.String()
	}
	_ = doc.Line(0)
	_ = doc.Line(-1)
	_ = doc.Line(1 << 30)
}

// fuzzPaths are the paths the validator and renderer ask positions for,
// plus some that cannot exist.
var fuzzPaths = []notice.Path{
	nil,
	{"id"},
	{"title", "nb"},
	{"controller", "name"},
	{"controller", "email"},
	{"purposes", 0, "legal_basis", 0, "article"},
	{"purposes", 1 << 20},
	{"categories", 0, "id"},
	{"rights", "access", "limits", "nb"},
	{"retention", 0, "categories", 2},
	{0},
	{"0", 0, "0"},
	{"", "", ""},
	notice.ParsePointer("/purposes/0/name/nn"),
	notice.ParsePointer("/a~1b/~0c/-1/99999999999999999999"),
	notice.ParsePointer(""),
	notice.ParsePointer("/"),
}

func fuzzDefaults() *notice.Defaults {
	var n yaml.Node
	src := "controller: {name: Felles, kind: public_authority, email: a@b.no}\ndpo: {email: ombud@b.no}\ncomplaint: datatilsynet\n"
	if err := yaml.Unmarshal([]byte(src), &n); err != nil || len(n.Content) == 0 {
		panic("fuzz defaults: " + src)
	}
	return &notice.Defaults{Path: "personvern.yaml", Node: n.Content[0]}
}

// fuzzSeeds are the real notices and transcriptions in the repository,
// and inputs that have broken YAML loaders before.
func fuzzSeeds() [][]byte {
	seeds := testtool.NoticeSeeds()
	first := seeds[0]
	var extra [][]byte
	for _, s := range hostileSeeds() {
		extra = append(extra, []byte(s))
	}
	extra = append(extra,
		append(append([]byte(nil), first...), "\n---\nid: other\n"...),
		append(append([]byte(nil), first[:len(first)/2]...), 0xff, 0xfe),
	)
	return append(seeds, extra...)
}

// hostileSeeds are small inputs that have broken YAML loaders, and
// notices with markup and script links in every text field.
func hostileSeeds() []string {
	var deepBlock strings.Builder
	for i := 0; i < 150; i++ {
		deepBlock.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	out := []string{
		"",
		" ",
		"\n\n",
		"#",
		"# only a comment\n",
		"- a",
		"a",
		"~",
		"a: &x [*x]",
		"a: &x {b: *x}",
		"&x [*x]",
		"a: *x",
		"a: &x b\nc: *x\nd: *x\n",
		"a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
		"a: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n",
		"a: " + strings.Repeat("{b: ", 500) + "c" + strings.Repeat("}", 500) + "\n",
		deepBlock.String(),
		"a: " + strings.Repeat("- ", 300) + "x\n",
		"\xef\xbb\xbf",
		"\xef\xbb\xbfid: x\n",
		"id: x\r\ntitle: {nb: y}\r\n",
		"id: x\rtitle: {nb: y}\r",
		"id: \xff\xfe\n",
		"\xc3\x28",
		"id: a\x00b\n",
		"id: \"a\\x00b\\u2028c\"\n",
		"id: a\u2028title: b\u0085x: [\n",
		"id: a\n---\nid: b\n",
		"---\n...\n",
		"--- |\n  text\n",
		"id: a\n...\n---\n",
		"? [a]\n: b\n",
		"? {a: b}\n: c\n",
		"a: &x {b: 1}\nc:\n  <<: *x\n",
		"<<: {a: b}\n",
		"a: {b: 1, b: 2}\n",
		"id: a\nid: b\n",
		"%YAML 1.1\n%YAML 1.1\n---\na: b\n",
		"%TAG !x! tag:x,2000:\n--- !x!y {}\n",
		"--- !y!z {}\n",
		"a: !!binary aGVsbG8=\n",
		"a: !!int x\nb: !!float y\nc: !!bool z\nd: !!null q\n",
		"a: !!timestamp 2024-13-45\nb: 2024-05-01\nc: 1e999\nd: .nan\ne: -.inf\nf: 0x_1\n",
		"a: !!map [x]\n",
		"a: !!seq {b: c}\n",
		"a: !custom x\n",
		"\t",
		"a:\n\tb: c\n",
		"a: |\n  x\n b",
		"a: >-\n\n\n  x\n",
		"a: 'x\n",
		"a: \"x\n",
		"a: b: c\n",
		"a:\n  - b\n c: d\n",
		"[a, b",
		"{a: [b, {c: d}]",
		"a: [b, c]]\n",
		"- - - - -\n",
		": x\n",
		"? \n",
		"id: " + strings.Repeat("x", 70000) + "\n",
		strings.Repeat("a: b\n", 3) + strings.Repeat(" ", 10) + "c: d\n",
		testtool.HostileNotice(`<script>alert(1)</script>`),
		testtool.HostileNotice(`<img src=x onerror=alert(1)>`),
		testtool.HostileNotice(`" onmouseover="alert(1)`),
		testtool.HostileNotice(`<iframe src="javascript:alert(1)"></iframe>`),
		testtool.HostileNotice(`[klikk](javascript:alert(1))`),
		testtool.HostileNotice("</style><script>alert(1)</script><!--"),
		testtool.HostileNotice(`javascript:alert(1)`),
		markdownNotice(),
	}
	return out
}

// markdownNotice is a valid-looking notice whose free text tries every way
// Markdown has to smuggle in a script, an image or a dangerous link.
func markdownNotice() string {
	md := strconv.Quote(strings.Join([]string{
		"[a](javascript:alert(1))",
		"[b](JAVASCRIPT:alert(1))",
		"[c]( javascript:alert(1) )",
		"[d](<javascript:alert(1)>)",
		"[e](java&#115;cript:alert(1))",
		"[f](javascript&colon;alert(1))",
		"[g](java\\script:alert(1))",
		"[h][ref]",
		"<javascript:alert(1)>",
		"<JavaScript:alert(1)>",
		"![i](javascript:alert(1))",
		"![j](https://tracker.example/p.gif)",
		"[![k](x.png)](javascript:alert(1))",
		"<img src=x onerror=alert(1)>",
		"<script>alert(1)</script>",
		"<a href=\"javascript:alert(1)\">l</a>",
		"`<script>`",
		"```\n<script>alert(1)</script>\n```",
		"    <script>alert(1)</script>",
		"<!-- <script> -->",
		"<details open ontoggle=alert(1)>",
		"[m](data:text/html;base64,PHNjcmlwdD4=)",
		"[n](vbscript:msgbox)",
		"[o](file:///etc/passwd)",
		"[p](https://ok.example \"title\" onmouseover=alert(1))",
		"[ref]: javascript:alert(1)",
	}, "\n\n"))
	tx := "{nb: " + md + ", nn: " + md + "}"
	return `id: markdown
version: "1.0"
updated: 2024-05-01
languages: [nb, nn]
title: {nb: Markdown, nn: Markdown}
introduction: ` + tx + `
controller: {name: Eksempel kommune, kind: public_authority, email: post@eksempel.no, url: "https://eksempel.no"}
categories: [{id: contact, description: ` + tx + `}]
purposes: [{id: p, name: {nb: P, nn: P}, description: ` + tx + `, categories: [contact], legal_basis: [{article: "6(1)(e)", national_law: ` + tx + `}]}]
sources: [{id: you, kind: data_subject, description: ` + tx + `}]
recipients: []
transfers: []
retention: [{id: r, categories: [contact], period: P1Y, then: delete, criteria: ` + tx + `}]
rights: {access: {how: ` + tx + `}}
automated_decisions: []
complaint: datatilsynet
security: ` + tx + `
`
}
