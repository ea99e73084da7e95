package main

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/personvern/personvern/internal/diff"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/site"
)

// noticeLoader is how validate and render load notices: each with the
// defaults of the personvern.yaml in its folder, as build applies them,
// so that the CI gate passes exactly what build publishes.
func noticeLoader() *notice.Loader {
	return &notice.Loader{For: func(dir string) (*notice.Defaults, error) {
		cfg, err := site.LoadConfig(filepath.Join(dir, notice.ConfigName))
		if err != nil {
			return nil, err
		}
		return cfg.Defaults, nil
	}}
}

// loadVersion loads a notice for diff, a file or REV:PATH, with the
// defaults of the personvern.yaml beside it in the same place: the working
// tree for a file, that revision for REV:PATH. Without them a notice that
// takes its controller from the defaults has none, and every diff would
// report a new controller.
func loadVersion(arg string) (*notice.Document, error) {
	name, src, err := diff.ReadSource(arg)
	if err != nil {
		return nil, err
	}
	cfgArg := filepath.Join(filepath.Dir(arg), notice.ConfigName)
	if _, statErr := os.Lstat(arg); statErr != nil {
		if rev, p, ok := strings.Cut(arg, ":"); ok {
			cfgArg = rev + ":" + path.Join(path.Dir(p), notice.ConfigName)
		}
	}
	var def *notice.Defaults
	if cfgName, cfgSrc, err := diff.ReadSource(cfgArg); err == nil {
		cfg, err := site.ParseConfig(cfgName, cfgSrc)
		if err != nil {
			return nil, err
		}
		def = cfg.Defaults
	}
	if len(src) > notice.MaxFileSize {
		return nil, &notice.Error{Path: name, Line: 1, Col: 1, Msg: "larger than the notice size limit"}
	}
	return notice.ParseWithDefaults(name, src, def)
}
