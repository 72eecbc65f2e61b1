//! The help overlay, generated from the keymap table: nothing in it is
//! written by hand.

use ratatui::buffer::Buffer;
use ratatui::widgets::{Block, Clear, Widget};

use super::{Look, put, rect};
use crate::action::Action;
use crate::keymap::{self, HelpLine, Mode};
use crate::state::State;

pub(super) fn render(buf: &mut Buffer, state: &State, offset: usize, look: &Look) {
    let view = state.help_view();
    let area = rect(view.area);
    super::clear_under_overlay(buf, area);
    Clear.render(area, buf);
    let close = keymap::keys_label(&keymap::keys_for(Mode::Help, Action::CloseHelp));
    let block = Block::bordered()
        .border_set(look.symbols.border)
        .title(format!(" keys: {close} "))
        .style(look.theme.help);
    let inner = block.inner(area);
    block.render(area, buf);
    let t = &look.theme;
    let x = inner.x + 1;
    let w = inner.width.saturating_sub(2);
    let keys_w = view.keys_width as u16;
    let text_x = x + 1 + keys_w + 2;
    let lines = view
        .lines
        .iter()
        .skip(offset)
        .take(usize::from(inner.height));
    for (i, line) in lines.enumerate() {
        let y = inner.y + i as u16;
        match line {
            HelpLine::Heading(h) => {
                put(buf, x, y, w, h, t.help_heading, look);
            }
            HelpLine::Entry { keys, text } => {
                put(buf, x + 1, y, keys_w.min(w), keys, t.help_key, look);
                put(
                    buf,
                    text_x,
                    y,
                    (x + w).saturating_sub(text_x),
                    text,
                    t.help,
                    look,
                );
            }
            HelpLine::Blank => {}
        }
    }
}
