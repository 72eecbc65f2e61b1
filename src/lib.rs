//! forum-tui: a terminal reader for the proceedings of forums and conferences.
//!
//! Data flows one way: terminal event → `keymap` → [`action::Action`] →
//! `state::State::apply` → `ui::render`. `model`, `text`, `doc` and `state`
//! are pure and know nothing of terminals; `app` is the only module that
//! touches one.

pub mod action;
pub mod app;
pub mod cli;
pub mod doc;
pub mod find;
pub mod keymap;
pub mod model;
pub mod print;
pub mod resume;
pub mod session;
pub mod state;
pub mod text;
pub mod ui;

/// The default proceedings: the 2022 「質量之光」 forum, embedded so that
/// `forum-tui` opens it from any directory.
pub const DEFAULT_PROCEEDINGS: &str = include_str!("../data/light-of-quality-2022.json");

/// The name the default proceedings go by in messages.
pub const DEFAULT_NAME: &str = "light-of-quality-2022.json (built in)";
