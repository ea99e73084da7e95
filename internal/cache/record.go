package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/validate"
	"github.com/personvern/personvern/templates"
)

// A cache file is a format header and a stream of records:
//
//	"personvern cache\n"  magic
//	uint32                Version
//	records:
//	  uint32   n, the length of the payload, at most MaxRecord
//	  [4]byte  the first bytes of SHA-256(n): a damaged length is known as such
//	  [n]byte  payload, written with Enc and read with Dec
//	  [32]byte SHA-256(n, payload)
//
// Nothing read is trusted before its checksum matches: a record that fails
// is skipped, and when its length fails nothing after it is read. A length
// is never allocated before the bytes are there. Integers are little
// endian, and in payloads varints.
const (
	magic = "personvern cache\n"
	// Version changes with the layout of the file or of any record.
	Version = 5
	// MaxRecord bounds a record: a notice's record is a few kilobytes.
	MaxRecord = 4 << 20
	// MaxRecords bounds the records of a file; a cache of more notices
	// caches the first ones.
	MaxRecords = 1 << 21
)

// ErrDamaged is the error of a record whose checksum does not match; the
// Reader has moved past it.
var ErrDamaged = errors.New("cache record damaged")

// errEnd ends a file early: what follows cannot be framed.
var errEnd = errors.New("cache file damaged")

// Writer writes the records of a cache file.
type Writer struct {
	w   *bufio.Writer
	n   int
	err error
}

func newWriter(w io.Writer) *Writer {
	bw := bufio.NewWriterSize(w, 1<<16)
	var v [4]byte
	binary.LittleEndian.PutUint32(v[:], Version)
	bw.WriteString(magic)
	bw.Write(v[:])
	return &Writer{w: bw}
}

// Write adds the record e holds.
func (w *Writer) Write(e *Enc) error {
	if w.err != nil {
		return w.err
	}
	if len(e.b) > MaxRecord {
		return fmt.Errorf("cache record of %d bytes: more than %d", len(e.b), MaxRecord)
	}
	if w.n++; w.n > MaxRecords {
		return fmt.Errorf("more than %d cache records", MaxRecords)
	}
	var n [4]byte
	binary.LittleEndian.PutUint32(n[:], uint32(len(e.b)))
	ns := sha256.Sum256(n[:])
	h := sha256.New()
	h.Write(n[:])
	h.Write(e.b)
	w.w.Write(n[:])
	w.w.Write(ns[:4])
	w.w.Write(e.b)
	_, w.err = w.w.Write(h.Sum(nil))
	return w.err
}

func (w *Writer) flush() error {
	if w.err != nil {
		return w.err
	}
	return w.w.Flush()
}

// Reader reads the records of a cache file.
type Reader struct {
	r   *bufio.Reader
	n   int
	buf bytes.Buffer
	err error
}

// newReader checks the format header of r.
func newReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	var head [len(magic) + 4]byte
	if _, err := io.ReadFull(br, head[:]); err != nil {
		return nil, errEnd
	}
	if string(head[:len(magic)]) != magic {
		return nil, errors.New("not a personvern cache file")
	}
	if v := binary.LittleEndian.Uint32(head[len(magic):]); v != Version {
		return nil, fmt.Errorf("cache format %d, not %d", v, Version)
	}
	return &Reader{r: br}, nil
}

// Next returns the next record. At the end of the file it returns io.EOF;
// for a record whose checksum fails, ErrDamaged, and the next call reads
// the record after it; any other error ends the file.
func (r *Reader) Next() (*Dec, error) {
	if r.err != nil {
		return nil, r.err
	}
	d, err := r.next()
	if err != nil && err != ErrDamaged {
		r.err = err
	}
	return d, err
}

func (r *Reader) next() (*Dec, error) {
	var head [8]byte
	if _, err := io.ReadFull(r.r, head[:]); err == io.EOF {
		return nil, io.EOF
	} else if err != nil {
		return nil, errEnd
	}
	if ns := sha256.Sum256(head[:4]); !bytes.Equal(ns[:4], head[4:]) {
		return nil, errEnd
	}
	if r.n++; r.n > MaxRecords {
		return nil, errEnd
	}
	n := binary.LittleEndian.Uint32(head[:4])
	if n > MaxRecord {
		return nil, errEnd
	}
	// Grown as the bytes come, not by what the length says.
	r.buf.Reset()
	if m, err := io.CopyN(&r.buf, r.r, int64(n)+sha256.Size); err != nil || m != int64(n)+sha256.Size {
		return nil, errEnd
	}
	b := r.buf.Bytes()
	h := sha256.New()
	h.Write(head[:4])
	h.Write(b[:n])
	if !bytes.Equal(h.Sum(nil), b[n:]) {
		return nil, ErrDamaged
	}
	return &Dec{b: b[:n:n]}, nil
}

