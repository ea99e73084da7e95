package cache

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"runtime"
	"slices"
	"testing"

	"github.com/personvern/personvern/internal/validate"
)

type testRecord struct {
	Name  string
	N     int64
	Langs []string
	Stat  Stat
	Found []validate.Finding
}

func (r testRecord) enc(e *Enc) {
	e.String(r.Name)
	e.Int(r.N)
	e.Strings(r.Langs)
	e.Stat(r.Stat)
	e.Findings(r.Found)
}

func decRecord(d *Dec) (testRecord, error) {
	r := testRecord{Name: d.String(), N: d.Int(), Langs: d.Strings(), Stat: d.Stat(), Found: d.Findings()}
	return r, d.Err()
}

var testRecords = []testRecord{
	{Name: "header", N: -1},
	{Name: "a.yaml", N: 1 << 40, Langs: []string{"nb", "nn"}, Stat: Stat{Size: 10, ModTime: -3, Inode: 1 << 63},
		Found: []validate.Finding{{File: "a.yaml", Line: 3, Col: 4, Severity: validate.Warning, Path: "x", Rule: "r", Message: "m"}}},
	{Name: "b.yaml", Langs: []string{"nb"}},
}

func encodeFile(t testing.TB, recs []testRecord) []byte {
	var buf bytes.Buffer
	w := newWriter(&buf)
	var e Enc
	for _, r := range recs {
		e.Reset()
		r.enc(&e)
		if err := w.Write(&e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readAll returns the records of b that pass their checksums and decode.
func readAll(b []byte) (recs []testRecord, damaged int, err error) {
	r, err := newReader(bytes.NewReader(b))
	if err != nil {
		return nil, 0, err
	}
	for {
		d, err := r.Next()
		switch {
		case err == io.EOF:
			return recs, damaged, nil
		case errors.Is(err, ErrDamaged):
			damaged++
			continue
		case err != nil:
			return recs, damaged, err
		}
		rec, err := decRecord(d)
		if err != nil {
			damaged++
			continue
		}
		recs = append(recs, rec)
	}
}

func TestRecordsRoundTrip(t *testing.T) {
	got, damaged, err := readAll(encodeFile(t, testRecords))
	if err != nil || damaged != 0 {
		t.Fatal(err, damaged)
	}
	if !slices.EqualFunc(got, testRecords, recEqual) {
		t.Fatalf("got %+v", got)
	}
}

func recEqual(a, b testRecord) bool {
	return a.Name == b.Name && a.N == b.N && slices.Equal(a.Langs, b.Langs) && a.Stat == b.Stat && slices.Equal(a.Found, b.Found)
}

// TestRecordsByteFlips: with any one byte damaged, every record read is
// one that was written, in order, and at most the damaged record is lost
// (or, when its length is damaged, the records after it).
func TestRecordsByteFlips(t *testing.T) {
	good := encodeFile(t, testRecords)
	for i := range good {
		bad := bytes.Clone(good)
		bad[i] ^= 0xff
		got, _, err := readAll(bad)
		if i < len(magic)+4 {
			if err == nil {
				t.Errorf("byte %d of the format header damaged: read", i)
			}
			continue
		}
		k := 0
		for _, r := range got {
			for k < len(testRecords) && !recEqual(r, testRecords[k]) {
				k++
			}
			if k == len(testRecords) {
				t.Fatalf("byte %d damaged: read a record never written: %+v", i, r)
			}
			k++
		}
		if len(got) < len(testRecords)-1 && err == nil {
			t.Errorf("byte %d damaged: %d of %d records read, and no error", i, len(got), len(testRecords))
		}
	}
}

// TestRecordLengthsNotTrusted: a length from the file is never allocated
// before its bytes are there.
func TestRecordLengthsNotTrusted(t *testing.T) {
	good := encodeFile(t, testRecords[:1])
	cases := map[string][]byte{}
	// A record header claiming MaxRecord bytes, with a right length check.
	var head [8]byte
	binary.LittleEndian.PutUint32(head[:4], MaxRecord)
	cases["max record, no bytes"] = append(bytes.Clone(good[:len(magic)+4]), head[:]...)
	// A payload whose counts claim far more items than it holds.
	var e Enc
	e.Uint(1 << 60)
	cases["huge count"] = e.b
	e.Reset()
	e.Uint(MaxRecord)
	e.b = append(e.b, make([]byte, 100)...)
	cases["count of empty strings"] = e.b
	for name, b := range cases {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		readAll(b)
		d := &Dec{b: b}
		d.Strings()
		d = &Dec{b: b}
		d.Findings()
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
			t.Errorf("%s: %d bytes allocated", name, grew)
		}
	}
}

// FuzzCacheRecord reads any bytes as a cache file and its records: no
// panic, and memory in proportion to the bytes, never to what they say.
//
//	go test ./internal/cache -run '^$' -fuzz '^FuzzCacheRecord$' -fuzztime 60s
func FuzzCacheRecord(f *testing.F) {
	good := encodeFile(f, testRecords)
	f.Add(good)
	f.Add(good[:len(good)-5])
	f.Add(good[len(magic)+4:]) // a payload alone
	f.Fuzz(func(t *testing.T, b []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		recs, _, _ := readAll(b)
		// Payloads with no checksum reach the decoder too.
		for d := (&Dec{b: b}); len(d.b) > 0 && d.err == nil; {
			decRecord(d)
		}
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20+64*uint64(len(b)) {
			t.Fatalf("%d bytes allocated %d", len(b), grew)
		}
		for _, r := range recs {
			for _, f := range r.Found {
				if f.Line < 0 || f.Col < 0 || f.Severity > validate.Error || f.Severity < validate.Warning {
					t.Fatalf("finding not refused: %+v", f)
				}
			}
		}
	})
}
