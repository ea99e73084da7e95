package render_test

import (
	"bytes"
	"flag"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/render"
	"github.com/personvern/personvern/internal/testtool"
	"github.com/yuin/goldmark"
	goldmarkhtml "github.com/yuin/goldmark/renderer/html"
)

// strict adds two checks beyond "no script, no javascript: link": every
// link in HTML made from author Markdown obeys SafeURL's policy (web, mail,
// phone, relative), and the Markdown the renderer writes stays safe when a
// viewer renders it without sanitizing (raw HTML and any link passed on).
// go test ./internal/render -run '^$' -fuzz '^FuzzMarkdown$' -fuzz.strict
var strict = flag.Bool("fuzz.strict", true, "also check the link policy and Markdown output under an unsanitizing viewer")

// fuzzRenderer is created once: parsing the templates per input would
// measure html/template, not the notice.
var fuzzRenderer = func() *render.Renderer {
	r, err := render.Default()
	if err != nil {
		panic(err)
	}
	return r
}()

// permissive renders Markdown the way a viewer that does not sanitize
// would: raw HTML and every link scheme pass through.
var permissive = goldmark.New(goldmark.WithRendererOptions(goldmarkhtml.WithUnsafe()))

// FuzzRender: any notice that parses renders in every language and format
// without a panic, errors or not (the renderer must survive a notice that
// validation would refuse), and what it writes is never live markup.
//
//	go test ./internal/render -run '^$' -fuzz '^FuzzRender$' -fuzztime 60s -parallel 2
func FuzzRender(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := notice.Parse("f.yaml", data)
		if err != nil {
			return
		}
		n := &doc.Notice
		testtool.WithDeadline(t, func() {
			for _, lang := range []string{"nb", "nn"} {
				for _, format := range render.Formats {
					var buf bytes.Buffer
					// An error (an unknown language in languages:, say) is
					// allowed; what was written before it is still checked.
					_ = fuzzRenderer.Render(&buf, n, render.Options{Lang: lang, Format: format})
					checkPage(t, lang+"."+format, format, buf.String())
				}
				// The change history compares versions inside the page.
				var buf bytes.Buffer
				_ = fuzzRenderer.Render(&buf, n, render.Options{Lang: lang, Format: "html", ShowHistory: true, History: []*notice.Notice{{}, n}})
				checkPage(t, lang+".html with history", "html", buf.String())
				// The diff report quotes every text of both versions.
				cat, err := fuzzRenderer.Catalog(lang)
				if err != nil {
					t.Fatal(err)
				}
				rep := diff.Compare(&notice.Notice{}, n, "a", "b", cat)
				for _, format := range []string{"html", "md"} {
					buf.Reset()
					if err := fuzzRenderer.RenderDiff(&buf, rep, format); err != nil {
						t.Errorf("RenderDiff(%s): %v", format, err)
					}
					checkPage(t, lang+" diff."+format, format, buf.String())
				}
			}
		})
	})
}

// FuzzMarkdown: author Markdown, whatever it holds, renders to HTML with
// no script, image or dangerous link, and the Markdown and text written
// from it are as safe.
//
//	go test ./internal/render -run '^$' -fuzz '^FuzzMarkdown$' -fuzztime 60s -parallel 2
func FuzzMarkdown(f *testing.F) {
	for _, s := range markdownSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		testtool.WithDeadline(t, func() {
			h := string(render.RichHTML(render.Rich(s)))
			checkHTML(t, "RichHTML", h, true)
			m := render.RichMarkdown(render.Rich(s))
			checkMarkdown(t, "RichMarkdown", m)
			_ = render.RichText(render.Rich(s))
			_ = render.EscapeMarkdown(s)
			_ = render.SafeURL(s)
			_ = render.Wrap(s, 80)
		})
	})
}

func checkPage(t *testing.T, what, format, out string) {
	t.Helper()
	switch format {
	case "html":
		checkHTML(t, what, out, false)
	case "md":
		checkMarkdown(t, what, out)
	}
}

