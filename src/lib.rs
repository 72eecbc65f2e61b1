//! forum-tui: a terminal reader for the proceedings of forums and conferences.
//!
//! Data flows one way: event → keymap → `Action` → `State::apply` → view.
//! `model` and `text` are pure and know nothing of terminals.

pub mod model;
pub mod text;
