package render

import (
	"encoding/json"
	"io"
)

// Format is one output of a notice: the --format name, the file it is in a
// notice's folder of the site, the template that lays it out and its media
// type. OutputFormats drives template parsing, Render, the site's files and
// render --format, so a format is one row here (and a template).
type Format struct {
	Name      string // the --format value
	File      string // file name in the site's <lang>/<id>/ folder; "" when the site does not publish it
	Template  string // the template file; "" for a format written from the notice itself
	MediaType string
	html      bool                // an html/template, which escapes for HTML
	finish    func([]byte) []byte // what follows the template: blank lines tidied, lines wrapped
	write     func(io.Writer, *Page) error
}

// OutputFormats are the formats Render writes, in the order of --help.
var OutputFormats = []Format{
	{Name: "html", File: "index.html", Template: "notice.html.tmpl", MediaType: "text/html; charset=utf-8", html: true},
	{Name: "md", File: "index.md", Template: "notice.md.tmpl", MediaType: "text/markdown; charset=utf-8", finish: tidy},
	{Name: "txt", Template: "notice.txt.tmpl", MediaType: "text/plain; charset=utf-8", finish: wrapped},
	// "Kort fortalt" alone, as text.
	{Name: "summary", File: "summary.txt", Template: "summary.txt.tmpl", MediaType: "text/plain; charset=utf-8", finish: wrapped},
	// The notice as data, the same in every language: the model's JSON.
	{Name: "json", File: "notice.json", MediaType: "application/json", write: writeJSON},
}

// Formats are the names of OutputFormats, for --format.
var Formats = func() []string {
	var names []string
	for _, f := range OutputFormats {
		names = append(names, f.Name)
	}
	return names
}()

// LookupFormat finds a format by name.
func LookupFormat(name string) (Format, bool) {
	for _, f := range OutputFormats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// SiteFormats are the formats the site publishes for each notice and
// language, each in its File.
func SiteFormats() []Format {
	var out []Format
	for _, f := range OutputFormats {
		if f.File != "" {
			out = append(out, f)
		}
	}
	return out
}

func wrapped(b []byte) []byte { return []byte(Wrap(string(tidy(b)), 80)) }

func writeJSON(w io.Writer, p *Page) error {
	b, err := json.MarshalIndent(p.notice, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
