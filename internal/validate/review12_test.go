package validate

import "testing"

// TestQuestionTakesCitationAsSentence: a finding that ends in a question
// («mente du "contact"?») gives its citation as a sentence of its own,
// not «? (…).» (nb12 7, nn12 4); English keeps its bracket.
func TestQuestionTakesCitationAsSentence(t *testing.T) {
	for lang, want := range map[string]string{
		"nb": `mente du "contact"? Se personvernforordningen artikkel 13 nr. 1 bokstav c.`,
		"nn": `meinte du "contact"? Sjå personvernforordninga artikkel 13 nr. 1 bokstav c.`,
	} {
		m := messages(t, lang)
		q := map[string]string{"nb": `mente du "contact"?`, "nn": `meinte du "contact"?`}[lang]
		if got := WithCitation(m, q, citeIn(m, "13(1)(c)")); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
