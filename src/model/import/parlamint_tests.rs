//! Unit tests of `parlamint.rs`, kept apart so the importer reads on its own.

use super::*;

#[test]
fn only_plain_relative_paths_are_opened() {
    let dir = Path::new("/c");
    assert_eq!(
        safe_relative(dir, "2022/a.xml"),
        Some(PathBuf::from("/c/2022/a.xml"))
    );
    for bad in [
        "",
        "/etc/passwd",
        "../x.xml",
        "a/../../x",
        "file:///etc/passwd",
        "http://example.org/x.xml",
        "C:\\x",
    ] {
        assert_eq!(safe_relative(dir, bad), None, "{bad}");
    }
}

fn sitting(text: &str) -> Loaded {
    import("s.xml", xml::parse("s.xml", text).unwrap(), None).unwrap()
}

#[test]
fn without_a_person_list_names_come_from_the_labels() {
    let loaded = sitting(
        r##"<TEI xml:lang="sl"><teiHeader><fileDesc><titleStmt>
        <title type="main" xml:lang="en">English</title><title type="main" xml:lang="sl">Slovensko</title>
        </titleStmt></fileDesc><profileDesc><settingDesc><setting><name>Ljubljana</name>
        <date when="2022-04-06"/></setting></settingDesc></profileDesc></teiHeader>
        <text><body><div type="debateSection"><head>H1</head><head>H2</head>
        <note type="time">Seja se je začela.</note>
        <note type="speaker">PREDSEDNIK IGOR ZORČIČ:</note>
        <u who="#ZorčičIgor" ana="#chair"><seg>Hvala <kinesic><desc>znak</desc></kinesic> lepa.</seg>
        <gap reason="inaudible"/></u>
        <u who="#Nobody"><seg>x</seg></u>
        </div></body></text></TEI>"##,
    );
    let p = &loaded.proceedings;
    assert_eq!(p.forum.title, "Slovensko");
    assert_eq!(p.forum.location.as_deref(), Some("Ljubljana"));
    assert_eq!(
        p.forum.date.map(|d| d.to_string()).as_deref(),
        Some("2022-04-06")
    );
    let s = &p.segments[0];
    assert_eq!(s.title, "H1");
    assert_eq!(s.description, [Block::Paragraph("H2".into())]);
    assert_eq!(
        s.speeches[0].paragraphs,
        [Block::Note("Seja se je začela.".into())]
    );
    let u = &s.speeches[1];
    assert_eq!(p.speaker(u.speaker.unwrap()).name, "PREDSEDNIK IGOR ZORČIČ");
    assert_eq!(u.role.as_deref(), Some("chair"));
    assert_eq!(
        u.paragraphs,
        [
            Block::Paragraph("Hvala".into()),
            Block::Note("znak".into()),
            Block::Paragraph("lepa.".into()),
            Block::Note("inaudible".into()),
        ]
    );
    assert_eq!(p.speaker(s.speeches[2].speaker.unwrap()).name, "Nobody");
    let w: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("no person list"), "{w:?}");
}

#[test]
fn a_corpus_root_needs_its_folder_and_a_sitting_in_it() {
    let corpus = "<teiCorpus xmlns:xi=\"http://www.w3.org/2001/XInclude\">\
                  <xi:include href=\"2022/a.xml\"/><xi:include href=\"../b.xml\"/></teiCorpus>";
    let root = || xml::parse("c.xml", corpus).unwrap();
    let e = import("c.xml", root(), None).unwrap_err().to_string();
    assert_eq!(
        e,
        "c.xml: a ParlaMint corpus root read from standard input cannot open its sittings"
    );
    let e = import("c.xml", root(), Some(Path::new("/nonexistent/c.xml")))
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "c.xml: none of the 2 sittings this corpus root includes is present beside it"
    );
}

#[test]
fn annotated_tokens_join_as_the_text_was_written() {
    let loaded = sitting(
        r##"<TEI xml:lang="sl"><text><body><div><u who="#A" ana="#chair senti:neuneg">
        <seg><s>
<w lemma="spoštovan">Spoštovane</w>
<w join="right">poslanci</w>
<pc>,</pc>
<name type="PER">
<w>Tadeja</w>
<w join="right">Zalar</w>
</name>
<pc>!</pc>
<linkGrp type="UD-SYN"><link ana="ud-syn:root" target="#a #b"/></linkGrp>
</s><s>
<w>Drugi</w><vocal><desc>smeh</desc></vocal><w join="right">stavek</w><pc>.</pc>
</s></seg></u></div></body></text></TEI>"##,
    );
    let u = &loaded.proceedings.segments[0].speeches[0];
    assert_eq!(u.role.as_deref(), Some("chair"));
    assert_eq!(
        u.paragraphs,
        [
            Block::Paragraph("Spoštovane poslanci, Tadeja Zalar! Drugi".into()),
            Block::Note("smeh".into()),
            Block::Paragraph("stavek.".into()),
        ]
    );
}
