//! `t`: the whole display in the file's script or the other one (繁/简).
//! The converted copy of the proceedings is made once and kept, so
//! switching back and forth costs a page rebuild; the reading position
//! stays on the same character.

use super::{Anchor, State};
use crate::find;
use crate::model::Proceedings;
use crate::text::script::Script;

/// The proceedings in both scripts: the one shown and, once made, the
/// other.
#[derive(Debug, Default)]
pub struct Scripts {
    /// The script the file is written in, if it tells.
    pub native: Option<Script>,
    /// The script shown now.
    pub shown: Option<Script>,
    /// The proceedings in the script not shown, once converted.
    twin: Option<Proceedings>,
}

impl Scripts {
    pub fn of(p: &Proceedings) -> Scripts {
        let native = find::document_script(p);
        Scripts {
            native,
            shown: native,
            twin: None,
        }
    }
}

impl State {
    /// Shows the proceedings in `to` (from the start: `--script`).
    pub fn with_script(mut self, to: Option<Script>) -> State {
        if let Some(to) = to
            && self.scripts.shown.is_some_and(|s| s != to)
        {
            self.toggle_script();
        }
        self
    }

    pub(super) fn toggle_script(&mut self) {
        let Some(shown) = self.scripts.shown else {
            self.complain("no Chinese text here to show in the other script");
            return;
        };
        let to = shown.other();
        let twin = self
            .scripts
            .twin
            .take()
            .unwrap_or_else(|| find::shown_in(&self.p, to));
        let old = std::mem::replace(&mut self.p, twin);
        self.scripts.twin = Some(old);
        self.scripts.shown = Some(to);
        // Hits and palette rows point into the old text.
        self.find = None;
        self.forum_nav = None;
        self.rebuild_page();
        self.say(match to {
            Script::Hans => "简体：shown in Simplified characters (t: back)",
            Script::Hant => "繁體：shown in Traditional characters (t: back)",
        });
    }

    /// The same page from the proceedings now shown, the top line on the
    /// same character of the same text.
    fn rebuild_page(&mut self) {
        let page = self.reader.page;
        let a = self.reader.anchor();
        let chars = self
            .reader
            .doc
            .pieces
            .get(a.piece)
            .and_then(|p| p.items().get(a.item))
            .and_then(|t| t.get(..a.offset))
            .map_or(0, |t| t.chars().count());
        let turn = self.turn_hint;
        let doc = self.doc_for(page);
        let offset = doc
            .pieces
            .get(a.piece)
            .and_then(|p| p.items().get(a.item))
            .map_or(0, |t| {
                t.char_indices().nth(chars).map_or(t.len(), |(i, _)| i)
            });
        self.reader.replace(doc);
        self.search.run(&self.reader.doc);
        self.reader.go_to(Anchor { offset, ..a });
        self.turn_hint = turn;
    }
}
