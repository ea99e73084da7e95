// Package schema holds the JSON Schema of a privacy notice, embedded so that
// the binary validates without reading files beside it.
package schema

import _ "embed"

// JSON is schema/notice.schema.json, JSON Schema draft 2020-12.
//
//go:embed notice.schema.json
var JSON []byte

// URL is the schema's $id.
const URL = "https://personvern.github.io/schema/notice.schema.json"
