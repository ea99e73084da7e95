package render

import (
	"fmt"
	"strings"
)

// BlockKind is what a block of the page view is. Every kind is written by
// the HTML template's "blocks" and by writeBlocks, the one writer of the
// Markdown and text pages; a kind either does not know fails the render
// rather than vanishing from one format.
type BlockKind string

const (
	BlockPara   BlockKind = "p"      // a line of text
	BlockRich   BlockKind = "rich"   // author Markdown
	BlockH3     BlockKind = "h3"     // a subheading
	BlockList   BlockKind = "list"   // items, each a head line and blocks under it
	BlockFields BlockKind = "fields" // label/value pairs (contact details)
	BlockTable  BlockKind = "table"  // rows under column headings (cookies)
)

// BlockKinds lists every kind, for the test that each format writes each.
var BlockKinds = []BlockKind{BlockPara, BlockRich, BlockH3, BlockList, BlockFields, BlockTable}

// writeBlocks writes blocks as Markdown (md) or as plain text, indented by
// indent. Blocks are separated by a blank line, except under a list item
// of the text page, where they follow the item's head line directly.
// The blocks under a list item are written by this same function, so a
// kind is written the same wherever it appears.
func writeBlocks(b *strings.Builder, blocks []Block, indent string, md, nested bool) error {
	line := txtLine
	if md {
		line = mdLine
	}
	prevList := false
	for _, bl := range blocks {
		if md || !nested {
			b.WriteString("\n")
		}
		// In CommonMark two "-" lists with only a blank line between
		// are one list: the contact details after a list of purposes
		// read as one more purpose. An HTML comment ends the first.
		isList := bl.Kind == BlockList || bl.Kind == BlockFields
		if md && prevList && (isList || (bl.Kind == BlockRich && mdStartsList(RichMarkdown(bl.Rich)))) {
			b.WriteString(indent + "<!-- -->\n\n")
		}
		prevList = isList || (bl.Kind == BlockRich && mdEndsList(RichMarkdown(bl.Rich)))
		switch bl.Kind {
		case BlockPara:
			b.WriteString(indent + line(bl.Text) + "\n")
		case BlockH3:
			if md {
				b.WriteString(indent + "### " + line(bl.Text) + "\n")
			} else {
				b.WriteString(indent + line(bl.Text) + "\n")
			}
		case BlockRich:
			r := RichText(bl.Rich)
			if md {
				r = RichMarkdown(bl.Rich)
			}
			b.WriteString(indentLines(indent, r) + "\n")
		case BlockFields:
			for _, f := range bl.Fields {
				if md {
					b.WriteString(indent + "- " + EscapeMarkdown(f.Label) + ": " + line(f.Value) + "\n")
				} else {
					b.WriteString(indent + f.Label + ": " + line(f.Value) + "\n")
				}
			}
		case BlockList:
			for _, it := range bl.Items {
				b.WriteString(indent + "- " + line(it.Head) + "\n")
				if err := writeBlocks(b, it.Body, indent+"  ", md, true); err != nil {
					return err
				}
			}
		case BlockTable:
			if bl.Table == nil {
				return fmt.Errorf("a table block has no table")
			}
			if md {
				b.WriteString(indent + "**" + EscapeMarkdown(bl.Table.Caption) + "**\n\n")
				writeMarkdownTable(b, bl.Table, indent)
				continue
			}
			// A text page has no columns to spare at 80 characters: each
			// row is an item, its cells label/value pairs under it, as the
			// contact details are.
			b.WriteString(indent + bl.Table.Caption + "\n")
			if err := writeBlocks(b, []Block{bl.Table.asList()}, indent, md, true); err != nil {
				return err
			}
		default:
			return unknownBlock(bl.Kind)
		}
	}
	return nil
}

// writeMarkdownTable writes a table as a GFM pipe table, which GitHub and
// GitLab show as a table and a plain CommonMark viewer as readable rows.
func writeMarkdownTable(b *strings.Builder, t *Table, indent string) {
	row := func(cells []string) {
		b.WriteString(indent + "|")
		for _, c := range cells {
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	head := make([]string, len(t.Head))
	rule := make([]string, len(t.Head))
	for i, h := range t.Head {
		head[i], rule[i] = EscapeMarkdown(h), "---"
	}
	row(head)
	row(rule)
	for _, r := range t.Rows {
		cells := make([]string, len(t.Head))
		for i := range cells {
			if i < len(r) {
				cells[i] = mdLine(r[i])
			}
		}
		row(cells)
	}
}

// asList is the table as a list: each row an item headed by its first
// cell, with the other cells as fields under the column headings.
func (t *Table) asList() Block {
	var items []Item
	for _, r := range t.Rows {
		if len(r) == 0 {
			continue
		}
		var fs []Field
		for i := 1; i < len(r) && i < len(t.Head); i++ {
			fs = append(fs, Field{t.Head[i], r[i]})
		}
		items = append(items, item(r[0], fields(fs...)))
	}
	return list(items...)
}

// mdStartsList and mdEndsList say whether Markdown text opens or closes
// with a "-" list item, which a "-" list next to it would join.
func mdStartsList(s string) bool {
	return strings.HasPrefix(strings.TrimLeft(s, " \n"), "- ")
}

func mdEndsList(s string) bool {
	s = strings.TrimRight(s, " \n")
	last := s[strings.LastIndex(s, "\n")+1:]
	if strings.HasPrefix(strings.TrimLeft(last, " "), "- ") {
		return true
	}
	// The last paragraph of an item is indented under it.
	return strings.HasPrefix(last, "  ") && strings.Contains(s, "\n- ")
}

func unknownBlock(k BlockKind) error {
	return fmt.Errorf("block kind %q has no layout; add it to writeBlocks and the HTML template's \"blocks\"", k)
}

// mdBlocks and txtBlocks are the template functions of the Markdown and
// text pages.
func mdBlocks(blocks []Block) (string, error) {
	var b strings.Builder
	err := writeBlocks(&b, blocks, "", true, false)
	return b.String(), err
}

func txtBlocks(blocks []Block) (string, error) {
	var b strings.Builder
	err := writeBlocks(&b, blocks, "", false, false)
	return b.String(), err
}

// mdLine writes inline text as Markdown: links and strong text marked up,
// the rest escaped.
func mdLine(l Line) string {
	var b strings.Builder
	for _, s := range l {
		t := EscapeMarkdown(oneLine(s.Text))
		if s.Href != "" {
			t = "[" + t + "](" + mdURL(s.Href) + ")"
		}
		if s.Strong {
			t = "**" + t + "**"
		}
		b.WriteString(t)
	}
	return b.String()
}

// txtLine writes inline text as plain text, a link as its label and, when
// it adds something, its address.
func txtLine(l Line) string {
	var b strings.Builder
	for _, s := range l {
		if s.Href != "" {
			b.WriteString(linkText(oneLine(s.Text), s.Href))
		} else {
			b.WriteString(oneLine(s.Text))
		}
	}
	return b.String()
}

// oneLine folds the line breaks of a line's text into spaces. A Line is
// one line of the page: a name or a value with a line break in it (a DPO
// "named" "Linda\n\n# Heading") would otherwise start a heading, a list or
// a field of its own in Markdown and text, where only the start of the
// whole string is escaped.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\v\f\u0085\u2028\u2029") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s)
}

// indentLines puts pad before every line that is not empty.
func indentLines(pad, s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}
