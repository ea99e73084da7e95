package validate

import (
	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/templates"
)

// country is a country code in a message: the code in English (as the
// editor types it), the country's name in Norwegian, as the pages say it
// ("en overføring til USA", not "til US").
type country string

func (c country) String() string { return string(c) }

func (c country) Localize(m *i18n.Messages) string {
	cat := pageCatalogs.Get(m.Lang)
	if cat == nil {
		return string(c)
	}
	return cat.TOr("country."+string(c), string(c))
}

// pageCatalogs are the embedded page catalogues, whose words (country
// names) a finding uses so that it says what the page says.
var pageCatalogs = i18n.Catalogs{FS: templates.FS}
