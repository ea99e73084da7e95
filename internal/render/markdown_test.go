package render

import (
	"strings"
	"testing"
)

// TestMarkdownIsSafe: what an author (or an attacker editing a notice)
// writes in a free-text field never becomes markup, a script or a
// dangerous link, in any format.
func TestMarkdownIsSafe(t *testing.T) {
	tests := []struct {
		name, in string
		html     string // must contain
	}{
		{"script tag", `Hei <script>alert(1)</script>`, `&lt;script&gt;alert(1)&lt;/script&gt;`},
		{"img onerror", `<img src=x onerror=alert(1)>`, `&lt;img src=x onerror=alert(1)&gt;`},
		{"javascript link", `[klikk](javascript:alert(1))`, `<p>klikk</p>`},
		{"JavaScript mixed case", `[klikk](JaVaScRiPt:alert(1))`, `<p>klikk</p>`},
		{"data link", `[klikk](data:text/html;base64,PHNjcmlwdD4=)`, `<p>klikk</p>`},
		{"vbscript autolink", `<vbscript:msgbox>`, `vbscript:msgbox`},
		{"image", `![sporing](https://tracker.example/p.gif)`, `<p>sporing</p>`},
		{"entity", `&lt;script&gt;`, `&lt;script&gt;`},
		{"heading demoted", "# Stor", `<h4>Stor</h4>`},
		{"safe link kept", `[Datatilsynet](https://www.datatilsynet.no)`, `<a href="https://www.datatilsynet.no">Datatilsynet</a>`},
		{"mailto kept", `<post@example.no>`, `<a href="mailto:post@example.no">post@example.no</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := string(RichHTML(Rich(tt.in)))
			if !strings.Contains(h, tt.html) {
				t.Errorf("html %q lacks %q", h, tt.html)
			}
			for _, bad := range []string{"<script", "<img", "javascript:", "JaVaScRiPt:", "data:text", "onerror=alert(1)>", "href=\"vbscript"} {
				if strings.Contains(h, bad) && !strings.Contains(h, "&lt;"+strings.TrimPrefix(bad, "<")) {
					t.Errorf("html %q contains %q", h, bad)
				}
			}
			m := RichMarkdown(Rich(tt.in))
			for _, bad := range []string{"<script", "<img", "](javascript:", "](JaVaScRiPt:", "](data:", "![", "<vbscript"} {
				if strings.Contains(m, bad) {
					t.Errorf("markdown %q contains %q", m, bad)
				}
			}
			// The Markdown we write must render to safe HTML too.
			h2 := string(RichHTML(Rich(m)))
			if strings.Contains(h2, "<script") || strings.Contains(h2, "<img") || strings.Contains(h2, "javascript:") {
				t.Errorf("markdown output %q renders unsafe: %q", m, h2)
			}
		})
	}
}

func TestMarkdownRoundTrip(t *testing.T) {
	in := "Første avsnitt med *vekt* og **sterk** tekst.\n\n- ett\n- to\n\nSe [Datatilsynet](https://www.datatilsynet.no)."
	if got, want := RichText(Rich(in)), "Første avsnitt med vekt og sterk tekst.\n\n- ett\n- to\n\nSe Datatilsynet (https://www.datatilsynet.no)."; got != want {
		t.Errorf("text:\n%s\nwant:\n%s", got, want)
	}
	if got := RichMarkdown(Rich(in)); RichHTML(Rich(got)) != RichHTML(Rich(in)) {
		t.Errorf("markdown output renders differently:\n%s", got)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"# ikke overskrift": `\# ikke overskrift`,
		"1. ikke liste":     `1\. ikke liste`,
		"a_b*c":             `a\_b\*c`,
		"<b>":               "&lt;b&gt;",
	} {
		if got := EscapeMarkdown(in); got != want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLineBreakInALine: a line break in a value (a DPO's name, any plain
// field) is a space in Markdown and text, so it cannot start a heading, a
// list or a field of its own there (attack review).
func TestLineBreakInALine(t *testing.T) {
	evil := "Linda\n\n# Injected heading\n\n1. fake list\r\nBehandlingsansvarlig: Evil Corp\u2028- x"
	blocks := []Block{fields(Field{"Navn", plain(evil)}), para(plain(evil)), list(item(plain(evil)))}
	md, err := mdBlocks(blocks)
	if err != nil {
		t.Fatal(err)
	}
	txt, err := txtBlocks(blocks)
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"md": md, "txt": txt} {
		for _, l := range strings.Split(out, "\n") {
			l = strings.TrimSpace(l)
			if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "1.") || strings.HasPrefix(l, "Behandlingsansvarlig") || strings.HasPrefix(l, "- x") {
				t.Errorf("%s: a line break in a value started a line of its own: %q", name, l)
			}
		}
	}
}