// checkMarkdown renders Markdown output through RichHTML, as the brief of
// the Markdown page promises it reads the same as the HTML page, and, with
// -fuzz.strict, through a viewer that does not sanitize.
func checkMarkdown(t *testing.T, what, md string) {
	t.Helper()
	checkHTML(t, what+" through RichHTML", string(render.RichHTML(render.Rich(md))), true)
	if *strict {
		var buf bytes.Buffer
		if err := permissive.Convert([]byte(md), &buf); err != nil {
			t.Errorf("%s: %v", what, err)
		}
		checkHTML(t, what+" through an unsanitizing Markdown viewer", buf.String(), true)
	}
}

var (
	rawTagRE = regexp.MustCompile(`(?i)<(script|img|iframe)`)
	// Tags that run script, load from elsewhere or submit: neither the
	// templates nor the sanitized Markdown ever write them.
	liveTags = map[string]bool{
		"script": true, "img": true, "iframe": true, "frame": true, "frameset": true, "object": true,
		"embed": true, "applet": true, "svg": true, "math": true, "base": true, "form": true,
		"input": true, "button": true, "video": true, "audio": true, "source": true, "picture": true,
		"image": true, "isindex": true, "template": true, "xmp": true, "noscript": true,
	}
	urlAttrs = map[string]bool{
		"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
		"poster": true, "background": true, "srcset": true, "data": true, "ping": true, "cite": true,
	}
)

// checkHTML fails on live markup in out: a script, image or frame tag, an
// event-handler attribute, a javascript:, vbscript: or data: URL in a URL
// attribute, or a meta refresh. Escaped text (&lt;script&gt;) is text.
// author: out is HTML from author Markdown only, so every link must also
// pass SafeURL (checked with -fuzz.strict).
func checkHTML(t *testing.T, what, out string, author bool) {
	t.Helper()
	if m := rawTagRE.FindString(out); m != "" {
		t.Errorf("%s: live %s in:\n%s", what, m, excerpt(out, m))
	}
	for _, tag := range scanTags(out) {
		if liveTags[tag.name] {
			t.Errorf("%s: live <%s> tag: %s", what, tag.name, tag.raw)
		}
		for _, a := range tag.attrs {
			switch {
			case strings.HasPrefix(a.name, "on"):
				t.Errorf("%s: event handler attribute %s: %s", what, a.name, tag.raw)
			case a.name == "style" && dangerousCSS(a.val):
				t.Errorf("%s: script in style attribute: %s", what, tag.raw)
			case tag.name == "meta" && a.name == "http-equiv":
				t.Errorf("%s: meta http-equiv: %s", what, tag.raw)
			case urlAttrs[a.name] && dangerousURL(a.val):
				t.Errorf("%s: dangerous URL in %s=: %s", what, a.name, tag.raw)
			case *strict && author && a.name == "href" && !render.SafeURL(a.val):
				t.Errorf("%s: link %q breaks the SafeURL policy (only http(s), mailto, tel, relative): %s", what, a.val, tag.raw)
			}
		}
	}
}

func excerpt(s, m string) string {
	i := strings.Index(s, m)
	return s[max(0, i-200):min(len(s), i+200)]
}

// dangerousURL reports whether a browser would run the URL as script, or
// show it as a page from nowhere (data: other than a picture): it drops what browsers drop (leading C0
// controls and spaces, tabs and newlines anywhere) before looking at the
// scheme.
func dangerousURL(v string) bool {
	var b strings.Builder
	for _, r := range v {
		if r <= ' ' || r == 0x7f {
			continue
		}
		b.WriteRune(r)
	}
	u := strings.ToLower(b.String())
	for _, scheme := range []string{"javascript:", "vbscript:", "livescript:"} {
		if strings.HasPrefix(u, scheme) {
			return true
		}
	}
	if rest, ok := strings.CutPrefix(u, "data:"); ok {
		for _, img := range []string{"image/png", "image/gif", "image/jpeg", "image/webp"} {
			if strings.HasPrefix(rest, img) {
				return false // a picture, not a page
			}
		}
		return true
	}
	return false
}

func dangerousCSS(v string) bool {
	v = strings.ToLower(v)
	return strings.Contains(v, "javascript:") || strings.Contains(v, "expression(") || strings.Contains(v, "url(")
}

type htmlTag struct {
	name  string
	attrs []htmlAttr
	raw   string
}

