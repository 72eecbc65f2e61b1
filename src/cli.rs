//! The command line: raw arguments (what was typed) parsed by lexopt, then
//! validated into [`Args`] (what to do). No terminal here.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::model::import::Format;
use crate::text::AmbiguousWidth;
use crate::text::script::Script;

/// The environment variable that sets `--ambiguous-width`.
pub const AMBIGUOUS_ENV: &str = "FORUM_TUI_AMBIGUOUS_WIDTH";

pub const USAGE: &str = "\
Usage: forum-tui [OPTIONS] [FILE]
       forum-tui convert [--from FORMAT] FILE [-o OUT.json]

A terminal reader for the proceedings of forums and conferences.
FILE is a proceedings file (JSON, format version 1), a markdown transcript,
ParlaMint TEI or an Akoma Ntoso debate record, told apart by content;
`-` reads standard input. Without FILE, the embedded 2022
\u{300c}質量之光\u{300d} forum opens.
`convert` writes FILE in the proceedings format (to standard output without -o).

Modes (default: the reader; when standard output is not a terminal, --dump):
      --check       Validate FILE: print `ok: ...` and warnings, exit 1 if invalid
      --outline     Print the programme as an indented tree
      --dump        Print the whole proceedings as plain text
      --count QUERY Print how many matches the reader's forum-wide search (f)
                    finds for QUERY, as one number

Options:
      --from FORMAT               Read FILE as json, markdown, parlamint or akoma-ntoso
  -o, --output OUT.json           Where `convert` writes (default: standard output)
      --width N                   Text width: of --dump (default: $COLUMNS, else the
                                  terminal's, else 80), or the widest text column in the reader
      --segment N                 With --dump: only segment N (counted from 1)
      --speaker ID                With --dump: only the turns of the speaker with this id
      --script hans|hant          Show Chinese text in Simplified or Traditional characters
                                  (the reader's t switches; --dump prints in it)
      --max-size N                Refuse input larger than N bytes (suffix K, M or G: KiB,
                                  MiB, GiB); default: no limit for a file, 1G for a stream
      --no-resume                 Open at the landing page, not where reading stopped
                                  last time (the position is still saved on quit)
      --ambiguous-width WIDTH     Lay out East Asian Ambiguous characters (\u{201c} \u{201d} \u{2014} \u{2026})
                                  as `narrow` (1 cell, default) or `wide` (2 cells; borders
                                  become ASCII). Also set by FORUM_TUI_AMBIGUOUS_WIDTH.
      --hang-punctuation          Let a full-width closing mark such as \u{3002} or \u{ff0c} hang past
                                  the line end instead of pushing a character down
                                  (--dump lines may then be 2 cells wider than --width)
  -h, --help                      Print help
  -V, --version                   Print version

Environment:
  NO_COLOR                        Set and not empty: no colour (reverse, bold, underline only)
  FORUM_TUI_AMBIGUOUS_WIDTH       `narrow` or `wide`, as --ambiguous-width
  COLUMNS                         The width of --dump when --width is not given
  FORUM_TUI_TRACE                 A file to append timings to: start, load, first frame,
                                  each key's time to its frame (µs), for benchmarks

Exit status: 0 ok, 1 the file could not be read or is invalid, 2 usage error.
Keys in the reader: press ? for help.";

/// What to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Read,
    Check,
    Outline,
    Dump,
    /// `--count QUERY`: the number of hits of the forum-wide search.
    Count,
    /// `convert FILE [-o OUT.json]`: write the proceedings format.
    Convert,
    Help,
    Version,
}

/// Where the proceedings come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Default,
    Stdin,
    Path(PathBuf),
}

/// Validated arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub command: Command,
    pub input: Input,
    pub width: Option<usize>,
    pub ambiguous: AmbiguousWidth,
    /// `--from`: the format to read FILE as, instead of telling it from the content.
    pub from: Option<Format>,
    /// `-o`: where `convert` writes.
    pub output: Option<PathBuf>,
    /// `--hang-punctuation`: full-width closing marks may hang in a 2-cell
    /// gutter past the width.
    pub hang: bool,
    /// `--dump --segment N`, counted from 1.
    pub segment: Option<usize>,
    /// `--dump --speaker ID`.
    pub speaker: Option<String>,
    /// `--script hans|hant`.
    pub script: Option<Script>,
    /// `--max-size`: the most bytes read from the input.
    pub max_size: Option<u64>,
    /// `--no-resume`: the reader opens at the landing page.
    pub no_resume: bool,
    /// `--count QUERY`: the query, never empty.
    pub query: Option<String>,
}