// Enc builds the payload of a record.
type Enc struct{ b []byte }

// Reset empties e for the next record.
func (e *Enc) Reset() { e.b = e.b[:0] }

func (e *Enc) Uint(v uint64)   { e.b = binary.AppendUvarint(e.b, v) }
func (e *Enc) Int(v int64)     { e.b = binary.AppendVarint(e.b, v) }
func (e *Enc) String(s string) { e.Uint(uint64(len(s))); e.b = append(e.b, s...) }

func (e *Enc) Stat(s Stat) {
	e.Int(s.Size)
	e.Int(s.ModTime)
	e.Int(s.ChangeTime)
	e.Uint(s.Inode)
	e.Uint(s.Device)
}

func (e *Enc) Strings(s []string) {
	e.Uint(uint64(len(s)))
	for _, v := range s {
		e.String(v)
	}
}

func (e *Enc) Findings(fs []validate.Finding) {
	e.Uint(uint64(len(fs)))
	for _, f := range fs {
		e.String(f.File)
		e.Int(int64(f.Line))
		e.Int(int64(f.Col))
		e.Int(int64(f.Severity))
		e.String(f.Path)
		e.String(f.Rule)
		e.String(f.Article)
		e.String(f.Message)
		// A finding is kept in every language the tool speaks, so a run
		// in bokmål or nynorsk (the default) is said from the cache too.
		said := f.SaidIn(otherLanguages())
		e.Uint(uint64(len(said)))
		for _, s := range said {
			e.String(s.Lang)
			e.String(s.Text)
		}
	}
}

// otherLanguages are the message catalogues of the languages other than
// English, which findings are kept in; the catalogues are part of the
// binary, whose build id names every cache.
var otherLanguages = sync.OnceValue(func() []*i18n.Messages {
	var ms []*i18n.Messages
	for _, l := range i18n.MessageLangs {
		if m, err := i18n.LoadMessages(templates.FS, l); err == nil && m != nil {
			ms = append(ms, m)
		}
	}
	return ms
})

// Dec reads the payload of a record. The first error sticks: later reads
// give zero values, and Err reports it.
type Dec struct {
	b   []byte
	err error
}

func (d *Dec) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("cache record: bad %s", what)
	}
	d.b = nil
}

// OK reports whether every read so far succeeded.
func (d *Dec) OK() bool { return d.err == nil }

// Err is the first error, or one when bytes are left over: a record read
// with another layout than it was written with.
func (d *Dec) Err() error {
	if d.err == nil && len(d.b) > 0 {
		d.err = errors.New("cache record: bytes left over")
	}
	return d.err
}

func (d *Dec) Uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *Dec) Int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// Int32 reads an int that must fit in 32 bits, as lines and offsets do.
func (d *Dec) Int32() int {
	v := d.Int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.fail("number")
		return 0
	}
	return int(v)
}

// Len reads a count of items that follow, each of at least one byte: it
// is never more than the bytes left, so a lie allocates nothing.
func (d *Dec) Len() int {
	v := d.Uint()
	if v > uint64(len(d.b)) {
		d.fail("count")
		return 0
	}
	return int(v)
}

func (d *Dec) String() string {
	n := d.Uint()
	if n > uint64(len(d.b)) {
		d.fail("string length")
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *Dec) Stat() Stat {
	return Stat{Size: d.Int(), ModTime: d.Int(), ChangeTime: d.Int(), Inode: d.Uint(), Device: d.Uint()}
}

func (d *Dec) Strings() []string {
	n := d.Len()
	var out []string // grown by what is read, not by what n says
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.String())
	}
	return out
}

// Findings reads findings, refusing values no finding has.
func (d *Dec) Findings() []validate.Finding {
	n := d.Len()
	var out []validate.Finding
	for i := 0; i < n && d.err == nil; i++ {
		var f validate.Finding
		f.File = d.String()
		f.Line, f.Col = d.Int32(), d.Int32()
		f.Severity = validate.Severity(d.Int())
		f.Path, f.Rule, f.Article, f.Message = d.String(), d.String(), d.String(), d.String()
		if n := d.Len(); n > 0 {
			var said []validate.Saying // grown by what is read
			for j := 0; j < n && d.err == nil; j++ {
				said = append(said, validate.Saying{Lang: d.String(), Text: d.String()})
			}
			f = f.WithSaid(said)
		}
		if f.Line < 0 || f.Col < 0 || (f.Severity != validate.Warning && f.Severity != validate.Error) {
			d.fail("finding")
			return nil
		}
		out = append(out, f)
	}
	return out
}
