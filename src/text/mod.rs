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
//! | [`wrap`] | greedy filling of text into lines of byte ranges |
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
//! drawing) take 1 cell by default ([`AmbiguousWidth::Narrow`], as ratatui's
//! buffer assumes) or 2 ([`AmbiguousWidth::Wide`]). A control counts as the
//! visible stand-in it is drawn as, so the wrapper and the renderer agree.
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
//!   breaks next to a quote), and between `”“` in Chinese text.
//!
//! Lines are filled greedily. When the text between two opportunities is
//! wider than a whole line it is split at the best remaining point: the
//! last UAX #14 opportunity that fits (one our rules had removed), else the
//! last grapheme boundary that breaks none of the rules above, else the
//! last grapheme boundary that fits — never inside a grapheme.
//!
//! `\n` is a hard break; tabs expand to the next multiple of 4 cells from
//! the column the content starts at (prefix included). White space at a
//! break (ASCII space, tab, U+3000 alike) hangs past the margin and is
//! dropped: no line ends in white space, and only the first line after a
//! hard break may start with it (the author's own indent). U+3000 inside a
//! line is ordinary 2-cell content. No line is wider than the width unless
//! it is a single grapheme wider than the width; width 0 gives one grapheme
//! per line.
//!
//! Why `unicode-linebreak` and not `icu_segmenter`: it is small (two table
//! files, no data provider), fast (a trie look-up and a pair-table step per
//! char, and we skip even that inside runs of Han, where ID ÷ ID always
//! holds), and the Chinese rules we need go beyond what either library
//! offers: ICU4X's strict mode covers the small-kana (CJ) rule but not the
//! clreq prohibitions on ～ ／ · %, ranges, or full-width numbers, so a
//! layer of our own is needed anyway. The one Unicode 15.1 change that
//! matters here (LB19a, quotes in East Asian context) is a few lines of that
//! layer.
//!
//! # Layout
//!
//! A paragraph may take the Chinese first-line indent of two U+3000 (unless
//! it brings its own indent); a list item takes a marker — `1. ` … `10. `
//! right-aligned, or `・`, never an ambiguous-width bullet — and its later
//! lines hang under the text.
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
