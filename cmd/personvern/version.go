package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is this binary's version as the Go toolchain recorded it: the
// module version for go install …@v1.2.0 or @latest, else the commit it
// was built from, so a bug report can name the exact code.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown (built without module information)"
	}
	return versionFrom(info)
}

func versionFrom(info *debug.BuildInfo) string {
	v := info.Main.Version
	var rev, at string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if v != "" && v != "(devel)" {
		return v
	}
	if rev == "" {
		return "(devel)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	out := "(devel) " + rev
	if dirty {
		out += "-dirty"
	}
	if at != "" {
		out += " " + at
	}
	return out
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of personvern",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(cmd.OutOrStdout(), "personvern "+version())
			return nil
		},
	}
}
