package summary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stats measure how easy a text is to read.
type Stats struct {
	LIX             float64 // words/sentences + 100 × long words/words
	Words           int
	Sentences       int
	LongWords       int // more than six letters
	Longest         int // words in the longest sentence
	LongestSentence string
}

// Measure computes LIX (Björnsson's läsbarhetsindex), used for Norwegian
// plain-language work: LIX = words / sentences + 100 × (words of more than
// six letters) / words. Under 30 is very easy, 30 to 40 easy.
func Measure(text string) Stats {
	var st Stats
	for _, s := range Sentences(text) {
		n := words(s)
		if n == 0 {
			continue
		}
		st.Sentences++
		st.Words += n
		for _, w := range strings.Fields(s) {
			if letters(w) > 6 {
				st.LongWords++
			}
		}
		if n > st.Longest {
			st.Longest, st.LongestSentence = n, s
		}
	}
	if st.Words > 0 && st.Sentences > 0 {
		st.LIX = float64(st.Words)/float64(st.Sentences) + 100*float64(st.LongWords)/float64(st.Words)
	}
	return st
}

// Sentences splits text after '.', '!' or '?' followed by a space or the
// end, so that dots inside e-mail addresses and web addresses do not end
// a sentence.
func Sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		next := i + utf8.RuneLen(r)
		if next == len(text) || text[next] == ' ' || text[next] == '\n' {
			if s := strings.TrimSpace(text[start:next]); s != "" {
				out = append(out, s)
			}
			start = next
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// words counts the words of a sentence: runs of non-space characters that
// hold at least one letter or digit.
func words(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

func letters(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
