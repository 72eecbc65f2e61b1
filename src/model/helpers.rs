//! Small conveniences on the domain types for the reader and the CLI:
//! looking up speakers, counting speeches, formatting posts.

use super::{Affiliation, Proceedings, Speaker, SpeakerIdx};

/// How posts are written: Chinese runs organization and position together
/// (原質檢總局副局長); other languages write `former Engineer, Example Corp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PostStyle {
    #[default]
    Chinese,
    Western,
}

impl PostStyle {
    fn former(self) -> &'static str {
        match self {
            PostStyle::Chinese => "原",
            PostStyle::Western => "former ",
        }
    }
}

impl Proceedings {
    /// The speaker a [`SpeakerIdx`] refers to. Indices come from the loader
    /// (`Speech::speaker`) and are always in range; any other index panics.
    pub fn speaker(&self, idx: SpeakerIdx) -> &Speaker {
        &self.speakers[idx.0]
    }

    /// The index of the speaker with this `id`, if any.
    pub fn speaker_by_id(&self, id: &str) -> Option<SpeakerIdx> {
        self.speakers
            .iter()
            .position(|s| s.id == id)
            .map(SpeakerIdx)
    }

    /// Number of speeches in all segments.
    pub fn speech_count(&self) -> usize {
        self.segments.iter().map(|s| s.speeches.len()).sum()
    }
}

impl Speaker {
    /// A short label for the speaker's post: the first affiliation's
    /// position, or else its organization, with 原 before a former post
    /// (主任委員, 原副局長). `None` when there is nothing to show.
    pub fn short_post(&self) -> Option<String> {
        self.short_post_in(PostStyle::Chinese)
    }

    /// [`Speaker::short_post`] in a given style.
    pub fn short_post_in(&self, style: PostStyle) -> Option<String> {
        let first = self.affiliations.first()?;
        let post = non_empty(&first.position).or_else(|| non_empty(&first.organization))?;
        Some(if first.former {
            format!("{}{post}", style.former())
        } else {
            post.to_owned()
        })
    }

    /// All posts joined with `；`, each as organization then position, with
    /// 原 before a former one: `中國計量測試學會理事長；原質檢總局副局長`.
    /// Consecutive posts in the same organization (and both current or
    /// both former) share it: `中國質量報刊社黨委書記、社長`.
    /// Empty when the speaker has no affiliations.
    pub fn posts(&self) -> String {
        self.posts_in(PostStyle::Chinese)
    }

    /// [`Speaker::posts`] in a given style; western posts are joined with
    /// `; ` and never share an organization.
    pub fn posts_in(&self, style: PostStyle) -> String {
        if style == PostStyle::Western {
            let posts: Vec<String> = self
                .affiliations
                .iter()
                .filter_map(|a| a.post_in(style))
                .collect();
            return posts.join("; ");
        }
        let mut out = String::new();
        let mut previous: Option<&Affiliation> = None;
        for a in &self.affiliations {
            let Some(post) = a.post() else { continue };
            let same_org = previous.is_some_and(|p| {
                p.former == a.former
                    && non_empty(&p.organization).is_some()
                    && p.organization == a.organization
            });
            match non_empty(&a.position) {
                Some(position) if same_org => {
                    out.push('、');
                    out.push_str(position);
                }
                _ => {
                    if !out.is_empty() {
                        out.push('；');
                    }
                    out.push_str(&post);
                }
            }
            previous = Some(a);
        }
        out
    }
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.is_empty())
}

impl Affiliation {
    /// Organization then position (`質檢總局副局長`), with 原 before a former
    /// post; `None` when both are absent or empty.
    pub fn post(&self) -> Option<String> {
        self.post_in(PostStyle::Chinese)
    }

