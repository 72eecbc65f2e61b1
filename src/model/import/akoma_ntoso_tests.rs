//! Unit tests of `akoma_ntoso.rs`, kept apart so the importer reads on its own.

use super::*;
use crate::model::import::xml::parse;

fn import_str(text: &str) -> Loaded {
    import("t.xml", &parse("t.xml", text).unwrap()).unwrap()
}

#[test]
fn nested_sections_become_parents_and_qa_a_roundtable() {
    let loaded = import_str(
        r##"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><debate name="d">
        <meta><references>
          <TLCPerson eId="adam" showAs="Mr. Adam"/><TLCPerson eId="cam" showAs="Mr. Cameroon"/>
          <TLCRole eId="ms" showAs="Minister of State"/>
          <TLCOrganization eId="cttee" showAs="The Committee"/>
        </references></meta>
        <debateBody>
          <questions><heading>ORAL ANSWERS</heading>
            <debateSection><heading>BANDITRY</heading>
              <question by="#adam"><from>Mr. Adam</from><p> asked
                 the Minister</p><ul><li>whether</li><li>who</li></ul></question>
              <summary>(Question deferred)</summary>
              <answer by="#cam" as=" #ms"><from>Mr. Cameroon</from>
                <p><recordedTime time="1995-10-31T14:30:00"/>The answer.</p></answer>
            </debateSection>
          </questions>
          <prayers><heading>PRAYERS</heading></prayers>
          <debateSection><heading>GROUPED</heading><speechGroup>
            <speech by="#adam"><p>In a group.</p></speech>
            <speech by="#cttee"><p>We report.</p></speech></speechGroup></debateSection>
        </debateBody></debate></akomaNtoso>"##,
    );
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let p = loaded.proceedings;
    assert_eq!(p.forum.title, "d");
    assert_eq!(p.segments.len(), 3);
    let s = &p.segments[0];
    assert_eq!(s.title, "BANDITRY");
    assert_eq!(s.parents, ["ORAL ANSWERS"]);
    assert_eq!(s.kind, SegmentKind::Roundtable);
    let q = &s.speeches[0];
    assert_eq!(p.speaker(q.speaker.unwrap()).name, "Mr. Adam");
    assert_eq!(q.form.as_deref(), Some("question"));
    assert_eq!(
        q.paragraphs,
        [
            Block::Paragraph("asked the Minister".into()),
            Block::List {
                items: vec!["whether".into(), "who".into()],
                ordered: false
            }
        ]
    );
    assert_eq!(
        s.speeches[1].paragraphs,
        [Block::Note("(Question deferred)".into())]
    );
    let a = &s.speeches[2];
    assert_eq!(a.role.as_deref(), Some("Minister of State"));
    assert_eq!(a.time.as_deref(), Some("1995-10-31T14:30:00"));
    assert_eq!(p.segments[1].title, "PRAYERS");
    assert_eq!(p.segments[1].kind, SegmentKind::Ceremony);
    assert!(p.segments[1].speeches.is_empty());
    assert_eq!(
        p.segments[2].title, "GROUPED",
        "a speechGroup is no section"
    );
    assert_eq!(p.segments[2].speeches.len(), 2);
    let committee = p.speaker(p.segments[2].speeches[1].speaker.unwrap());
    assert_eq!(committee.name, "The Committee");
    assert_eq!(committee.kind, crate::model::SpeakerKind::Organization);
}

#[test]
fn without_namespace_title_or_speaker() {
    let p = import_str(
        "<akomaNtoso><debate><preface><p><docTitle></docTitle></p>\
         <p><docDate date=\"2014-07-24\">24th July 2014</docDate></p></preface>\
         <debateBody><debateSection><speech><p>Hello</p></speech></debateSection>\
         <debateSection><heading>Conclusions</heading><speech><from>Ann</from><p>Bye</p></speech>\
         </debateSection></debateBody></debate></akomaNtoso>",
    )
    .proceedings;
    assert_eq!(
        p.forum.title, "t",
        "the file name when nothing else names it"
    );
    assert_eq!(
        p.forum.date.map(|d| d.to_string()).as_deref(),
        Some("2014-07-24")
    );
    assert!(
        p.forum.summary.is_empty(),
        "title and date are not repeated"
    );
    assert_eq!(p.segments[0].title, "Section 1");
    assert_eq!(p.segments[0].speeches[0].speaker, None);
    assert_eq!(p.segments[0].speeches[0].title.as_deref(), Some("Speech"));
    assert_eq!(p.segments[1].title, "Conclusions");
    assert_eq!(p.speakers[0].name, "Ann");
}

#[test]
fn not_a_debate_is_an_error() {
    let root = parse("t.xml", "<akomaNtoso><act/></akomaNtoso>").unwrap();
    let e = import("t.xml", &root).unwrap_err().to_string();
    assert!(e.contains("holds <act>, not a debate record"), "{e}");
}