/// What was typed, before it is checked for sense.
#[derive(Debug, Default)]
struct LowArgs {
    modes: Vec<Command>,
    file: Option<OsString>,
    width: Option<String>,
    ambiguous: Option<String>,
    convert: bool,
    from: Option<String>,
    output: Option<OsString>,
    segment: Option<String>,
    speaker: Option<String>,
    script: Option<String>,
    max_size: Option<String>,
    no_resume: bool,
    hang: bool,
    query: Option<String>,
}

fn parse_low(args: impl IntoIterator<Item = OsString>) -> Result<LowArgs, String> {
    use lexopt::prelude::*;
    let mut low = LowArgs::default();
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        match arg {
            Long("check") => low.modes.push(Command::Check),
            Long("no-resume") => low.no_resume = true,
            Long("outline") => low.modes.push(Command::Outline),
            Long("dump") => low.modes.push(Command::Dump),
            Long("count") => {
                low.modes.push(Command::Count);
                low.query = Some(string(p.value().map_err(|e| e.to_string())?)?);
            }
            Short('h') | Long("help") => low.modes.push(Command::Help),
            Short('V') | Long("version") => low.modes.push(Command::Version),
            Long("width") => low.width = Some(string(p.value().map_err(|e| e.to_string())?)?),
            Long("segment") => low.segment = Some(string(p.value().map_err(|e| e.to_string())?)?),
            Long("script") => low.script = Some(string(p.value().map_err(|e| e.to_string())?)?),
            Long("speaker") => low.speaker = Some(string(p.value().map_err(|e| e.to_string())?)?),
            Long("max-size") => low.max_size = Some(string(p.value().map_err(|e| e.to_string())?)?),
            Long("hang-punctuation") => low.hang = true,
            Long("ambiguous-width") => {
                low.ambiguous = Some(string(p.value().map_err(|e| e.to_string())?)?);
            }
            Long("from") => low.from = Some(string(p.value().map_err(|e| e.to_string())?)?),
            Short('o') | Long("output") => {
                low.output = Some(p.value().map_err(|e| e.to_string())?);
            }
            Value(v) if v == "convert" && !low.convert && low.file.is_none() => low.convert = true,
            Value(v) if low.file.is_none() => low.file = Some(v),
            Value(v) => return Err(format!("unexpected argument {}", v.to_string_lossy())),
            other => return Err(other.unexpected().to_string()),
        }
    }
    Ok(low)
}

fn string(v: OsString) -> Result<String, String> {
    v.into_string()
        .map_err(|v| format!("invalid UTF-8 in argument {}", v.to_string_lossy()))
}

fn parse_ambiguous(s: &str, from: &str) -> Result<AmbiguousWidth, String> {
    match s {
        "narrow" | "1" => Ok(AmbiguousWidth::Narrow),
        "wide" | "2" => Ok(AmbiguousWidth::Wide),
        _ => Err(format!("{from}: expected `narrow` or `wide`, got `{s}`")),
    }
}

/// The width `$COLUMNS` names, when it is a width at all.
pub fn columns(value: Option<&str>) -> Option<usize> {
    value?.trim().parse::<usize>().ok().filter(|&n| n >= 1)
}

