package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionFrom(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, tc := range []struct {
		name     string
		version  string
		settings []debug.BuildSetting
		want     string
	}{
		{"go install @v1.2.0", "v1.2.0", nil, "v1.2.0"},
		{"go install @latest of an untagged commit", "v0.0.0-20250301120000-0123456789ab", vcs("vcs.revision", "0123456789abcdef"), "v0.0.0-20250301120000-0123456789ab"},
		{"go build in a checkout", "(devel)", vcs("vcs.revision", "0123456789abcdef0123", "vcs.time", "2025-03-01T12:00:00Z", "vcs.modified", "false"), "(devel) 0123456789ab 2025-03-01T12:00:00Z"},
		{"with uncommitted changes", "(devel)", vcs("vcs.revision", "0123456789abcdef0123", "vcs.modified", "true"), "(devel) 0123456789ab-dirty"},
		{"no version control", "(devel)", nil, "(devel)"},
		{"go test", "", nil, "(devel)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/personvern/personvern", Version: tc.version}, Settings: tc.settings}
			if got := versionFrom(info); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
