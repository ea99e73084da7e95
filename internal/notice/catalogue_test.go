package notice

import (
	"testing"

	"github.com/personvern/personvern/internal/i18n/msgcheck"
	"github.com/personvern/personvern/templates"
)

// TestLoaderCatalogues: every message the loader writes (errAt's format,
// msg's, and the settings phrases callers give InputYAMLError) has a
// translation in loader.nb.yaml and loader.nn.yaml with the same verbs,
// and the catalogues hold nothing else.
func TestLoaderCatalogues(t *testing.T) {
	formats, problems, err := msgcheck.Formats(".", map[string]int{"errAt": 3, "msg": 0, "InputYAMLError": 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"../site", "../i18n"} {
		more, p, err := msgcheck.Formats(dir, map[string]int{"InputYAMLError": 2})
		if err != nil {
			t.Fatal(err)
		}
		problems = append(problems, p...)
		for k, v := range more {
			formats[k] = v
		}
	}
	delete(formats, "") // no settings to add
	if len(formats) < 25 {
		t.Fatalf("found only %d formats; the extraction is broken", len(formats))
	}
	problems = append(problems, msgcheck.Check(templates.FS, "loader", formats)...)
	for _, p := range problems {
		t.Error(p)
	}
}
