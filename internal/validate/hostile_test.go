package validate

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/personvern/personvern/internal/notice"
)

// hostile inputs: each must give a clear error or finding, at a position
// where there is one, and never a panic or a hang.
func TestHostileInputs(t *testing.T) {
	valid, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	tests := []struct {
		name      string
		src       string
		line, col int    // 0: no position to check
		want      string // in the load error, or in a finding
	}{
		{"empty file", "", 1, 1, "file is empty"},
		{"only spaces", "  \n\n", 1, 1, "file is empty"},
		{"not a mapping", "- id: x\n", 1, 1, "must be a mapping"},
		{"a scalar", "just text\n", 1, 1, "must be a mapping"},
		{"multi-document", string(valid) + "---\nid: other\n", strings.Count(string(valid), "\n") + 1, 1, "more than one YAML document"},
		{"duplicate keys", "id: a\nversion: \"1\"\nid: b\n", 3, 1, `key "id" appears twice`},
		{"alias expansion bomb", bomb, 0, 0, "expands to more than"},
		{"nesting 10,000 deep", "a: " + deep + "\n", 0, 0, "deep"},
		{"invalid UTF-8", "id: a\ntitle: {nb: \"\xc3\x28\"}\n", 2, 14, "not valid UTF-8"},
		{"byte-order mark", "\xef\xbb\xbf" + string(valid), 0, 0, ""},
		{"CRLF line ends", strings.ReplaceAll(string(valid), "\n", "\r\n"), 0, 0, ""},
		{"tab indentation", "id: a\ncontroller:\n\tname: x\n", 3, 1, "malformed YAML"},
		{"wrong scalar type", strings.Replace(string(valid), "version: \"1.0\"", "version: [1, 0]", 1), 3, 1, "version: must be a text, not a list"},
		{"number for text", strings.Replace(string(valid), "title: {nb: Testtjenesten, nn: Testtenesta}", "title: {nb: 42, nn: Testtenesta}", 1), 6, 13, `title.nb: put the value in quotation marks, so that it is a text and not a number: nb: "42"`},
		// YAML reads 1.10 as the number 1.1: the fix keeps the file's text.
		{"version as a number", strings.Replace(string(valid), "version: \"1.0\"", "version: 1.10", 1), 3, 10, `version: put the value in quotation marks, so that it is a text and not a number: version: "1.10"`},
		{"unknown key", strings.Replace(string(valid), "id: valid\n", "id: valid\npurpouse: x\n", 1), 3, 1, `unknown field "purpouse"`},
		{"unknown vocabulary code", strings.Replace(string(valid), `"6(1)(e)"`, `"6(1)(z)"`, 1), 27, 18, `"6(1)(z)" does not exist`},
		{"id not a slug", strings.Replace(string(valid), "id: valid\n", "id: ../../etc\n", 1), 2, 5, `"../../etc" is not a valid id`},
		{"html in an id", strings.Replace(string(valid), "id: follow-up", "id: \"<script>\"", 1), 23, 9, "is not a valid id"},
		{"null document", "~\n", 1, 1, "must be a mapping"},
		{"merge key", "a: &x {b: 1}\nc:\n  <<: *x\n", 3, 3, "merge keys"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			go func() {
				defer close(done)
				doc, err := notice.Parse("h.yaml", []byte(tt.src))
				if err != nil {
					e, ok := err.(*notice.Error)
					if !ok {
						t.Errorf("error of type %T: %v", err, err)
						return
					}
					if tt.want == "" || !strings.Contains(e.Msg, tt.want) {
						t.Errorf("load error %q, want %q", e, tt.want)
					}
					if tt.line > 0 && (e.Line != tt.line || e.Col != tt.col) {
						t.Errorf("at %d:%d, want %d:%d (%v)", e.Line, e.Col, tt.line, tt.col, e)
					}
					return
				}
				fs := testValidator.Validate(doc)
				if tt.want == "" {
					for _, f := range fs {
						if f.Severity == Error || f.Rule != "id-filename" {
							t.Errorf("unexpected finding: %s", f)
						}
					}
					return
				}
				for _, f := range fs {
					if strings.Contains(f.String(), tt.want) {
						if tt.line > 0 && (f.Line != tt.line || f.Col != tt.col) {
							t.Errorf("%s at %d:%d, want %d:%d", tt.want, f.Line, f.Col, tt.line, tt.col)
						}
						return
					}
				}
				t.Errorf("no finding with %q:\n%s", tt.want, join(fs))
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("hangs")
			}
		})
	}
}

func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	// A file larger than the limit is refused before it is read whole.
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := notice.LoadFile(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("50 MB file: %v", err)
	}
	// A pipe named .yaml must not block the loader.
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		done := make(chan error, 1)
		go func() { _, err := notice.LoadFile(fifo); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("fifo: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("loading a fifo blocks")
		}
		os.Remove(fifo)
	}
	// A link in the notices folder that points outside it is refused.
	notices := filepath.Join(dir, "notices")
	_ = os.Mkdir(notices, 0o755)
	secret := filepath.Join(dir, "secret.yaml")
	_ = os.WriteFile(secret, []byte("id: secret\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(notices, "leak.yaml")); err != nil {
		t.Skip(err)
	}
	if _, err := notice.Find([]string{notices}); err == nil || !strings.Contains(err.Error(), "outside") {
		t.Errorf("link outside: %v", err)
	}
	os.Remove(filepath.Join(notices, "leak.yaml"))
	// A link inside the folder is fine.
	_ = os.WriteFile(filepath.Join(notices, "real.yaml"), []byte("id: real\n"), 0o644)
	_ = os.Symlink(filepath.Join(notices, "real.yaml"), filepath.Join(notices, "alias.yaml"))
	files, err := notice.Find([]string{notices})
	if err != nil || len(files) != 2 {
		t.Errorf("link inside: %v %v", files, err)
	}
}
