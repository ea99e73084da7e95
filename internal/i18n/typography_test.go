package i18n

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTypography: Typography does what the regular expressions do, on
// the edges of \b and \d, on random mixtures of them, and on every page
// and report the repository holds (goldens and the committed site).
func TestTypography(t *testing.T) {
	cases := []string{
		"", "§", "§ ", "§§ 3", " §§§ x", "§ 29 og §§ 30-31", "a§ b", "§\u00a03",
		"12 år", "a12 år", "x_3 år", "_1 år", "1 år_", "1 år1 år", "12 åre", "12 århundre", "12 årø", "12 år.",
		"3 uker", "3 ukers", "3 uke", "3 kr.", "3 kroner", "3 krone", "3  år", "3\u00a0år", "٣ år", "3 År",
		"6 måneder", "6 månedene", "6 månad", "6 månader", "1 time", "2 timar", "10 prosent", "10 prosentpoeng",
		"<p>I 12 uker etter § 5</p>", "12 år 3 uker 4 dager", "99999999999999999999 dagar", "ø1 år", "é3 veke",
	}
	tokens := []string{"§", " ", "1", "23", "år", "uke", "uker", "r", "a", "_", "å", "ø", ".", "\u00a0", "kr", "kroner", "måned", "e", "\n", "<b>"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.Intn(12) {
			b.WriteString(tokens[rng.Intn(len(tokens))])
		}
		cases = append(cases, b.String())
	}
	for _, dir := range []string{"../render/testdata", "../diff/testdata", "../site/testdata", "../../site"} {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".png") {
				return nil
			}
			if b, err := os.ReadFile(p); err == nil {
				cases = append(cases, string(b))
			}
			return nil
		})
	}
	if len(cases) < 20100 {
		t.Fatalf("only %d cases: the goldens were not found", len(cases))
	}
	for _, s := range cases {
		if got, want := Typography(s), typographyRE(s); got != want {
			t.Errorf("Typography(%.80q):\n%.200q\nwant\n%.200q", s, got, want)
		}
	}
}

func BenchmarkTypography(b *testing.B) {
	src, err := os.ReadFile("../../site/nb/joblearn/index.html")
	if err != nil {
		b.Skip(err)
	}
	s := string(src)
	b.SetBytes(int64(len(s)))
	for _, f := range []struct {
		name string
		fn   func(string) string
	}{{"scan", Typography}, {"regexp", typographyRE}} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				f.fn(s)
			}
		})
	}
}
