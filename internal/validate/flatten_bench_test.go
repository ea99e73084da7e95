package validate

import (
	"os"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// BenchmarkSchema: the schema check of the largest example, with the
// $refs flattened (as New compiles it) and as the library compiles it.
func BenchmarkSchema(b *testing.B) {
	const file = "../../testdata/notices/inn-trondheim.yaml"
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	d, err := notice.Parse(file, src)
	if err != nil {
		b.Fatal(err)
	}
	for _, flat := range []bool{true, false} {
		name := "refs"
		if flat {
			name = "flat"
		}
		b.Run(name, func(b *testing.B) {
			s, err := compile(flat)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := s.Validate(d.Value); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
