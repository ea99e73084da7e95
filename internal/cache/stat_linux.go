package cache

import (
	"os"
	"syscall"
)

func fillStat(s *Stat, info os.FileInfo) {
	if sys, ok := info.Sys().(*syscall.Stat_t); ok {
		s.Inode, s.Device = sys.Ino, sys.Dev
		s.ChangeTime = sys.Ctim.Nano()
	}
}
