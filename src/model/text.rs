//! [`Text`]: the bulk text of a file (paragraphs, list items, notes) kept
//! compactly. A string the file holds as written, without JSON escapes, is
//! a range of the file's own text, which the loader keeps whole as one
//! shared arena; anything else (a string that had escapes, text made by an
//! importer, by the 繁/简 conversion or by a test) owns its characters in a
//! `Box<str>`, which has no spare capacity. Either way it reads as a `str`.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// A piece of text, shared with the file it was read from or owned.
/// Equality, order and hashing are by content, whatever the form.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    /// `arena[start..start + len]`, on character boundaries (checked when
    /// made, so reading it cannot fail).
    Shared {
        arena: Arc<String>,
        start: u32,
        len: u32,
    },
    Owned(Box<str>),
}

impl Text {
    /// The text at `addr` (a byte address, as `str::as_ptr` gives it) of
    /// `len` bytes, as a range of `arena`; `None` unless it lies wholly
    /// inside the arena on character boundaries. A range past what 32-bit
    /// offsets reach (a file over 4 GiB) is copied out instead.
    pub(crate) fn in_arena(arena: &Arc<String>, addr: usize, len: usize) -> Option<Text> {
        let start = addr.checked_sub(arena.as_ptr() as usize)?;
        let end = start.checked_add(len)?;
        let s = arena.get(start..end)?;
        Some(match (u32::try_from(start), u32::try_from(len)) {
            (Ok(start), Ok(len)) => Text(Repr::Shared {
                arena: Arc::clone(arena),
                start,
                len,
            }),
            _ => Text::from(s),
        })
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Shared { arena, start, len } => {
                let start = *start as usize;
                &arena[start..start + *len as usize]
            }
            Repr::Owned(s) => s,
        }
    }

    /// Whether the text is a range of a shared arena rather than owned.
    pub fn is_shared(&self) -> bool {
        matches!(self.0, Repr::Shared { .. })
    }
}

impl Default for Text {
    fn default() -> Text {
        Text(Repr::Owned(Box::default()))
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Repr::Owned(s.into_boxed_str()))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Repr::Owned(s.into()))
    }
}

impl From<Box<str>> for Text {
    fn from(s: Box<str>) -> Text {
        Text(Repr::Owned(s))
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        match t.0 {
            Repr::Owned(s) => s.into_string(),
            Repr::Shared { .. } => t.as_str().to_owned(),
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Written as the string it reads as.
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arena(s: &str) -> Arc<String> {
        Arc::new(s.to_owned())
    }

    fn range(a: &Arc<String>, start: usize, len: usize) -> Option<Text> {
        Text::in_arena(a, a.as_ptr() as usize + start, len)
    }

    #[test]
    fn a_range_reads_as_its_part_of_the_arena() {
        let a = arena("[\"第一段\",\"second\"]");
        let t = range(&a, 2, "第一段".len()).expect("inside");
        assert!(t.is_shared());
        assert_eq!(&*t, "第一段");
        assert_eq!(t.chars().count(), 3);
        assert_eq!(t.to_string(), "第一段");
        assert_eq!(format!("{t:?}"), "\"第一段\"");
        // Two texts and the arena, one allocation.
        assert_eq!(Arc::strong_count(&a), 2);
        let again = t.clone();
        assert_eq!(Arc::strong_count(&a), 3);
        assert_eq!(String::from(again), "第一段");
    }

    #[test]
    fn shared_and_owned_are_equal_by_content() {
        let a = arena("xx段落yy");
        let shared = range(&a, 2, "段落".len()).expect("inside");
        let owned = Text::from("段落");
        assert!(!owned.is_shared());
        assert_eq!(shared, owned);
        assert_eq!(shared, "段落");
        assert_eq!(shared, *"段落");
        assert_eq!(shared, "段落".to_owned());
        assert_eq!("段落", shared);
        assert_eq!("段落".to_owned(), owned);
        assert_ne!(shared, Text::from("段"));
        let hash = |t: &Text| {
            use std::collections::hash_map::DefaultHasher;
            let mut h = DefaultHasher::new();
            t.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&shared), hash(&owned));
        assert_eq!(Text::default(), "");
        assert_eq!(
            Text::from(String::from("a")).cmp(&Text::from("b")),
            std::cmp::Ordering::Less
        );
    }

    #[test]
    fn ranges_outside_the_arena_or_between_characters_are_refused() {
        let a = arena("ab中");
        assert!(range(&a, 0, 5).is_some());
        assert!(range(&a, 0, 6).is_none(), "past the end");
        assert!(range(&a, 3, 1).is_none(), "inside a character");
        assert!(range(&a, 6, 0).is_none(), "start past the end");
        let other = arena("ab");
        assert!(
            Text::in_arena(&a, other.as_ptr() as usize, 2).is_none(),
            "another string"
        );
        assert!(Text::in_arena(&a, 0, 1).is_none(), "below the arena");
        assert!(Text::in_arena(&a, usize::MAX, 2).is_none(), "overflow");
    }
}
