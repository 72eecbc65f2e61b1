//! The ParlaMint person list (`ParlaMint-XX-listPerson.xml`): names and
//! affiliations by `xml:id`, found by the names the documents give.

use std::collections::HashMap;
use std::path::Path;

use super::parlamint::{read_xml, safe_relative};
use super::xml::Element;
use crate::model::{Affiliation, LoadError};

#[derive(Debug, Default)]
pub(crate) struct Persons {
    by_id: HashMap<String, Element>,
}

impl Persons {
    /// The persons for a sitting: the `person` elements in the sitting
    /// itself, else `CODE-listPerson.xml` beside it or in the folder above
    /// (CODE from the sitting's id, `ParlaMint-SI_2022-…` → `ParlaMint-SI`),
    /// else the list the corpus root `CODE.xml` there includes.
    pub(crate) fn for_sitting(
        tei: &Element,
        dir: Option<&Path>,
    ) -> Result<Option<Persons>, LoadError> {
        if let Some(own) = Persons::inline(tei) {
            return Ok(Some(own));
        }
        let (Some(dir), Some(id)) = (dir, tei.attr("xml:id")) else {
            return Ok(None);
        };
        let code = id.split('_').next().unwrap_or(id);
        let list = format!("{code}-listPerson.xml");
        let root = format!("{code}.xml");
        for d in [Some(dir), dir.parent()].into_iter().flatten() {
            if let Some(path) = safe_relative(d, &list).filter(|p| p.is_file()) {
                return Persons::read(&path).map(Some);
            }
        }
        for d in [Some(dir), dir.parent()].into_iter().flatten() {
            if let Some(path) = safe_relative(d, &root).filter(|p| p.is_file()) {
                let (_, corpus) = read_xml(&path)?;
                if corpus.name == "teiCorpus" {
                    return Persons::for_corpus(&corpus, d);
                }
            }
        }
        Ok(None)
    }

    /// The persons of a corpus root: in its header, or in the file it
    /// includes whose name ends in `listPerson.xml`.
    pub(crate) fn for_corpus(corpus: &Element, dir: &Path) -> Result<Option<Persons>, LoadError> {
        if let Some(own) = Persons::inline(corpus) {
            return Ok(Some(own));
        }
        let mut includes = Vec::new();
        corpus.find_all("include", &mut includes);
        for inc in includes {
            let Some(href) = inc.attr("href").filter(|h| h.ends_with("listPerson.xml")) else {
                continue;
            };
            if let Some(path) = safe_relative(dir, href).filter(|p| p.is_file()) {
                return Persons::read(&path).map(Some);
            }
        }
        Ok(None)
    }

    fn read(path: &Path) -> Result<Persons, LoadError> {
        let (_, list) = read_xml(path)?;
        Ok(Persons::from_list(&list))
    }

    /// `person` elements in the document's own header.
    fn inline(root: &Element) -> Option<Persons> {
        let persons = Persons::from_list(root.child("teiHeader")?);
        (!persons.by_id.is_empty()).then_some(persons)
    }

    fn from_list(list: &Element) -> Persons {
        let mut all = Vec::new();
        list.find_all("person", &mut all);
        if list.name == "person" {
            all.push(list);
        }
        let by_id = all
            .into_iter()
            .filter_map(|p| Some((p.attr("xml:id")?.to_owned(), p.clone())))
            .collect();
        Persons { by_id }
    }

    pub(crate) fn get(&self, id: &str) -> Option<Person<'_>> {
        self.by_id.get(id).map(Person)
    }
}

/// One `person` element.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Person<'a>(&'a Element);

/// Whether `date` (ISO, as written) falls within `from`..=`to` of `e`;
/// bounds of another precision (`2018`) compare on their own length.
fn in_force(e: &Element, date: Option<&str>) -> bool {
    let Some(date) = date else { return true };
    let cut = |bound: &str| date.get(..bound.len()).unwrap_or(date).to_owned();
    let after_start = e.attr("from").is_none_or(|f| cut(f).as_str() >= f);
    let before_end = e.attr("to").is_none_or(|t| cut(t).as_str() <= t);
    after_start && before_end
}

