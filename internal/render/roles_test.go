package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRolesGolden renders two notices whose purposes have roles (JobLearn,
// all on NAV's behalf; VINN, NAV's processor for job seekers and controller
// for the rest) as text in both languages, and holds each page to the
// sentences a lawyer checked: who is responsible, whom to ask, and what
// the provision statement may say for a processor.
func TestRolesGolden(t *testing.T) {
	r := renderer(t)
	must := map[string][]string{
		"joblearn.nb": {
			"JobLearn AS er databehandler for NAV. NAV er behandlingsansvarlig for opplysningene om deg.",
			"Slik kontakter du NAV:",
			"Svaret skal komme så raskt som mulig, og senest innen én måned",
			"Da må NAV stanse den",
			"Personvernombudet til NAV:",
		},
		"joblearn.nn": {
			"JobLearn AS er databehandlar for NAV. NAV er behandlingsansvarleg for opplysningane om deg.",
			"Då må NAV stanse ho",
		},
		"vinn-hallingdal.nb": {
			"For formålet «Tiltak på oppdrag fra NAV» er VINN AS Hallingdal databehandler for NAV, og NAV er behandlingsansvarlig.",
			"Om du må gi opplysningene, avgjør NAV.",
			"For det vi selv er behandlingsansvarlige for, bruker du rettighetene dine ved å kontakte oss.",
		},
		"vinn-hallingdal.nn": {
			"For formålet «Tiltak på oppdrag frå NAV» er VINN AS Hallingdal databehandlar for NAV, og NAV er behandlingsansvarleg.",
			"Om du må gje opplysningane, avgjer NAV.",
		},
	}
	for _, d := range loadDir(t, filepath.Join("testdata", "roles")) {
		for _, lang := range d.Notice.Languages {
			name := d.Notice.ID + "." + lang
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := r.Render(&buf, &d.Notice, Options{Lang: lang, Format: "txt"}); err != nil {
					t.Fatal(err)
				}
				flat := strings.Join(strings.Fields(buf.String()), " ")
				for _, want := range must[name] {
					if !strings.Contains(flat, want) {
						t.Errorf("lacks %q", want)
					}
				}
				golden := filepath.Join("testdata", "roles", name+".txt")
				if *update {
					if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil || !bytes.Equal(want, buf.Bytes()) {
					t.Errorf("differs from %s; run go test ./internal/render -run Roles -update and read the diff", golden)
				}
			})
		}
	}
}
