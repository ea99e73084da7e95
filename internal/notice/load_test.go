package notice

import (
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src  string
		line, col  int
		msgContain string
	}{
		{"empty", "", 1, 1, "file is empty"},
		{"only comments", "# nothing\n", 1, 1, "no notice"},
		{"not a mapping", "- a\n- b\n", 1, 1, "must be a mapping"},
		{"scalar", "hello\n", 1, 1, "must be a mapping"},
		{"two documents", "id: a\n---\nid: b\n", 2, 1, "more than one YAML document"},
		{"content after end marker", "id: a\n...\nid: b\n", 3, 1, "text after the end of the notice"},
		{"garbage after the mapping", " 0:\nå0", 2, 1, "text after the end of the notice"},
		{"duplicate key", "id: a\ntitle: x\nid: b\n", 3, 1, `key "id" appears twice`},
		{"unclosed list", "id: a\ntitle: [x\n", 2, 1, "malformed YAML"},
		{"bad indent", "a:\n  - b\n c: d\n", 3, 1, "malformed YAML"},
		{"unclosed quote", "id: a\ntitle: 'x\n", 2, 1, "malformed YAML"},
		{"mapping in value", "a: b: c\n", 1, 1, "malformed YAML"},
		{"tab indent", "id: a\ncontroller:\n\tname: x\n", 3, 1, "malformed YAML"},
		{"invalid utf-8", "id: a\ntitle: \xff\n", 2, 8, "not valid UTF-8"},
		{"merge key", "a: &x {b: 1}\nc:\n  <<: *x\n", 3, 3, "merge keys"},
		{"complex key", "? [a]\n: b\n", 1, 3, "plain word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", []byte(tt.src))
			if err == nil {
				t.Fatal("no error")
			}
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %T %v", err, err)
			}
			if e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, tt.msgContain) {
				t.Errorf("got %v, want %d:%d containing %q", e, tt.line, tt.col, tt.msgContain)
			}
			if !strings.HasPrefix(e.Error(), "f.yaml:") {
				t.Errorf("error does not name the file: %v", e)
			}
		})
	}
}

func TestDocumentMarkers(t *testing.T) {
	for _, ok := range []string{"---\nid: a\n", "# c\n---\nid: a\n...\n# end\n", "id: |\n  ---\n  text\n", "id: a\n...\n"} {
		if _, err := Parse("f.yaml", []byte(ok)); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

func TestParseKeepsDatesAsWritten(t *testing.T) {
	d, err := Parse("f.yaml", []byte("\xef\xbb\xbfid: a\r\nupdated: 2024-05-01\r\nversion: 2.0\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := d.Value.(map[string]any)
	if m["updated"] != "2024-05-01" {
		t.Errorf("updated = %#v", m["updated"])
	}
	if m["version"] != 2.0 {
		t.Errorf("version = %#v", m["version"])
	}
	if d.Notice.Updated != "2024-05-01" || d.Notice.ID != "a" {
		t.Errorf("notice = %+v", d.Notice)
	}
}

func TestAliasBombIsRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	_, err := Parse("bomb.yaml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "expands to more than") {
		t.Fatalf("want expansion error, got %v", err)
	}
}

func TestPathString(t *testing.T) {
	if got := (Path{"purposes", 0, "legal_basis", 1, "article"}).String(); got != "purposes[0].legal_basis[1].article" {
		t.Error(got)
	}
	if got := ParsePointer("/purposes/0/a~1b"); got.String() != "purposes[0].a/b" {
		t.Error(got)
	}
}
