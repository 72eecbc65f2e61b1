//! Pure text functions: display width, Chinese-aware line breaking,
//! sanitising file text for the terminal, and search matching.
//! No terminal, no application state, no ratatui.
//!
//! # Modules
//!
//! | module | owns |
//! |---|---|
//! | [`width`] | cells per grapheme cluster, [`width::str_width`], [`width::truncate`] |
//! | [`sanitize`] | what may reach the terminal: controls made visible, bidi dropped |
//! | [`wrap`] | filling text into lines of byte ranges: greedy, re-planned with look-ahead where it leaves trouble |
//! | [`layout`] | paragraphs and lists: prefixes, indents, list markers |
//! | [`render`] | the sanitised glyphs a renderer draws for one laid-out line |
//! | [`pinyin`] | palette matching by characters or pinyin (full, initials, mixed, every reading), ranked |
//! | [`script`] | 繁/简: conversion (OpenCC data via `zhconv`), script detection, the per-char fold |
//! | [`search`] | smart-case, full-width- and 繁/简-folding substring matching |
//!
//! # Width
//!
//! Text is measured per grapheme cluster (UAX #29): Han and full-width forms
//! take 2 cells, combining marks 0, an emoji ZWJ sequence 2 (a cluster with
//! any wide char is 2). East Asian Ambiguous characters (“ ” — … · ①, box
//! drawing, Greek and Cyrillic letters) take 1 cell by default
//! ([`AmbiguousWidth::Narrow`], as ratatui's buffer assumes) or 2
//! ([`AmbiguousWidth::Wide`]). Wide mode decides from the Unicode East
//! Asian Width property itself (a table of the `EAW=A` ranges, `eaw.rs`),
//! not from `unicode-width`'s CJK table alone, which keeps `α` and `д`
//! narrow; it counts 2 for what either says is wide. A control counts as
//! the visible stand-in it is drawn as, so the wrapper and the renderer
//! agree.
//!
//! # Line breaking
//!
//! Break opportunities come from UAX #14 (`unicode-linebreak`), filtered by
//! the W3C clreq "basic" prohibitions and strict line breaking:
//!
//! * never at the start of a line: `。．，、：；！？‼⁇ ,.:;!? ”’」』）》〉】〗〕］｝)]}
//!   ～〜 – — ·・‧ ／ %％‰℃°′″ 々ー`, small kana (class CJ) and the closing,
//!   exclamation, infix and non-starter classes;
//! * never at the end of a line: `“‘「『（《〈【〖〔［｛([{ ¥$£€#№` and opening
//!   punctuation;
//! * never split: a number with its separators and sign (5.45, 2.71%, 16:35,
//!   14,000, -3.5), a range such as 2022—2025, a Latin word, `——`, `……`, and
//!   anything glued by a no-break space or word joiner;
//! * added: a break before `“` and after `”` between Chinese characters
//!   (Unicode 15.1's LB19a; `unicode-linebreak` implements 15.0, which never
//!   breaks next to a quote), between `”“` in Chinese text, before `“` after
//!   a Han character and after `”` before one whatever the quote holds
//!   (`揭曉|“2022年度`, as Unicode 16 and browsers do), and before a
//!   full-width opening bracket after digits or letters (`32.69%|（不含`,
//!   UAX #14's LB30);
//! * U+3000 as padding — one between Han characters after a name or label
//!   of at most four (`薛　凌`, `編輯　佟明彪`), or two between single
//!   characters (`時　　間`) — is no opportunity unless nothing else fits;
//! * a URL (`http://`, `https://`, `ftp://`, `www.`) breaks inside only
//!   after `/ ? & #`, never after `-` or `.`, and only when it is longer
//!   than a line: otherwise the line breaks before it.
//!
//! Every boundary gets a tier ([`wrap`] and `breaks.rs`): a break that keeps
//! the rules, one inside a URL, one UAX #14 offers but a rule forbids, a
//! boundary that breaks no rule, a split inside a word or number, one that
//! leaves punctuation at a line's edge, anything else.
//!
//! Lines are first filled greedily: the last break of the best tier that
//! fits. Where that leaves trouble — a forced break (a piece wider than the
//! line), a line four cells or more short, or an orphan (孤字: a last line
//! with a single letter or ideograph, with or without its punctuation) —
//! the segment is re-planned from two lines before by a dynamic programme
//! (`plan.rs`) that looks ahead: a break costs by its tier, each tier more
//! than any amount of spacing, so the plan never breaks a rule that the
//! greedy layout kept; a line costs its empty cells squared (no line
//! shorter than needed: `對《行動方` / `案（2022—` / `2025年）》` rather than
//! `…方` / `案` / `（2022—` / `2025年）》`); an orphaned last line costs more
//! than any spacing of a few lines, so it is avoided whenever a legal
//! layout does (`以保障行動方案` / `落實。`). A split inside a word or number
//! that would fit a line whole costs more than leaving a mark on the next
//! line (`（Clean）` / `。`, `2.71%` / `。`); a longer one is split inside,
//! at the last boundary that orphans no punctuation, never inside a
//! grapheme. Segments over 20,000 graphemes, or with tabs, keep the greedy
//! layout.
//!
//! Hanging punctuation (行尾懸掛) is opt-in ([`wrap::WrapOptions::hang`],
//! [`layout::LayoutOptions::hang`], `--hang-punctuation`): a full-width
//! `。，、：；！？` or closing bracket or quote that would push a character
//! to the next line stays on the line in a gutter of
//! [`wrap::HANG_GUTTER`] (2) cells past the width; one mark at most.
//!
//! `\n` is a hard break; tabs expand to the next multiple of 4 cells from
//! the column the content starts at (prefix included). White space at a
//! break (ASCII space, tab, U+3000 alike) hangs past the margin and is
//! dropped: no line ends in white space, and only the first line after a
//! hard break may start with it (the author's own indent). U+3000 inside a
//! line is ordinary 2-cell content. No line is wider than the width unless
//! it is a single grapheme wider than the width or ends in a hung mark;
//! width 0 gives one grapheme per line.
//!
//! Why `unicode-linebreak` and not `icu_segmenter`: it is small (two table
//! files, no data provider), fast (a trie look-up and a pair-table step per
//! char, and we skip even that inside runs of Han, where ID ÷ ID always
//! holds), and the Chinese rules we need go beyond what either library
//! offers: ICU4X's strict mode covers the small-kana (CJ) rule but not the
//! clreq prohibitions on ～ ／ · %, ranges, or full-width numbers, so a
//! layer of our own is needed anyway. The Unicode 15.1 and 16 changes that
//! matter here (quotes in East Asian context) are a few lines of that
//! layer.
//!
//! # Layout
//!
//! A paragraph may take the Chinese first-line indent of two U+3000 (unless
//! it brings its own indent); a list item takes a marker — `1. ` … `10. `
//! right-aligned, or a bullet by the document's language
//! ([`layout::Bullet`]): `・` for Japanese only, otherwise `•` in wide mode
//! and `∙ ` in narrow mode (never an East Asian Ambiguous glyph there) —
//! and its later lines hang under the text.
//!
//! # Safe text
//!
//! Nothing from a file reaches the terminal unsanitised: C0/C1 controls and
//! DEL become visible stand-ins (Control Pictures, U+FFFD), bidi controls
//! are dropped, zero-width characters survive only inside a grapheme where
//! they belong (a ZWJ in an emoji sequence). Wrapped ranges point into the
//! original text; [`render::glyphs`] sanitises per grapheme as it draws.
//!
//! # Search
//!
//! Smart case (an upper-case letter in the query makes it case-sensitive),
//! full-width ASCII equal to ASCII (`２０２２` finds `2022` and back),
//! Simplified equal to Traditional per character (质量 finds 質量), and
//! matches on grapheme boundaries, as byte ranges of the original text.

mod breaks;
mod eaw;
pub mod layout;
pub mod pinyin;
mod plan;
pub mod render;
pub mod sanitize;
pub mod script;
pub mod search;
mod units;
pub mod width;
pub mod wrap;

#[cfg(test)]
mod prop_tests;

/// How East Asian Ambiguous characters (“ ” — … · ①, box drawing) are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmbiguousWidth {
    /// One cell, as ratatui's buffer and most terminals assume.
    #[default]
    Narrow,
    /// Two cells, for terminals configured to draw them wide.
    Wide,
}
