//go:build !linux

package cache

import "os"

// Elsewhere the size and modification time stand alone, as in make.
func fillStat(s *Stat, info os.FileInfo) {}