/// Parses the arguments (without the program name) and the environment
/// variable's value. The error is a one-line usage message.
pub fn parse(
    args: impl IntoIterator<Item = OsString>,
    env_ambiguous: Option<String>,
) -> Result<Args, String> {
    let low = parse_low(args)?;
    let command = match low.modes.as_slice() {
        [] if low.convert => Command::Convert,
        [] => Command::Read,
        [m] if !low.convert => *m,
        [Command::Help] => Command::Help,
        [_] => {
            return Err("convert goes without --check, --outline, --dump or --count".to_owned());
        }
        many if many.contains(&Command::Help) => Command::Help,
        many if many.contains(&Command::Version) => Command::Version,
        _ => return Err("--check, --outline, --dump and --count exclude each other".to_owned()),
    };
    let width = match low.width {
        None => None,
        Some(w) => match w.parse::<usize>() {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                return Err(format!(
                    "--width: expected a whole number of cells from 1, got `{w}`"
                ));
            }
        },
    };
    if width.is_some() && command != Command::Dump && command != Command::Read {
        return Err("--width goes with --dump or the reader".to_owned());
    }
    let segment = match low.segment {
        None => None,
        Some(n) => match n.parse::<usize>() {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                return Err(format!(
                    "--segment: expected a segment number from 1, got `{n}`"
                ));
            }
        },
    };
    if (segment.is_some() || low.speaker.is_some()) && command != Command::Dump {
        return Err("--segment and --speaker go with --dump".to_owned());
    }
    let script = match low.script {
        None => None,
        Some(s) => Some(
            Script::parse(&s)
                .ok_or_else(|| format!("--script: expected `hans` or `hant`, got `{s}`"))?,
        ),
    };
    if segment.is_some() && low.speaker.is_some() {
        return Err("--segment and --speaker exclude each other".to_owned());
    }
    let ambiguous = match (low.ambiguous, env_ambiguous) {
        (Some(a), _) => parse_ambiguous(&a, "--ambiguous-width")?,
        (None, Some(e)) if !e.is_empty() => parse_ambiguous(&e, AMBIGUOUS_ENV)?,
        _ => AmbiguousWidth::Narrow,
    };
    let from = match low.from {
        None => None,
        Some(f) => Some(Format::parse(&f).ok_or_else(|| {
            format!("--from: expected json, markdown, parlamint or akoma-ntoso, got `{f}`")
        })?),
    };
    if low.output.is_some() && command != Command::Convert {
        return Err("-o goes with convert".to_owned());
    }
    if command == Command::Convert && low.file.is_none() {
        return Err("convert needs a FILE (or - for standard input)".to_owned());
    }
    let input = match low.file {
        None => Input::Default,
        Some(f) if f == "-" => Input::Stdin,
        Some(f) => Input::Path(PathBuf::from(f)),
    };
    if low.query.as_deref() == Some("") {
        return Err("--count: the query is empty".to_owned());
    }
    let max_size = low.max_size.as_deref().map(parse_size).transpose()?;
    if low.no_resume && command != Command::Read {
        return Err("--no-resume goes with the reader".to_owned());
    }
    Ok(Args {
        command,
        input,
        width,
        ambiguous,
        from,
        output: low.output.map(PathBuf::from),
        hang: low.hang,
        segment,
        speaker: low.speaker,
        script,
        max_size,
        no_resume: low.no_resume,
        query: low.query,
    })
}

