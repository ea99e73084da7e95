//go:build !linux

package site

import (
	"github.com/personvern/personvern/internal/publish"
	"github.com/personvern/personvern/internal/safefs"
)

// mapped is a file read into memory (mapped, on Linux).
type mapped struct {
	data []byte
	mmap bool // never here
}

func mapFile(dir, rel string) (*mapped, error) {
	d, err := safefs.OpenDir(dir)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	b, err := d.ReadFile(rel, publish.MaxFile)
	if err != nil {
		return nil, err
	}
	return &mapped{data: b}, nil
}

func (m *mapped) close() {}