    /// [`Affiliation::post`] in a given style.
    pub fn post_in(&self, style: PostStyle) -> Option<String> {
        let organization = non_empty(&self.organization);
        let position = non_empty(&self.position);
        let former = if self.former { style.former() } else { "" };
        let text = match (style, position, organization) {
            (_, None, None) => return None,
            (PostStyle::Chinese, p, o) => format!("{}{}", o.unwrap_or(""), p.unwrap_or("")),
            (PostStyle::Western, Some(p), Some(o)) => format!("{p}, {o}"),
            (PostStyle::Western, Some(one), None) | (PostStyle::Western, None, Some(one)) => {
                one.to_owned()
            }
        };
        Some(format!("{former}{text}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Forum, Segment, SegmentKind, SpeakerKind, Speech};

    fn affiliation(
        organization: Option<&str>,
        position: Option<&str>,
        former: bool,
    ) -> Affiliation {
        Affiliation {
            organization: organization.map(str::to_owned),
            position: position.map(str::to_owned),
            former,
        }
    }

    fn speaker(affiliations: Vec<Affiliation>) -> Speaker {
        Speaker {
            id: "s".to_owned(),
            name: "某人".to_owned(),
            kind: SpeakerKind::Person,
            affiliations,
            note: None,
        }
    }

    #[test]
    fn posts_join_organization_and_position() {
        let s = speaker(vec![
            affiliation(Some("中國計量測試學會"), Some("理事長"), false),
            affiliation(Some("質檢總局"), Some("副局長"), true),
        ]);
        assert_eq!(s.posts(), "中國計量測試學會理事長；原質檢總局副局長");
        assert_eq!(s.short_post().as_deref(), Some("理事長"));
    }

    #[test]
    fn western_posts_read_position_then_organization() {
        let s = speaker(vec![
            affiliation(Some("Example Corp"), Some("Engineer"), false),
            affiliation(Some("Rust Foundation"), Some("Director"), true),
            affiliation(None, Some("Author"), false),
        ]);
        assert_eq!(
            s.posts_in(PostStyle::Western),
            "Engineer, Example Corp; former Director, Rust Foundation; Author"
        );
        assert_eq!(
            s.short_post_in(PostStyle::Western).as_deref(),
            Some("Engineer")
        );
        let former = speaker(vec![affiliation(Some("X"), Some("Chair"), true)]);
        assert_eq!(
            former.short_post_in(PostStyle::Western).as_deref(),
            Some("former Chair")
        );
    }

    #[test]
    fn posts_in_one_organization_share_it() {
        let s = speaker(vec![
            affiliation(Some("中國質量報刊社"), Some("黨委書記"), false),
            affiliation(Some("中國質量報刊社"), Some("社長"), false),
            affiliation(Some("中國質量報刊社"), Some("總編輯"), true),
            affiliation(Some("質檢總局"), Some("副局長"), true),
            affiliation(Some("質檢總局"), None, true),
        ]);
        assert_eq!(
            s.posts(),
            "中國質量報刊社黨委書記、社長；原中國質量報刊社總編輯；原質檢總局副局長；原質檢總局"
        );
        let s = speaker(vec![
            affiliation(None, Some("教授"), false),
            affiliation(None, Some("院士"), false),
        ]);
        assert_eq!(s.posts(), "教授；院士");
    }

    #[test]
    fn posts_skip_empty_affiliations() {
        let s = speaker(vec![
            affiliation(None, None, false),
            affiliation(Some("立法院"), None, false),
            affiliation(None, Some("委員"), true),
        ]);
        assert_eq!(s.posts(), "立法院；原委員");
        assert_eq!(speaker(vec![]).posts(), "");
    }

    #[test]
    fn short_post_falls_back_to_the_organization() {
        let s = speaker(vec![affiliation(
            Some("宜蘭縣漁民權益協會"),
            Some(""),
            false,
        )]);
        assert_eq!(s.short_post().as_deref(), Some("宜蘭縣漁民權益協會"));
        let s = speaker(vec![affiliation(Some("質檢總局"), Some("副局長"), true)]);
        assert_eq!(s.short_post().as_deref(), Some("原副局長"));
        assert_eq!(speaker(vec![]).short_post(), None);
        assert_eq!(
            speaker(vec![affiliation(None, None, false)]).short_post(),
            None
        );
    }

    #[test]
    fn proceedings_helpers() {
        let speech = |speaker| Speech {
            id: "x".to_owned(),
            speaker,
            title: None,
            form: None,
            role: None,
            time: None,
            paragraphs: vec![Block::Paragraph("p".into())],
        };
        let segment = |speeches| Segment {
            id: "g".to_owned(),
            kind: SegmentKind::Other,
            title: "t".to_owned(),
            topic: None,
            description: vec![],
            participants: vec![],
            parents: vec![],
            speeches,
        };
        let p = Proceedings {
            forum: Forum::default(),
            speakers: vec![speaker(vec![])],
            segments: vec![
                segment(vec![speech(Some(SpeakerIdx(0))), speech(None)]),
                segment(vec![speech(None)]),
            ],
        };
        assert_eq!(p.speech_count(), 3);
        assert_eq!(p.speaker(SpeakerIdx(0)).name, "某人");
        assert_eq!(p.speaker_by_id("s"), Some(SpeakerIdx(0)));
        assert_eq!(p.speaker_by_id("nobody"), None);
    }
}
