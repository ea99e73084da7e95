package main

import (
	"errors"
	"os"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/site"
	"github.com/spf13/cobra"
)

// configFlags choose the configuration of a run, the same way for every
// command that loads notices (validate, render, diff, build, serve), so
// that what validate passes is what build publishes: without them each
// notice takes the personvern.yaml notice.FindConfig finds for it.
type configFlags struct {
	config, defaults string
}

func (f *configFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.config, "config", "", "site configuration file (default: the personvern.yaml nearest the notices, no higher than the repository)")
	cmd.Flags().StringVar(&f.defaults, "defaults", "", "YAML file of notice fields every notice takes unless it sets them (e.g. controller, dpo); replaces the configuration's defaults")
}

// given reports whether a flag names the configuration or the defaults,
// which then hold for every notice of the run, whatever folder it is in.
func (f *configFlags) given() bool { return f.config != "" || f.defaults != "" }

// load reads the configuration of a run over the notice files, and
// returns it with its path ("" when there is none).
func (f *configFlags) load(files []string) (*site.Config, string, error) {
	path := f.config
	if path == "" {
		p, err := site.ConfigPath(files)
		if err != nil {
			return nil, "", trouble("%v", err)
		}
		path = p
	} else if _, err := os.Stat(path); err != nil {
		return nil, "", trouble("--config %s: %v", path, errors.Unwrap(err))
	}
	cfg := &site.Config{}
	if path != "" {
		c, err := site.LoadConfig(path)
		if err != nil {
			return nil, "", trouble("%v", err)
		}
		cfg = c
	}
	if f.defaults != "" {
		def, err := notice.LoadDefaults(f.defaults)
		if err != nil {
			return nil, "", trouble("--defaults: %v", err)
		}
		cfg.Defaults = def
	}
	return cfg, path, nil
}
