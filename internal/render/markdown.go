package render

import (
	"bytes"
	"html"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md is the one Markdown parser and HTML renderer for author text. It is
// safe for concurrent use. Raw HTML is never rendered (goldmark's default,
// and the sanitizer turns it into visible text); see sanitizer for links.
var md = goldmark.New(goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(sanitizer{}, 0))))

// sanitizer makes author Markdown safe for a public privacy page:
//   - images become their alt text: a privacy page makes no requests to
//     other hosts, and data: images are not needed;
//   - links other than http(s), mailto, tel, relative and #fragment keep
//     their text and lose the link (javascript:, data:, vbscript:, file:);
//   - raw HTML becomes literal text, so the author sees what they wrote;
//   - headings drop below the page's own (h4 and down), keeping the outline.
type sanitizer struct{}

func (sanitizer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var replace []func()
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image:
			alt := string(n.Text(src)) //nolint:staticcheck // alt text of the image
			replace = append(replace, func() { swap(n, ast.NewString([]byte(alt))) })
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			// Decide on the address a browser would see: character
			// references are decoded when the link is written, so
			// "javascript&colon;" must count as "javascript:".
			dest := html.UnescapeString(string(n.Destination))
			if !SafeURL(dest) {
				replace = append(replace, func() { unwrap(n) })
			} else {
				n.Destination = []byte(dest)
			}
		case *ast.AutoLink:
			if !SafeURL(html.UnescapeString(string(n.URL(src)))) {
				label := string(n.Label(src))
				replace = append(replace, func() { swap(n, ast.NewString([]byte(label))) })
			}
		case *ast.RawHTML:
			var b strings.Builder
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(seg.Value(src))
			}
			raw := b.String()
			replace = append(replace, func() { swap(n, ast.NewString([]byte(raw))) })
		case *ast.HTMLBlock:
			var b strings.Builder
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
			if n.HasClosure() {
				b.Write(n.ClosureLine.Value(src))
			}
			raw := strings.TrimRight(b.String(), "\n")
			replace = append(replace, func() {
				p := ast.NewParagraph()
				p.AppendChild(p, ast.NewString([]byte(raw)))
				swap(n, p)
			})
		case *ast.Heading:
			n.Level = min(n.Level+3, 6)
		}
		return ast.WalkContinue, nil
	})
	for _, f := range replace {
		f()
	}
}

func swap(old, new ast.Node) {
	if p := old.Parent(); p != nil {
		p.ReplaceChild(p, old, new)
	}
}

func unwrap(n ast.Node) {
	p := n.Parent()
	if p == nil {
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		p.InsertBefore(p, n, c)
		c = next
	}
	p.RemoveChild(p, n)
}

// SafeURL reports whether a link may appear on a published page: web,
// mail and phone links, and links within the site.
func SafeURL(u string) bool {
	u = strings.TrimSpace(u)
	lower := strings.ToLower(u)
	for _, scheme := range []string{"https://", "http://", "mailto:", "tel:"} {
		if strings.HasPrefix(lower, scheme) {
			return true
		}
	}
	// relative: no scheme before the first /, ? or #
	i := strings.IndexAny(u, ":/?#")
	return i < 0 || u[i] != ':'
}

func parse(r Rich) (ast.Node, []byte) {
	src := []byte(r)
	return md.Parser().Parse(text.NewReader(src)), src
}

// RichHTML renders author Markdown as safe HTML.
func RichHTML(r Rich) template.HTML {
	var buf bytes.Buffer
	doc, src := parse(r)
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return template.HTML(template.HTMLEscapeString(string(r)))
	}
	return template.HTML(strings.TrimRight(buf.String(), "\n")) //nolint:gosec // sanitized above
}

// RichMarkdown re-writes author Markdown from the sanitized tree, so that
// the Markdown page carries the same safe content as the HTML page, with
// every character that would start HTML escaped.
func RichMarkdown(r Rich) string {
	doc, src := parse(r)
	w := &mdWriter{src: src}
	w.blocks(doc, "")
	return strings.TrimRight(w.b.String(), "\n")
}

// RichText renders author Markdown as plain text: one logical line per
// paragraph or list item, which the text layout wraps.
func RichText(r Rich) string {
	doc, src := parse(r)
	w := &mdWriter{src: src, plain: true}
	w.blocks(doc, "")
	return strings.TrimRight(w.b.String(), "\n")
}

// mdWriter writes the sanitized tree as Markdown, or as plain text.
type mdWriter struct {
	src   []byte
	plain bool
	b     strings.Builder
}

