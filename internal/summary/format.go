package summary

import (
	"fmt"
	"strconv"
)

// String formats the stats for people: "LIX 31.3, 23 sentences, longest
// 18 words: «...»".
func (s Stats) String() string {
	return fmt.Sprintf("LIX %.1f, %d sentences, %d words (%d long), longest %d words: «%s»", s.LIX, s.Sentences, s.Words, s.LongWords, s.Longest, s.LongestSentence)
}

func strconvF(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

func itoa(i int) string { return strconv.Itoa(i) }
