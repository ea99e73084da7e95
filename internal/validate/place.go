package validate

import (
	"sync"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/templates"
)

// country is a country code in a message: the code in English (as the
// editor types it), the country's name in Norwegian, as the pages say it
// ("en overføring til USA", not "til US").
type country string

func (c country) String() string { return string(c) }

func (c country) Localize(m *i18n.Messages) string {
	cat := pageCatalog(m.Lang)
	if cat == nil {
		return string(c)
	}
	return cat.TOr("country."+string(c), string(c))
}

var pageCatalogs sync.Map // lang → *i18n.Catalog, or nil when there is none

// pageCatalog is the embedded page catalogue of lang, whose words
// (country names) a finding uses so that it says what the page says.
func pageCatalog(lang string) *i18n.Catalog {
	if c, ok := pageCatalogs.Load(lang); ok {
		cat, _ := c.(*i18n.Catalog)
		return cat
	}
	cat, err := i18n.Load(templates.FS, lang)
	if err != nil {
		cat = nil
	}
	pageCatalogs.Store(lang, cat)
	return cat
}
