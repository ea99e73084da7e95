package site

import (
	"bytes"
	"os"
	"testing"

	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/render"
	"github.com/personvern/personvern/internal/summary"
	"github.com/personvern/personvern/internal/validate"
	"gopkg.in/yaml.v3"
)

// Benchmarks of one notice through each stage, with allocations:
// go test ./internal/site -run '^$' -bench . -benchmem

const benchNotice = "../../testdata/notices/inn-trondheim.yaml" // the largest example

func benchSrc(b *testing.B) []byte {
	src, err := os.ReadFile(benchNotice)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

func benchDoc(b *testing.B) *notice.Document {
	d, err := notice.Parse(benchNotice, benchSrc(b))
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func BenchmarkLoad(b *testing.B) {
	src := benchSrc(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := notice.Parse(benchNotice, src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkYAMLOnly is yaml.v3 alone parsing the same file into nodes: the
// floor under Load, and so under validate, that personvern cannot go below
// while it reads YAML with yaml.v3.
func BenchmarkYAMLOnly(b *testing.B) {
	src := benchSrc(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var n yaml.Node
		if err := yaml.NewDecoder(bytes.NewReader(src)).Decode(&n); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	d := benchDoc(b)
	v, err := validate.New()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if fs := v.Validate(d); countErrors(fs) > 0 {
			b.Fatal(fs)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	d := benchDoc(b)
	r, err := render.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range render.Formats {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := r.Render(&buf, &d.Notice, render.Options{Lang: "nn", Format: format}); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}

func BenchmarkSummary(b *testing.B) {
	d := benchDoc(b)
	r, _ := render.Default()
	c, _ := r.Catalog("nb")
	b.ReportAllocs()
	for b.Loop() {
		summary.Measure(summary.Build(&d.Notice, c).Text())
	}
}

func BenchmarkDiff(b *testing.B) {
	src := benchSrc(b)
	old, err := notice.Parse(benchNotice, src)
	if err != nil {
		b.Fatal(err)
	}
	changed := bytes.Replace(src, []byte("then: archive"), []byte("then: delete"), 1)
	changed = bytes.Replace(changed, []byte("Vi "), []byte("Vi nå "), 5)
	new, err := notice.Parse(benchNotice, changed)
	if err != nil {
		b.Fatal(err)
	}
	r, _ := render.Default()
	c, _ := r.Catalog("nb")
	b.ReportAllocs()
	for b.Loop() {
		if rep := diff.Compare(&old.Notice, &new.Notice, "a", "b", c); len(rep.Changes) == 0 {
			b.Fatal("no changes")
		}
	}
}

func countErrors(fs []validate.Finding) int {
	n, _ := validate.Count(fs)
	return n
}
