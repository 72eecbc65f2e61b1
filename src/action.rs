//! Everything the reader can be asked to do. Keys, mouse and terminal events
//! become an [`Action`] (through the keymap or `app.rs`), and only
//! `State::apply` gives an action its effect.

/// One thing the user (or the terminal) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    FocusNext,
    FocusPrev,
    /// Selection down (tree) or scroll a line (text).
    Down,
    Up,
    /// Open the selected item; expand a segment.
    Open,
    /// Collapse a segment, or go to the parent row.
    Collapse,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextSpeech,
    PrevSpeech,
    NextSegment,
    PrevSegment,
    NextRoundtable,
    PrevRoundtable,
    /// The n-th segment's overview, counted from 1.
    GotoSegment(u8),
    SearchStart,
    SearchNext,
    SearchPrev,
    /// Clear the search (Esc outside the prompt).
    ClearSearch,
    /// Toggle the help overlay.
    Help,
    CloseHelp,
    Redraw,
    Suspend,
    ToggleMouse,
    /// Typed into the search prompt.
    PromptChar(char),
    PromptBackspace,
    PromptAccept,
    PromptCancel,
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    /// A left click at a screen cell (column, row).
    Click(u16, u16),
    /// Mouse wheel at a screen cell: lines to scroll (negative is up).
    Wheel(u16, u16, i8),
}