type htmlAttr struct{ name, val string }

// scanTags finds the start tags in s the way a browser tokenizes them,
// closely enough for the checks above: comments, end tags and the
// contents of raw-text elements are skipped, attribute values are
// unquoted and entity-decoded.
func scanTags(s string) []htmlTag {
	var tags []htmlTag
	i := 0
	for i < len(s) {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		rest := s[i+1:]
		switch {
		case strings.HasPrefix(rest, "!--"):
			end := strings.Index(rest[3:], "-->")
			if end < 0 {
				return tags
			}
			i += 1 + 3 + end + 3
			continue
		case strings.HasPrefix(rest, "!"), strings.HasPrefix(rest, "?"), strings.HasPrefix(rest, "/"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return tags
			}
			i += 1 + end + 1
			continue
		case rest == "" || !isLetter(rest[0]):
			i++
			continue
		}
		start := i
		j := i + 1
		for j < len(s) && !isSpace(s[j]) && s[j] != '>' && s[j] != '/' {
			j++
		}
		tag := htmlTag{name: strings.ToLower(s[i+1 : j])}
		for j < len(s) {
			for j < len(s) && (isSpace(s[j]) || s[j] == '/') {
				j++
			}
			if j >= len(s) {
				break
			}
			if s[j] == '>' {
				j++
				break
			}
			k := j + 1 // a name may start with '='
			for k < len(s) && !isSpace(s[k]) && s[k] != '/' && s[k] != '>' && s[k] != '=' {
				k++
			}
			name := strings.ToLower(s[j:k])
			j = k
			for j < len(s) && isSpace(s[j]) {
				j++
			}
			val := ""
			if j < len(s) && s[j] == '=' {
				j++
				for j < len(s) && isSpace(s[j]) {
					j++
				}
				if j < len(s) && (s[j] == '"' || s[j] == '\'') {
					q := s[j]
					if e := strings.IndexByte(s[j+1:], q); e >= 0 {
						val, j = s[j+1:j+1+e], j+1+e+1
					} else {
						val, j = s[j+1:], len(s)
					}
				} else {
					k := j
					for k < len(s) && !isSpace(s[k]) && s[k] != '>' {
						k++
					}
					val, j = s[j:k], k
				}
			}
			tag.attrs = append(tag.attrs, htmlAttr{name, html.UnescapeString(val)})
		}
		tag.raw = s[start:min(j, start+300)]
		tags = append(tags, tag)
		i = j
		switch tag.name {
		case "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext":
			end := strings.Index(strings.ToLower(s[i:]), "</"+tag.name)
			if end < 0 {
				return tags
			}
			i += end
		}
	}
	return tags
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// markdownPayloads try every way Markdown has to smuggle in a script, an
// image, an event handler or a dangerous link.
var markdownPayloads = []string{
	"[a](javascript:alert(1))",
	"[b](JAVASCRIPT:alert(1))",
	"[c]( javascript:alert(1) )",
	"[d](<javascript:alert(1)>)",
	"[e](java&#115;cript:alert(1))",
	"[f](javascript&colon;alert(1))",
	"[g](javascript&#58;alert(1))",
	"[h](java\\script:alert(1))",
	"[i](\\javascript:alert(1))",
	"[j][ref]\n\n[ref]: javascript:alert(1)",
	"[k]\n\n[k]: <javascript:alert(1)> \"t\"",
	"<javascript:alert(1)>",
	"<JavaScript:alert(1)>",
	"<vbscript:msgbox>",
	"![l](javascript:alert(1))",
	"![m](https://tracker.example/p.gif \"t\")",
	"[![n](x.png)](javascript:alert(1))",
	"![o][img]\n\n[img]: https://tracker.example/p.gif",
	"<img src=x onerror=alert(1)>",
	"<IMG SRC=x onerror=alert(1)>",
	"<script>alert(1)</script>",
	"<scr<script>ipt>alert(1)</script>",
	"<a href=\"javascript:alert(1)\">p</a>",
	"<iframe src=\"https://evil.example\"></iframe>",
	"<svg onload=alert(1)>",
	"<details open ontoggle=alert(1)>",
	"</style><script>alert(1)</script>",
	"<!-- <script>alert(1)</script> -->",
	"<![CDATA[<script>]]>",
	"<?php echo 1 ?>",
	"`<script>alert(1)</script>`",
	"`` `<img src=x onerror=alert(1)>` ``",
	"```\n<script>alert(1)</script>\n```",
	"```<script>\nx\n```",
	"    <script>alert(1)</script>",
	"> <script>alert(1)</script>\n> [q](javascript:alert(1))",
	"- <script>alert(1)</script>\n  - [r](javascript:alert(1))",
	"1. <img src=x onerror=alert(1)>",
	"# <script>alert(1)</script>",
	"Setext\n===",
	"[s](data:text/html;base64,PHNjcmlwdD4=)",
	"[t](data:image/svg+xml,<svg onload=alert(1)>)",
	"[u](file:///etc/passwd)",
	"[v](ms-msdt&colon;/id)",
	"[w](https://ok.example \"title\" onmouseover=alert(1))",
	"[x](https://ok.example \"\\\" onmouseover=alert(1)\")",
	"[y](<https://ok.example> 'a\"b')",
	"*<script>*alert(1)*</script>*",
	"\\<script>alert(1)\\</script>",
	"&lt;script&gt;alert(1)&lt;/script&gt; &#60;script&#62;",
	"&#x3C;img src=x onerror=alert(1)&#x3E;",
	"<https://ok.example/\"onmouseover=\"alert(1)>",
	"<post@example.no>",
	"https://www.datatilsynet.no",
	"a  \nb\\\nc",
	"| a | b |\n|---|---|\n| <script> | x |",
	"[z](#frag) [aa](/rel) [bb](rel?x:y) [cc](mailto:a@b.no) [dd](tel:+4722000000)",
	"\x00<script>\ufffd",
	"<",
	"[",
	"![",
	"[](",
	"",
}

func markdownSeeds() []string {
	out := append([]string(nil), markdownPayloads...)
	out = append(out, strings.Join(markdownPayloads, "\n\n"))
	// The free texts of the real notices.
	for _, b := range fuzzSeeds()[:min(len(fuzzSeeds()), 12)] {
		doc, err := notice.Parse("f.yaml", b)
		if err != nil {
			continue
		}
		for _, tx := range []notice.Text{doc.Notice.Introduction, doc.Notice.Security} {
			for _, s := range tx {
				out = append(out, s)
			}
		}
		for _, p := range doc.Notice.Purposes {
			for _, s := range p.Description {
				out = append(out, s)
			}
		}
	}
	return out
}

// fuzzSeeds are the real notices and transcriptions in the repository,
// and notices with markup and script links in every text field.
func fuzzSeeds() [][]byte {
	return testtool.NoticeSeeds(
		[]byte("id: x\nlanguages: [xx, nb, \"../../x\"]\ntitle: {nb: \"<script>\"}\n"),
		[]byte("id: \"javascript:alert(1)//\"\nlanguages: [nb, nn]\n"),
		[]byte("controller: {email: \"a@b.no\\\" onmouseover=\\\"alert(1)\", phone: \"javascript:alert(1)\", url: \"JAVASCRIPT:alert(1)\"}\n"),
		[]byte("retention: [{id: r, categories: [a], period: P99999999999999999999Y, then: x}]\nupdated: \"2024-02-30\"\n"),
		[]byte(testtool.HostileNotice(`<script>alert(1)</script>`)),
		[]byte(testtool.HostileNotice(`<img src=x onerror=alert(1)>`)),
		[]byte(testtool.HostileNotice(`" onmouseover="alert(1)`)),
		[]byte(testtool.HostileNotice(`' onmouseover='alert(1)`)),
		[]byte(testtool.HostileNotice(`<iframe src="javascript:alert(1)"></iframe>`)),
		[]byte(testtool.HostileNotice(`[klikk](javascript:alert(1))`)),
		[]byte(testtool.HostileNotice(`</style><script>alert(1)</script><!--`)),
		[]byte(testtool.HostileNotice(`javascript:alert(1)`)),
		[]byte(testtool.HostileNotice(strings.Join(markdownPayloads, "\n\n"))),
	)
}
