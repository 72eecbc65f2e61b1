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
    /// Open the selected item (a heading: show its segments).
    Open,
    /// Show a segment's or heading's rows (on an open one: its first row).
    Expand,
    /// Collapse a segment, or go to the parent row.
    Collapse,
    /// Collapse every segment but the one being read.
    CollapseOthers,
    /// A page of text; at a page's end the next segment (Space, `b`).
    ReadDown,
    ReadUp,
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
    /// The n-th segment's page, counted from 1.
    GotoSegment(u8),
    /// Open the `:` prompt (segment, segment.turn, percent).
    GotoStart,
    /// `m`: the next letter sets a mark.
    SetMark,
    /// `'`: the next letter returns to a mark (`''`: back from the last jump).
    JumpMark,
    /// Every turn of the current turn's speaker.
    SpeakerPage,
    /// Open the jump palette (speakers and segments).
    PaletteOpen,
    /// Typed into the palette's query.
    PaletteChar(char),
    PaletteBackspace,
    /// The palette's selection up or down a row, or a page of rows.
    PaletteUp,
    PaletteDown,
    PalettePageUp,
    PalettePageDown,
    /// Jump to the selected speaker's first turn, or the selected segment.
    PaletteAccept,
    /// Open the selected speaker's page.
    PaletteSpeaker,
    PaletteClose,
    /// Hanging punctuation on or off.
    ToggleHang,
    /// Show the text in the other script (繁/简).
    ToggleScript,
    /// Hide or show the programme tree.
    ToggleTree,
    /// Copy the current turn to the clipboard.
    Copy,
    SearchStart,
    /// Search the whole forum (`f`): a results view over the text pane.
    FindStart,
    /// Close the forum-wide results, back to where reading was.
    CloseResults,
    /// Carry a running search on by a step (sent by the loop when no key
    /// is waiting).
    Work,
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
