//! Pure text functions: display width, Chinese-aware line breaking,
//! sanitising file text for the terminal, and search matching.
//! No terminal, no application state.

/// How East Asian Ambiguous characters (“ ” — … · ①, box drawing) are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmbiguousWidth {
    /// One cell, as ratatui's buffer and most terminals assume.
    #[default]
    Narrow,
    /// Two cells, for terminals configured to draw them wide.
    Wide,
}
