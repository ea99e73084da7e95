package lint

import "testing"

// TestRules: each pattern fails on the example that showed the defect
// (issue 16) and passes on the text that replaced it.
func TestRules(t *testing.T) {
	for _, tc := range []struct{ rule, bad, good string }{
		{"og-list", "Opplysninger vi bruker: identitetsopplysninger, familieforhold og sivilstatus og oppholdsgrunnlag.",
			"Opplysninger vi bruker: identitetsopplysninger; familieforhold og sivilstatus; oppholdsgrunnlag. Arbeids- og velferdsetaten planlegger og gjennomfører tiltak for arbeidssøkerne og språkelevene."},
		{"og-list", "Vi har opplysninger om hvem du er, hvordan vi når deg og organisasjonsnavn og firmanavn.",
			"Vi har opplysninger om hvem du er; hvordan vi når deg; organisasjonsnavn og firmanavn."},
		{"heading-object", "Vi bruker opplysninger om deg til tiltak på oppdrag fra NAV; lærekandidater; kundeservice.",
			"Vi bruker opplysninger om deg til disse formålene: «Tiltak på oppdrag fra NAV», «Lærekandidater» og «Kundeservice»."},
		{"heading-object", "Vi bruker dem også til A. Vi bruker dem også til B.", "Vi bruker opplysninger om deg til formålet «A». Dessuten bruker vi dem til «B»."},
		{"kind-subject", "- Offentlig myndighet gir oss opplysninger i saken din.", "- Offentlige myndigheter gir oss opplysninger i saken din."},
		{"kind-subject", "Databehandlar behandlar opplysningane på vegner av oss.", "Databehandlaren vår behandlar opplysningane på vegner av oss."},
		{"echo", "NAV gir oss opplysninger fra NAV.", "NAV gir oss opplysninger om tiltaket."},
		{"echo", "Opplysninger: opplysninger om bruk av nettstedet.", "Google får opplysninger om bruk av nettstedet."},
		{"echo", "Arbeidsgjevarar får desse opplysningane: identitetsopplysningar.", "Arbeidsgjevarar får identitetsopplysningar."},
		{"echo", "Skatteetaten får opplysninger om inntekt og skatteopplysninger.", "Skatteetaten får skatteopplysninger og opplysninger om inntekt."},
		{"stacked-brackets", "Trondheim voksenopplæring (TROVO) (utdanningsinstitusjon)", "Trondheim voksenopplæring (TROVO), utdanningsinstitusjon"},
		{"duplicate-sentence", "Det er frivillig å gi oss opplysningene. Det er frivillig å gi oss opplysningene.", "Det er frivillig å gi oss opplysningene. Du velger selv hva du gir oss."},
		{"duplicate-sentence", "Deretter slettes eller anonymiseres personopplysningene. Deretter sletter vi opplysningene.",
			"Deretter slettes eller anonymiseres personopplysningene. Lovgrunnlag: arkivlova § 6."},
		{"duplicate-sentence", "Vi lagrer opplysningene i fem år. Vi lagrer opplysningene dine i fem år.", "Hvor vi får opplysningene fra\n\nVi får opplysningene fra:"},
		{"quote-punctuation", "Etter lagringstiden: «Vi sletter dem.».", "Etter lagringstiden: «Vi sletter dem». Om du må: «ja» → «nei»."},
		{"quote-punctuation", "Formålet «Oppfølging er fjernet.", "Formålet «Oppfølging» er fjernet."},
		{"raw-code", "Kilden public_authority er fjernet.", "Kilden offentlig myndighet er fjernet; se notices/inn_trondheim.yaml og post_mottak@kommune.no."},
		{"raw-code", "Behandlingsgrunnlag: 6(1)(e).", "Behandlingsgrunnlag: personvernforordningen artikkel 6 nr. 1 bokstav e."},
		{"raw-code", "Tittelen (nb) er endret.", "Tittelen på bokmål er endret."},
		{"breakable-space", "arbeidsmarkedsloven § 12", "arbeidsmarkedsloven §\u00a012"},
		{"breakable-space", "Vi lagrer dem i 12 uker.", "Vi lagrer dem i 12\u00a0uker. Det gjelder 12 personer."},
		{"semicolon-chain", "Opplysninger vi bruker: identitetsopplysninger; kontaktopplysninger; familieforhold og sivilstatus; oppholdsgrunnlag.",
			"Vi har opplysninger om hvem du er; hvordan vi når deg; organisasjonsnavn og firmanavn.\n\nOpplysninger vi bruker:\n\n- identitetsopplysninger\n- familieforhold og sivilstatus\n- oppholdsgrunnlag\n- helseopplysninger"},
		{"semicolon-list", "Ny regel for hvor lenge vi lagrer identitetsopplysninger; kontaktopplysninger; organisasjonsnavn og firmanavn.",
			"Ny regel for hvor lenge vi lagrer identitetsopplysninger, kontaktopplysninger og «organisasjonsnavn og firmanavn». Vi har opplysninger om hvem du er; hvordan vi når deg; organisasjonsnavn og firmanavn."},
		{"repeated-opener", "Vi bruker opplysninger om deg til «A» og «B». Dessuten bruker vi dem til «C» og «D». Dessuten bruker vi dem til «E».",
			"Vi bruker opplysninger om deg til «A» og «B». Dessuten bruker vi dem til «C» og «D». Vi bruker dem også til «E».\n\nDeretter sletter vi dem.\n\nDeretter arkiverer vi dem."},
		{"repeated-list", "## Lagring\n\n- Slik lagrer vi disse opplysningene:\n  - a\n  - b\n  - c\n  Tekst.\n- Slik lagrer vi disse opplysningene:\n  - a\n  - b\n  - c\n  Arkiv.\n",
			"## Formål\n\n- a\n- b\n- c\n\n## Lagring\n\n- Slik lagrer vi disse opplysningene:\n  - a\n  - b\n  - c\n- Hvor lenge vi lagrer de samme opplysningene:\n  Arkiv.\n"},
		{"dash-unstated", "Unntaket som gjer at avgjerda kan takast automatisk, er endra: – → artikkel 22 nr. 2 bokstav b.",
			"Den automatiserte avgjerda byggjer no på unntaket i artikkel 22 nr. 2 bokstav b (lov). Før stod det ikkje kva unntak ho bygde på. Kontakten er endra frå post@a.no til post@b.no. Perioden er 2020–2024."},
		{"change-phrasing", "Du må nå gi oss opplysningene. Før sto det at det er frivillig å gi oss opplysningene.", "For formålet «A» må du nå gi oss opplysningene. Før sto det at det var frivillig."},
		{"change-phrasing", "Vi lagrar no alle opplysningane i opptil 12 veker, ikkje lenger i 12 veker.", "Vi lagrar no alle opplysningane i opptil 12 veker. Før stod det at vi lagra dei i 12 veker."},
		{"change-phrasing", "Opplysningene til formålet «A» behandles nå elektronisk.", "For formålet «A» kan du nå be om å få utlevert opplysningene du har gitt oss (retten til dataportabilitet)."},
		{"change-phrasing", "Regelen for lagringstid omfatter ikke lenger det samme: a og b.", "Regelen for hvor lenge vi lagrer a, gjelder ikke lenger «b og c»."},
		{"change-phrasing", "- **Vesentleg endring:** Korleis du brukar retten til innsyn, er fjerna.", "- **Vesentleg endring:** Teksten om korleis du brukar retten til innsyn, er fjerna."},
		{"change-phrasing", "Vi lagrer nå alle opplysningene i opptil 6 måneder. Før sto det opptil 12 uker.", "Vi lagrer nå alle opplysningene i opptil 6 måneder. Før sto det at vi lagret dem i opptil 12 uker."},
		{"change-phrasing", "Hva vi gjør etter lagringstiden, er endret. Før sto det at vi sletter dem, nå at vi sletter dem eller gjør dem anonyme.", "For alle opplysningene står det nå at vi sletter dem eller gjør dem anonyme etter lagringstiden. Før sto det at vi slettet dem."},
		{"change-phrasing", "Før stod det at vi slettar dei.", "For alle opplysningane står det no at vi slettar dei etter lagringstida. Før stod det at vi sletta dei. Før stod det ikkje kva unntak ho bygde på."},
		{"change-phrasing", "Kriteriene for hvor lenge vi lagrer a og 6 andre typer opplysninger, har fått ny ordlyd.", "Kriteriene for hvor lenge vi lagrer a og seks andre typer opplysninger, har fått ny ordlyd."},
		{"nn-participle", "Mottakaren i USA er no oppgjeve som sertifisert etter EU–USA-rammeverket for personvern.", "Mottakaren i USA er no oppgjeven som sertifisert. Det er ikkje oppgjeve kva unntak ho bygde på. Brevet er oppgjeve."},
		{"kind-quoted", "Beskrivelsen av mottakeren «databehandler» har fått ny ordlyd.", "Beskrivelsen av mottakeren «Databehandlere» har fått ny ordlyd. Databehandleren vår lagrar dei."},
		{"arrow", "Telefonnummeret er endra: 477 09 498 → 33 38 08 83.", "Telefonnummeret er endra frå 477 09 498 til 33 38 08 83. Perioden er 2020–2024."},
		{"how-list", "- Slik lagrer vi disse opplysningene:\n\n  - identitetsopplysninger\n", "- Dette gjelder disse opplysningene:\n\n  - identitetsopplysninger\n\nSlik lagrar vi opplysningar om tiltaket ditt:\n\nVi lagrar dei i datasystemet.\n"},
		{"how-list", "Slik lagrar vi desse opplysningane:\n- kontaktopplysningar", "Dette gjeld desse opplysningane:\n- kontaktopplysningar"},
		{"cookie-necessary", "Vi bruker informasjonskapsler som ikke er nødvendige, bare hvis du sier ja.", "Vi bruker informasjonskapsler som ikke er strengt nødvendige, bare hvis du sier ja. Informasjonskapselen er nødvendig."},
		{"cookie-necessary", "Du kan seie nei til informasjonskapslar som ikkje er nødvendige.", "Du kan seie nei til informasjonskapslar som ikkje er strengt nødvendige."},
		{"category-quoted-lower", "Beskrivelsen av kategorien «ønsker, muligheter og hindringer» har fått ny ordlyd.", "Beskrivelsen av kategorien «Ønsker, muligheter og hindringer» har fått ny ordlyd. Regelen gjelder ikke lenger «oppmøte og fravær»."},
		{"category-quoted-lower", "Ny særleg kategori av personopplysningar: «helseopplysningar».", "Ny særleg kategori av personopplysningar: «Helseopplysningar»."},
		{"possessive-twice", "Databehandlerne våre behandler opplysningene på våre vegne, etter en databehandleravtale.", "Databehandlerne behandler opplysningene på våre vegne, etter en databehandleravtale. Vi deler dem med partnerne våre."},
		{"possessive-twice", "Databehandlarane våre behandlar opplysningane på vegner av oss, etter ein databehandlaravtale.", "Databehandlarane behandlar opplysningane på vegner av oss, etter ein databehandlaravtale."},
		{"repeated-sentence", "Fordi vi behandler disse opplysningene i datasystemer, og behandlingen bygger på samtykket ditt, kan du be om å få utlevert de opplysningene du selv har gitt oss.\n\nBehandlingsgrunnlag:\n\n### B\n\nFordi vi behandler disse opplysningene i datasystemer, og behandlingen bygger på samtykket ditt, kan du be om å få utlevert de opplysningene du selv har gitt oss.\n",
			"Fordi vi behandler disse opplysningene i datasystemer, og behandlingen bygger på samtykket ditt, kan du be om å få utlevert de opplysningene du selv har gitt oss.\n\nBehandlingsgrunnlag:\n\n- Rett til dataportabilitet\n\n  Retten gjelder formålene «A» og «B».\n\nBehandlingsgrunnlag:\n"},
		{"purpose-agent", "Formålet «Nyhetsbrev» bruker nå også opplysninger om inntekt.", "Til formålet «Nyhetsbrev» bruker vi nå også opplysninger om inntekt. Formålet «Nyhetsbrev» bygger nå på samtykke."},
		{"purpose-agent", "Formålet «Statistikk» (tidlegare «Tal») brukar ikkje lenger kontaktopplysningar.", "Til formålet «Statistikk» brukar vi ikkje lenger kontaktopplysningar. Formålet «Statistikk» gjeld no berre kundar."},
		{"title-repeat", "PERSONVERNERKLÆRING\n\nPersonvernerklæring for VINN AS Hallingdal\n", "Kort fortalt\n\nPersonvernerklæring for VINN AS Hallingdal\n\n- Andre\n  Andre, for eksempel familiemedlemmer, får opplysninger.\n"},
	} {
		if got := Run(tc.rule, tc.bad); len(got) == 0 {
			t.Errorf("%s: no finding in %q", tc.rule, tc.bad)
		}
		if got := Run(tc.rule, tc.good); len(got) != 0 {
			t.Errorf("%s: %q in %q", tc.rule, got, tc.good)
		}
	}
}

// TestHTMLText: a page is read as its text, with &nbsp; as the space it is.
func TestHTMLText(t *testing.T) {
	got := HTMLText(`<html><head><style>p{}</style></head><body><p>Loven §&nbsp;12</p><ul><li>A</li><li>B &amp; C</li></ul></body></html>`)
	if want := "Loven §\u00a012\n\nA\n\nB & C"; got != want && got != "\n\n"+want+"\n\n" {
		t.Errorf("HTMLText = %q", got)
	}
	if len(Run("breakable-space", got)) != 0 {
		t.Error("&nbsp; must count as non-breaking")
	}
}
