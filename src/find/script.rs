//! The script (繁/简) of a whole proceedings file, and the file converted
//! to the other script for display.

use crate::model::{Block, Proceedings};
use crate::text::script::{self, Script};

/// The script `p` is written in: from `forum.language` when it says
/// (`zh-Hant`, `zh-Hans`, `zh-TW`, `zh-CN`…), else by counting characters
/// that exist in one script only, over the title and the searchable text
/// in programme order (the count stops early, so this is cheap on a large
/// file). `None` for a file
/// with no Chinese that tells.
pub fn document_script(p: &Proceedings) -> Option<Script> {
    if let Some(s) = p
        .forum
        .language
        .as_deref()
        .and_then(script::script_of_language)
    {
        return Some(s);
    }
    script::detect(std::iter::once(p.forum.title.as_str()).chain(super::texts(p)))
}

/// `p` with every text a reader sees converted to `to`: the forum's
/// title, theme, location, format, organisers and summary, the source's
/// title and publisher, speakers' names, posts and notes, segment titles,
/// parents' headings, topics, descriptions and participants, turn titles,
/// forms, roles, text and notes. Ids,
/// dates, URLs and the language tag stay as they are. Positions (segment,
/// turn, block indices) are the same in both; byte offsets within a text
/// may differ, since phrase conversion can change a text's length.
pub fn convert_proceedings(p: &Proceedings, to: Script) -> Proceedings {
    let c = |s: &String| script::convert(s, to);
    let co = |s: &Option<String>| s.as_ref().map(c);
    let blocks = |bs: &Vec<Block>| bs.iter().map(|b| convert_block(b, to)).collect();
    let mut out = p.clone();
    let f = &mut out.forum;
    f.title = c(&p.forum.title);
    f.theme = co(&p.forum.theme);
    f.location = co(&p.forum.location);
    f.format = co(&p.forum.format);
    for (o, src) in f.organizers.iter_mut().zip(&p.forum.organizers) {
        o.role = c(&src.role);
        o.name = c(&src.name);
    }
    f.summary = blocks(&p.forum.summary);
    if let (Some(s), Some(src)) = (&mut f.source, &p.forum.source) {
        s.title = co(&src.title);
        s.publisher = co(&src.publisher);
    }
    for (s, src) in out.speakers.iter_mut().zip(&p.speakers) {
        s.name = c(&src.name);
        s.note = co(&src.note);
        for (a, asrc) in s.affiliations.iter_mut().zip(&src.affiliations) {
            a.organization = co(&asrc.organization);
            a.position = co(&asrc.position);
        }
    }
    for (seg, src) in out.segments.iter_mut().zip(&p.segments) {
        seg.title = c(&src.title);
        seg.topic = co(&src.topic);
        seg.parents = src.parents.iter().map(c).collect();
        seg.description = blocks(&src.description);
        seg.participants = src.participants.iter().map(c).collect();
        for (sp, ssrc) in seg.speeches.iter_mut().zip(&src.speeches) {
            sp.title = co(&ssrc.title);
            sp.form = co(&ssrc.form);
            sp.role = co(&ssrc.role);
            sp.paragraphs = blocks(&ssrc.paragraphs);
        }
    }
    out
}

fn convert_block(b: &Block, to: Script) -> Block {
    match b {
        Block::Paragraph(t) => Block::Paragraph(script::convert(t, to).into()),
        Block::Note(t) => Block::Note(script::convert(t, to).into()),
        Block::List { items, ordered } => Block::List {
            items: items
                .iter()
                .map(|t| script::convert(t, to).into())
                .collect(),
            ordered: *ordered,
        },
    }
}

/// `p` converted for display in `to`, its language tag saying so, so that
/// the page furniture follows the script too.
pub fn shown_in(p: &Proceedings, to: Script) -> Proceedings {
    let mut c = convert_proceedings(p, to);
    c.forum.language = Some(format!("zh-{}", to.subtag()));
    c
}