/// `--max-size`: bytes, or with a suffix K, M or G (powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
    let (digits, unit) = match s.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&s[..i], c.to_ascii_uppercase()),
        _ => (s, 'B'),
    };
    let scale: u64 = match unit {
        'B' => 1,
        'K' => 1 << 10,
        'M' => 1 << 20,
        'G' => 1 << 30,
        _ => 0,
    };
    digits
        .parse::<u64>()
        .ok()
        .filter(|_| scale > 0 && digits.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.checked_mul(scale))
        .ok_or_else(|| format!("--max-size: expected bytes such as 500000, 64M or 2G, got `{s}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Args, String> {
        parse(args.iter().map(OsString::from), None)
    }

    #[test]
    fn modes_and_inputs() {
        let a = p(&[]).unwrap();
        assert_eq!((a.command, a.input), (Command::Read, Input::Default));
        let a = p(&["--check", "f.json"]).unwrap();
        assert_eq!(
            (a.command, a.input),
            (Command::Check, Input::Path("f.json".into()))
        );
        assert_eq!(p(&["--outline", "-"]).unwrap().input, Input::Stdin);
        let a = p(&["--dump", "--width", "40"]).unwrap();
        assert_eq!((a.command, a.width), (Command::Dump, Some(40)));
        assert_eq!(p(&["--width=12", "--dump"]).unwrap().width, Some(12));
        assert_eq!(
            p(&["--width", "60"]).unwrap().width,
            Some(60),
            "a reading measure"
        );
        let a = p(&["--dump", "--segment", "3"]).unwrap();
        assert_eq!(a.segment, Some(3));
        let a = p(&["--dump", "--speaker", "hao"]).unwrap();
        assert_eq!(a.speaker.as_deref(), Some("hao"));
        assert!(!p(&[]).unwrap().no_resume);
        assert!(p(&["--no-resume", "f.json"]).unwrap().no_resume);
        assert!(p(&["--dump", "--hang-punctuation"]).unwrap().hang);
        assert!(
            p(&["--hang-punctuation"]).unwrap().hang,
            "in the reader too"
        );
        assert!(!p(&["--dump"]).unwrap().hang);
        let a = p(&["--count", "質量", "f.json"]).unwrap();
        assert_eq!(
            (a.command, a.query.as_deref()),
            (Command::Count, Some("質量"))
        );
        assert_eq!(a.input, Input::Path("f.json".into()));
        assert_eq!(p(&["--count=x", "-"]).unwrap().query.as_deref(), Some("x"));
        assert_eq!(p(&["--dump"]).unwrap().query, None);
        assert_eq!(p(&["-h"]).unwrap().command, Command::Help);
        assert_eq!(p(&["--version"]).unwrap().command, Command::Version);
    }

    #[test]
    fn usage_errors() {
        for bad in [
            &["--bogus"][..],
            &["a", "b"],
            &["--check", "--dump"],
            &["--dump", "--width", "0"],
            &["--dump", "--width", "x"],
            &["--dump", "--width"],
            &["--check", "--width", "5"],
            &["--segment", "2"],
            &["--dump", "--segment", "0"],
            &["--dump", "--segment", "x"],
            &["--dump", "--segment", "1", "--speaker", "a"],
            &["--check", "--speaker", "a"],
            &["--ambiguous-width", "huge"],
            &["--check", "--no-resume"],
            &["--dump", "--no-resume"],
            &["convert"],
            &["convert", "--check", "f.md"],
            &["-o", "x.json", "f.md"],
            &["--from", "docx", "f"],
            &["--count"],
            &["--count", ""],
            &["--count", "x", "--check"],
            &["--dump", "--count", "x"],
            &["--outline", "--count", "x"],
            &["--count", "x", "--width", "40"],
            &["--count", "x", "--segment", "1"],
            &["--count", "x", "--no-resume"],
            &["convert", "--count", "x", "f.md"],
        ] {
            assert!(p(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn convert_and_from() {
        let a = p(&["convert", "t.md", "-o", "t.json"]).unwrap();
        assert_eq!(a.command, Command::Convert);
        assert_eq!(a.input, Input::Path("t.md".into()));
        assert_eq!(a.output, Some(PathBuf::from("t.json")));
        let a = p(&["--from", "akoma-ntoso", "--check", "x"]).unwrap();
        assert_eq!(
            (a.command, a.from),
            (Command::Check, Some(Format::AkomaNtoso))
        );
        let a = p(&["convert", "-"]).unwrap();
        assert_eq!((a.input, a.output), (Input::Stdin, None));
        // A file named `convert` is still a file after the subcommand.
        assert_eq!(
            p(&["convert", "convert"]).unwrap().input,
            Input::Path("convert".into())
        );
    }

    #[test]
    fn max_size_takes_bytes_and_suffixes() {
        let size = |s: &str| p(&["--check", "--max-size", s, "-"]).map(|a| a.max_size);
        assert_eq!(p(&["--check", "-"]).unwrap().max_size, None);
        for (arg, bytes) in [
            ("0", 0),
            ("1000", 1000),
            ("10K", 10 << 10),
            ("10k", 10 << 10),
            ("64M", 64 << 20),
            ("2G", 2 << 30),
            ("500B", 500),
        ] {
            assert_eq!(size(arg), Ok(Some(bytes)), "{arg}");
        }
        for bad in [
            "",
            "M",
            "-1",
            "+5",
            "1.5M",
            "10T",
            "9999999999999G",
            "1 M",
            "１０",
        ] {
            assert!(size(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn ambiguous_width_from_flag_or_environment() {
        let env = |v: &str| parse(Vec::<OsString>::new(), Some(v.to_owned()));
        assert_eq!(env("wide").unwrap().ambiguous, AmbiguousWidth::Wide);
        assert_eq!(env("").unwrap().ambiguous, AmbiguousWidth::Narrow);
        assert!(env("bogus").is_err());
        let flag = parse(
            ["--ambiguous-width", "narrow"].map(OsString::from),
            Some("wide".into()),
        );
        assert_eq!(flag.unwrap().ambiguous, AmbiguousWidth::Narrow);
    }
}
