package diff

import "strings"

// Token is a run of words in a redline: kept ("="), inserted ("+") or
// deleted ("-").
type Token struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Redline compares two texts word by word (longest common subsequence of
// whitespace-separated words) and returns the runs of kept, deleted and
// inserted words. Texts of up to a few thousand words each are compared
// exactly; longer ones fall back to deleting the old and inserting the new.
func Redline(old, new string) []Token {
	return redlineWords(strings.Fields(old), strings.Fields(new))
}

// Break stands between two paragraphs or list items in the text of a
// token from RedlineBlocks: a word of its own, so a break kept, added or
// removed is compared like any other word.
const Break = "\n"

// RedlineBlocks is Redline for text of several paragraphs or list items,
// one a line (as render.RichText writes author Markdown, its markup
// gone): the lines stay apart, joined by Break, not run into one block
// (review nb 8, nn 18).
func RedlineBlocks(old, new string) []Token {
	return redlineWords(blockWords(old), blockWords(new))
}

func blockWords(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		w := strings.Fields(line)
		if len(w) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, Break)
		}
		out = append(out, w...)
	}
	return out
}

func redlineWords(a, b []string) []Token {
	if len(a)*len(b) > 4_000_000 {
		return compact([]Token{{"-", strings.Join(a, " ")}, {"+", strings.Join(b, " ")}})
	}
	// lcs[i][j] = length of the LCS of a[i:] and b[j:]
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Token
	add := func(op, w string) {
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += " " + w
			return
		}
		out = append(out, Token{op, w})
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			add("=", a[i])
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			add("+", b[j])
			j++
		default:
			add("-", a[i])
			i++
		}
	}
	return compact(out)
}

// compact orders each deletion before the insertion next to it, so a
// replaced phrase reads "[-old-]{+new+}".
func compact(ts []Token) []Token {
	var out []Token
	for _, t := range ts {
		if t.Text == "" {
			continue
		}
		if n := len(out); n > 0 && t.Op == "-" && out[n-1].Op == "+" {
			out = append(out[:n-1], t, out[n-1])
			continue
		}
		out = append(out, t)
	}
	return out
}
