package check

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/validate"
)

const body = `version: "1.0"
updated: 2024-05-01
languages: [nb]
title: {nb: Tjenesten}
categories: [{id: contact}]
purposes:
  - id: service
    name: {nb: Levere tjenesten}
    categories: [contact]
    legal_basis: [{article: "6(1)(b)"}]
sources: [{id: you, kind: data_subject}]
provision: {requirement: contractual, consequences: {nb: Vi kan ikke levere tjenesten.}}
recipients: []
transfers: []
retention: [{id: r, categories: [contact], period: P1Y, then: delete}]
rights: {access: {}, rectification: {}, erasure: {}, restriction: {}}
automated_decisions: []
complaint: datatilsynet
`

// TestCacheWithDefaults: findings inside the defaults are kept like the
// notice's own (a record with them is not taken for a damaged one and
// checked again on every run), and other defaults are another cache.
func TestCacheWithDefaults(t *testing.T) {
	t.Setenv("PERSONVERN_CACHE", t.TempDir())
	dir := t.TempDir()
	var files []string
	for _, id := range []string{"a", "b"} {
		f := filepath.Join(dir, id+".yaml")
		writeAged(t, f, []byte("id: "+id+"\n"+body))
		files = append(files, f)
	}
	cfg := filepath.Join(dir, notice.ConfigName)
	loader := func(orgNumber string) notice.Loader {
		t.Helper()
		src := "defaults:\n  controller: {name: Eksempel AS, kind: private, email: post@example.no, org_number: \"" + orgNumber + "\"}\n"
		def, err := notice.ConfigDefaults(cfg, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return notice.Loader{Defaults: def}
	}
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	run := func(l notice.Loader) (*Result, string) {
		res := Files(files, Options{Loader: l, Validator: v, Cache: true})
		var b strings.Builder
		for _, f := range res.Findings {
			b.WriteString(f.String() + "\n")
		}
		return res, b.String()
	}
	bad := loader("123456789")
	first, want := run(bad)
	if first.Reused != 0 || strings.Count(want, cfg+":2:") != 2 || strings.Contains(want, "a.yaml") {
		t.Fatalf("first run: reused %d, findings:\n%s\nwant one in %s for each notice", first.Reused, want, cfg)
	}
	again, got := run(bad)
	if again.Reused != 2 || got != want {
		t.Errorf("second run: reused %d of 2, findings:\n%s\nwant:\n%s", again.Reused, got, want)
	}
	good, got := run(loader("974760673"))
	if good.Reused != 0 || got != "" {
		t.Errorf("other defaults: reused %d, findings:\n%s\nwant none", good.Reused, got)
	}
	// The cache never stands in for the defaults: without them both
	// notices lack a controller.
	none, got := run(notice.Loader{})
	if none.Reused != 0 || strings.Count(got, "controller: missing") != 2 {
		t.Errorf("no defaults: reused %d, findings:\n%s", none.Reused, got)
	}
}
