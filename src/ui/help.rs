//! The help overlay, generated from the keymap table: nothing in it is
//! written by hand.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

use super::{Look, put};
use crate::keymap::{self, HelpRow};
use crate::text;

pub(super) fn render(buf: &mut Buffer, screen: Rect, offset: usize, look: &Look) {
    let rows = keymap::help_rows();
    let keys_w = rows
        .iter()
        .filter_map(|r| match r {
            HelpRow::Binding { keys, .. } => Some(text::width::str_width(keys, look.amb)),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .min(24);
    let width = (keys_w as u16 + 50).min(screen.width.saturating_sub(4));
    let height = (rows.len() as u16 + 2).min(screen.height.saturating_sub(2));
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    Clear.render(area, buf);
    let title = format!(
        " keys: {} ",
        keymap::keys_label(&keymap::keys_for(
            keymap::Mode::Help,
            crate::action::Action::CloseHelp
        ))
    );
    let block = Block::bordered()
        .border_set(look.symbols.border)
        .title(title)
        .style(look.theme.help);
    let inner = block.inner(area);
    block.render(area, buf);
    let t = &look.theme;
    for (i, row) in rows
        .iter()
        .skip(offset)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + i as u16;
        let x = inner.x + 1;
        let w = inner.width.saturating_sub(2);
        match row {
            HelpRow::Heading(h) => {
                put(buf, x, y, w, h, t.help_heading, look);
            }
            HelpRow::Binding { keys, help } => {
                put(
                    buf,
                    x + 1,
                    y,
                    (keys_w as u16).min(w),
                    keys,
                    t.help_key,
                    look,
                );
                let hx = x + 1 + keys_w as u16 + 2;
                put(buf, hx, y, (x + w).saturating_sub(hx), help, t.help, look);
            }
            HelpRow::Blank => {}
        }
    }
}
