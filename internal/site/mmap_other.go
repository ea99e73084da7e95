//go:build !linux

package site

import "os"

// mapped is a file read into memory (mapped, on Linux).
type mapped struct {
	data []byte
	mmap bool // never here
}

func mapFile(name string) (*mapped, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return &mapped{data: b}, nil
}

func (m *mapped) close() {}