impl Person<'_> {
    /// The name as the list gives it on `date`: forenames, then name
    /// links (`van`), then surnames; the plain text of a `persName`
    /// without parts.
    pub(crate) fn name(&self, date: Option<&str>) -> String {
        let names: Vec<&Element> = self.0.elements().filter(|e| e.name == "persName").collect();
        let Some(pers) = names
            .iter()
            .rev()
            .find(|n| in_force(n, date))
            .or(names.last())
        else {
            return self.0.attr("xml:id").unwrap_or("?").to_owned();
        };
        let part = |kind: &str| -> Vec<String> {
            pers.elements()
                .filter(|e| e.name == kind)
                .map(Element::clean_text)
                .filter(|t| !t.is_empty())
                .collect()
        };
        let parts: Vec<String> = [part("forename"), part("nameLink"), part("surname")].concat();
        let name = if parts.is_empty() {
            pers.clean_text()
        } else {
            parts.join(" ")
        };
        if name.is_empty() {
            self.0.attr("xml:id").unwrap_or("?").to_owned()
        } else {
            name
        }
    }

    /// The affiliations in force on `date` (all of them without a date):
    /// the role as `position` (its English `roleName`, else the `role`
    /// attribute), the organisation's id as `organization`.
    pub(crate) fn affiliations(&self, date: Option<&str>) -> Vec<Affiliation> {
        self.0
            .elements()
            .filter(|e| e.name == "affiliation" && in_force(e, date))
            .map(|a| {
                let names: Vec<&Element> = a.elements().filter(|e| e.name == "roleName").collect();
                let role = names
                    .iter()
                    .find(|r| r.attr("xml:lang") == Some("en"))
                    .or(names.first())
                    .map(|r| r.clean_text())
                    .filter(|r| !r.is_empty())
                    .or_else(|| a.attr("role").map(str::to_owned));
                Affiliation {
                    organization: a
                        .attr("ref")
                        .map(|r| r.trim().trim_start_matches('#').to_owned())
                        .filter(|r| !r.is_empty()),
                    position: role,
                    former: false,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::import::xml::parse;

    #[test]
    fn names_and_affiliations_on_the_sitting_date() {
        let list = parse(
            "l.xml",
            r##"<listPerson><person xml:id="ZorčičIgor"><persName><surname>Zorčič</surname>
            <forename>Igor</forename></persName>
            <affiliation role="member" ref="#DZ" from="2014-08-01" to="2018-06-21"><roleName xml:lang="en">MP</roleName></affiliation>
            <affiliation role="member" ref="#DZ" from="2018-06-22" to="2022-05-12"><roleName xml:lang="en">MP</roleName></affiliation>
            <affiliation role="member" ref="#party.NP" from="2021"/>
            </person><person xml:id="X"><persName>Plain Name</persName></person></listPerson>"##,
        )
        .unwrap();
        let persons = Persons::from_list(&list);
        let igor = persons.get("ZorčičIgor").unwrap();
        assert_eq!(igor.name(Some("2022-04-06")), "Igor Zorčič");
        let a = igor.affiliations(Some("2022-04-06"));
        let got: Vec<(Option<&str>, Option<&str>)> = a
            .iter()
            .map(|a| (a.organization.as_deref(), a.position.as_deref()))
            .collect();
        assert_eq!(
            got,
            [(Some("DZ"), Some("MP")), (Some("party.NP"), Some("member"))]
        );
        assert_eq!(igor.affiliations(None).len(), 3);
        assert_eq!(persons.get("X").unwrap().name(None), "Plain Name");
        assert!(persons.get("Y").is_none());
    }
}