func (w *mdWriter) blocks(n ast.Node, indent string) {
	first := true
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if !first {
			w.b.WriteString("\n")
		}
		first = false
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			w.b.WriteString(indent + w.inline(c) + "\n")
		case *ast.Heading:
			if w.plain {
				w.b.WriteString(indent + w.inline(c) + "\n")
			} else {
				w.b.WriteString(indent + strings.Repeat("#", c.Level) + " " + w.inline(c) + "\n")
			}
		case *ast.List:
			i := c.Start
			for it := c.FirstChild(); it != nil; it = it.NextSibling() {
				marker := "- "
				if c.IsOrdered() {
					marker = itoa(i) + ". "
					i++
				}
				w.listItem(it, indent, marker)
			}
		case *ast.Blockquote:
			var inner mdWriter
			inner.src, inner.plain = w.src, w.plain
			inner.blocks(c, "")
			prefix := "> "
			if w.plain {
				prefix = "  "
			}
			for _, l := range strings.Split(strings.TrimRight(inner.b.String(), "\n"), "\n") {
				w.b.WriteString(indent + strings.TrimRight(prefix+l, " ") + "\n")
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := c.Lines()
			var code []string
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				code = append(code, strings.TrimRight(string(seg.Value(w.src)), "\n"))
			}
			for _, l := range code {
				if w.plain {
					w.b.WriteString(indent + "    " + l + "\n")
				} else {
					w.b.WriteString(indent + "    " + escapeHTML(l) + "\n")
				}
			}
		case *ast.ThematicBreak:
			if !w.plain {
				w.b.WriteString(indent + "---\n")
			}
		default:
			w.b.WriteString(indent + w.inline(c) + "\n")
		}
	}
}

func (w *mdWriter) listItem(it ast.Node, indent, marker string) {
	var inner mdWriter
	inner.src, inner.plain = w.src, w.plain
	inner.blocks(it, "")
	lines := strings.Split(strings.TrimRight(inner.b.String(), "\n"), "\n")
	pad := strings.Repeat(" ", len(marker))
	for i, l := range lines {
		switch {
		case i == 0:
			w.b.WriteString(indent + marker + l + "\n")
		case l == "":
			w.b.WriteString("\n")
		default:
			w.b.WriteString(indent + pad + l + "\n")
		}
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var d []byte
	for ; i > 0; i /= 10 {
		d = append([]byte{byte('0' + i%10)}, d...)
	}
	return string(d)
}

func (w *mdWriter) inline(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			t := string(c.Segment.Value(w.src))
			if w.plain {
				b.WriteString(t)
			} else {
				b.WriteString(EscapeMarkdown(t))
			}
			if c.HardLineBreak() || c.SoftLineBreak() {
				b.WriteString(" ")
			}
		case *ast.String:
			if w.plain {
				b.Write(c.Value)
			} else {
				b.WriteString(EscapeMarkdown(string(c.Value)))
			}
		case *ast.CodeSpan:
			t := string(c.Text(w.src)) //nolint:staticcheck
			if w.plain {
				b.WriteString(t)
			} else {
				b.WriteString("`" + strings.ReplaceAll(t, "`", "'") + "`")
			}
		case *ast.Emphasis:
			inner := w.inline(c)
			if w.plain {
				b.WriteString(inner)
			} else {
				mark := strings.Repeat("*", c.Level)
				b.WriteString(mark + inner + mark)
			}
		case *ast.Link:
			label := w.inline(c)
			dest := string(c.Destination)
			if w.plain {
				b.WriteString(linkText(label, dest))
			} else {
				b.WriteString("[" + label + "](" + mdURL(dest) + ")")
			}
		case *ast.AutoLink:
			u := string(c.URL(w.src))
			if w.plain {
				b.WriteString(strings.TrimPrefix(u, "mailto:"))
			} else {
				b.WriteString("[" + EscapeMarkdown(string(c.Label(w.src))) + "](" + mdURL(u) + ")")
			}
		default:
			b.WriteString(w.inline(c))
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// linkText writes a link in plain text: its label, and the address in
// parentheses when it adds something.
func linkText(label, dest string) string {
	shown := strings.TrimPrefix(dest, "mailto:")
	if shown == label || dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "tel:") {
		return label
	}
	return label + " (" + shown + ")"
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "|", `\|`, "~", `\~`,
	// "!" followed by a link we write would make an image (found by fuzzing)
	"!", `\!`,
)

// EscapeMarkdown escapes text so that Markdown shows it literally and no
// HTML can come of it.
func EscapeMarkdown(s string) string {
	s = mdEscaper.Replace(s)
	// Characters that only matter at the start of a line.
	if strings.HasPrefix(s, "#") || strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "=") {
		s = `\` + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') {
		s = s[:i] + `\` + s[i:]
	}
	return s
}

func escapeHTML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// mdURL writes a link address into Markdown: only safe addresses (others
// become "#"), with the characters that could end the link or start a
// character reference escaped, so a viewer sees exactly this address.
func mdURL(u string) string {
	if !SafeURL(u) {
		return "#"
	}
	return mdURLEscaper.Replace(u)
}

// Built once: a Replacer builds its tables on first use.
var mdURLEscaper = strings.NewReplacer("&", "&amp;", " ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\\", "%5C", "\n", "%0A")
