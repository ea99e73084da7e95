// Package templates holds the embedded templates: the starter notice that
// `personvern new` writes, the files `personvern init` writes (init/), and
// the page templates the renderer uses.
package templates

import "embed"

// FS holds every template file in this folder.
//
//go:embed *.yaml *.tmpl *.css lang/*.yaml init/*
var FS embed.FS
